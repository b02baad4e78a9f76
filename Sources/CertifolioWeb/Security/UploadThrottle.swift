import CertifolioCore
import Foundation
import Hummingbird

/// Limits how many files one account sends in a window (deposits, cohort files, référentiels,
/// reports, surveys): a script looping on the upload form cannot fill the disk or keep the server
/// busy. Counted in memory per account (per address before sign-in).
actor UploadCounter {
    let limit: Int
    let window: TimeInterval
    private var uploads: [String: [Date]] = [:]

    init(limit: Int = 30, window: TimeInterval = 10 * 60) {
        self.limit = limit
        self.window = window
    }

    /// Counts an upload now; when the limit is reached, the moment another may be sent instead.
    func admit(_ key: String, now: Date = Date()) -> Date? {
        let recent = (uploads[key] ?? []).filter { now.timeIntervalSince($0) < window }
        guard recent.count < limit else {
            uploads[key] = recent
            return recent.min()!.addingTimeInterval(window)
        }
        uploads[key] = recent + [now]
        return nil
    }
}

/// Refuses with 429, in French, an upload beyond the account's limit, before its body is read.
struct UploadThrottle: RouterMiddleware {
    typealias Context = WebContext
    let counter: UploadCounter

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if request.method == .post, WebRoutes.fileUploads.contains(path) || WebRoutes.streamed.contains(path) {
            let key = context.identity.map { "compte:\($0.id)" } ?? "ip:\(context.clientAddress ?? "?")"
            if let until = await counter.admit(key) {
                let minutes = max(1, Int((until.timeIntervalSinceNow / 60).rounded(.up)))
                throw HTTPError(.tooManyRequests, message: "Trop d'envois de fichiers en peu de temps : réessayez dans "
                                + French.count(minutes, "minute", "minutes") + ". Rien n'a été enregistré.")
            }
        }
        return try await next(request, context)
    }
}
