import Dispatch
import Hummingbird

/// The door (`Certifolio`) is synchronous: a write waits, up to the busy timeout, for another
/// process's write (an import from the command line), and a read of a large page takes its time.
/// Run on Swift's cooperative pool (one thread per core), two such waits would stall every other
/// request, reads of other pages included. Each request's handlers therefore run on threads of
/// their own: a write waiting for SQLite holds one thread, never the server.
struct DoorThreadsMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        try await withTaskExecutorPreference(DoorThreads.shared) { try await next(request, context) }
    }
}

/// A task executor over a concurrent dispatch queue, whose pool adds a thread when one blocks.
final class DoorThreads: TaskExecutor {
    static let shared = DoorThreads()
    private let queue = DispatchQueue(label: "certifolio.door", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
