import CertifolioCore
import Foundation
import Hummingbird
import HummingbirdAuth

/// Signing in and out, and the home page that sends each role to its workspace.
struct SignInRoutes {
    let services: WebServices

    struct FormBody {
        let email: String
        let next: String
        let error: String?
    }

    func add(to router: Router<WebContext>) {
        router.get(WebRoutes.home) { _, context -> Response in
            guard let account = context.identity else { return Self.redirect(WebRoutes.signIn.path) }
            return Self.redirect(Self.home(account.role))
        }
        router.get(WebRoutes.signIn) { request, context -> Response in
            if let account = context.identity { return Self.redirect(Self.home(account.role)) }
            let next = Self.safeNext(request.uri.queryParameters["suite"].map(String.init))
            // After choosing a password with a link, the address is filled in.
            let email = request.uri.queryParameters["compte"].map(String.init) ?? ""
            return services.pages.render(FormBody(email: email, next: next, error: nil), title: "Connexion",
                                         context: context)
        }
        router.post(WebRoutes.signIn) { _, context -> Response in
            try await signIn(context)
        }
        router.post(WebRoutes.signOut) { _, context -> Response in
            context.sessions.clearSession()
            return Self.redirect(WebRoutes.signIn.path)
        }
    }

    private func signIn(_ context: WebContext) async throws -> Response {
        let form = try context.form.decode(SignInForm.self)
        let email = form.email
        let password = form.password
        let next = Self.safeNext(form.next)
        let keys = LoginThrottle.keys(email: email, address: context.clientAddress)
        if let until = await services.throttle.blockedUntil(keys) {
            let minutes = max(1, Int((until.timeIntervalSinceNow / 60).rounded(.up)))
            return services.pages.render(
                FormBody(email: email, next: next,
                         error: "Trop de tentatives de connexion : réessayez dans \(French.count(minutes, "minute", "minutes"))."),
                title: "Connexion", context: context, status: .tooManyRequests)
        }
        let app = services.app
        let signedIn = try await Task.detached { try app.signIn(email: email, password: password) }.value
        guard let account = signedIn else {
            await services.throttle.failed(keys)
            return services.pages.render(
                FormBody(email: email, next: next, error: "Adresse électronique ou mot de passe incorrect."),
                title: "Connexion", context: context, status: .unauthorized)
        }
        await services.throttle.succeeded(email: email)
        context.sessions.createSession(WebSession(accountID: account.id, csrf: CSRFMiddleware.newToken(), flash: nil))
        return Self.redirect(next.isEmpty ? Self.home(account.role) : next)
    }

    static func home(_ role: UserRole) -> String {
        switch role {
        case .candidate: return WebRoutes.portal.path
        case .evaluator, .manager: return WebRoutes.dashboard.path
        case .secretary: return WebRoutes.sessions.path
        }
    }

    /// Only a path of this site (never `//other.example`): no open redirect.
    static func safeNext(_ text: String?) -> String {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\") else { return "" }
        return text
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
