import Foundation
import Hummingbird
import Logging

/// One log line per request: the method, the *route* it matched (`/candidats/{id}`, never the
/// address typed, whose query may carry a searched name), the status, the duration and the
/// signed-in account's id. No name, address, e-mail or form field reaches the log.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        defer {
            let elapsed = ContinuousClock.now - start
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            var metadata: Logger.Metadata = [
                "method": "\(request.method.rawValue)", "route": "\(context.endpointPath ?? "(aucune)")",
                "status": "\(status)", "ms": "\(String(format: "%.1f", ms))",
            ]
            if let account = context.identity?.id { metadata["account"] = "\(account)" }
            context.logger.info("requête", metadata: metadata)
        }
        let response = try await next(request, context)
        status = response.status.code
        return response
    }
}
