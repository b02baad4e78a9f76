import Foundation
import Hummingbird
import HummingbirdAuth

/// Ends a session left idle for `limit` (a computer left open in a training centre): the next
/// request finds no one signed in and goes to the sign-in page. A request within the limit keeps
/// the session alive (its time noted at most once a minute).
struct IdleExpiry: RouterMiddleware {
    typealias Context = WebContext
    /// 30 minutes.
    static let limit: TimeInterval = 30 * 60
    let clock: @Sendable () -> Date

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        if let session = context.sessions.session {
            let now = clock().timeIntervalSince1970
            if now - session.lastSeen > Self.limit {
                context.sessions.clearSession()
            } else if now - session.lastSeen > 60 {
                context.sessions.withLockedSession { $0?.lastSeen = now }
            }
        }
        return try await next(request, context)
    }
}
