import CertifolioCore
import Foundation
import Hummingbird
import HummingbirdAuth
import NIOCore

/// What the session cookie points at: who signed in and the token their forms must carry.
public struct WebSession: Codable, Sendable {
    public var accountID: Int64
    /// The anti-forgery token of this session (every form posts it back).
    public var csrf: String
    /// A one-shot message shown on the next page (after a redirect).
    public var flash: String?
    /// When the person signed in (UTC, as the database writes times): a password changed since
    /// ends the session.
    public var signedInAt: String
    /// The last request (seconds since 1970): a session idle longer than `IdleExpiry.limit` ends.
    public var lastSeen: Double

    public init(accountID: Int64, csrf: String, flash: String? = nil, now: Date = Date()) {
        self.accountID = accountID
        self.csrf = csrf
        self.flash = flash
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        signedInAt = formatter.string(from: now)
        lastSeen = now.timeIntervalSince1970
    }
}

/// The request context of every route: the signed-in account (if any), the session, the
/// parsed form of a POST (checked against forgery before any handler runs).
public struct WebContext: AuthRequestContext, SessionRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: UserAccount?
    public let sessions: SessionContext<WebSession>
    /// The body of a POST, read once by `CSRFMiddleware` (empty for a GET); each route
    /// decodes it into its form's value.
    public var form = SubmittedForm()
    /// The anti-forgery token of an anonymous visitor (the sign-in form), from its cookie.
    public var anonymousCSRF: String?
    /// The client's address, for rate-limiting sign-in attempts.
    public let clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
        sessions = .init()
        anonymousCSRF = nil
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Uploads (a cohort's events.csv) may be large; everything else is small.
    public var maxUploadSize: Int { 64 << 20 }

    /// The token the current page's forms must carry.
    public var csrfToken: String { sessions.session?.csrf ?? anonymousCSRF ?? "" }
}
