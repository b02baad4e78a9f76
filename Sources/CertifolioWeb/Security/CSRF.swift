import Foundation
import Hummingbird
import HummingbirdAuth
import NIOCore

/// Refuses any POST whose `_csrf` field does not match the token of the visitor: the
/// session's token once signed in, else the token of the `certifolio_csrf` cookie (the sign-in
/// form). Reads the body once and hands it to the handlers in the context.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let cookieName = "certifolio_csrf"

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var request = request
        var context = context
        let cookieToken = request.cookies[Self.cookieName]?.value
        // Signed in, the session's token serves: no cookie token to make on every page.
        if context.sessions.session == nil { context.anonymousCSRF = cookieToken ?? Self.newToken() }
        // A route that takes documents reads its body as it streams and checks the token itself
        // (`StreamedUpload`), before any file is written.
        if request.method == .post, !WebRoutes.streamed.contains(request.uri.path) {
            let limit = WebRoutes.fileUploads.contains(request.uri.path) ? context.maxUploadSize : WebRoutes.formLimit
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: limit)
            } catch is NIOTooManyBytesError {
                throw HTTPError(.contentTooLarge)
            }
            let form = SubmittedForm(body: body, contentType: request.headers[.contentType])
            let sent = (try? form.decode(CSRFField.self))?.token ?? ""
            guard !sent.isEmpty, Self.same(sent, context.csrfToken) else {
                throw HTTPError(.forbidden, message: "Formulaire expiré ou falsifié : rechargez la page et recommencez.")
            }
            context.form = form
        }
        var response = try await next(request, context)
        if cookieToken == nil, let token = context.anonymousCSRF {
            response.setCookie(Cookie(name: Self.cookieName, value: token, path: "/", httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// 32 random bytes (SystemRandomNumberGenerator reads the kernel's CSPRNG), URL-safe.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return bytes.base64EncodedString().replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "=", with: "")
    }

    /// Compares in constant time (a timing difference would leak the token byte by byte).
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
