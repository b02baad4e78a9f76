import CertifolioCore
import Foundation
import Hummingbird

/// Renders pages into complete HTML responses: a page's content (`PageContent`, drawn in
/// Swift with `HTML`) framed by `LayoutHTML` (navigation, messages, the skip link).
struct PageRenderer: Sendable {
    func render(_ content: some PageContent, title: String, context: WebContext,
                status: HTTPResponse.Status = .ok) -> Response {
        let frame = Frame(context)
        let html = LayoutHTML.page(title: title, nav: frame.nav, csrf: frame.csrf, flash: frame.flash,
                                   content: content.html(csrf: frame.csrf))
        // A flash is shown once.
        if frame.flash != nil {
            context.sessions.withLockedSession { $0?.flash = nil }
        }
        return Response(status: status, headers: Self.headers(type: "text/html; charset=utf-8"),
                        body: .init(byteBuffer: ByteBuffer(string: html.markup)))
    }

    /// Pages hold personal data: never cached, never framed, no script, no foreign resource.
    static func headers(type: String) -> HTTPFields {
        [
            .contentType: type,
            .cacheControl: "no-store",
            .init("X-Content-Type-Options")!: "nosniff",
            .init("X-Frame-Options")!: "DENY",
            .init("Referrer-Policy")!: "same-origin",
            .contentSecurityPolicy: "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'",
        ]
    }
}

/// What the layout needs around every page's content.
private struct Frame {
    let nav: Navigation?
    let csrf: String
    let flash: String?

    init(_ context: WebContext) {
        nav = Navigation(context.identity)
        csrf = context.csrfToken
        flash = context.sessions.session?.flash
    }
}

/// The signed-in person and the links of their role.
struct Navigation {
    struct Link {
        let href: String
        let label: String
    }
    let name: String
    let role: String
    let links: [Link]

    init?(_ account: UserAccount?) {
        guard let account else { return nil }
        name = account.displayName
        role = account.role.french
        switch account.role {
        case .candidate:
            links = [Link(href: WebRoutes.portal.path, label: "Mon dossier"),
                     Link(href: WebRoutes.portalDeposits.path, label: "Mes dépôts")]
        case .evaluator:
            links = [Link(href: WebRoutes.dashboard.path, label: "Tableau de bord"),
                     Link(href: WebRoutes.queue.path, label: "À évaluer"),
                     Link(href: WebRoutes.cohorts.path, label: "Promotions")]
        case .manager:
            links = [Link(href: WebRoutes.dashboard.path, label: "Tableau de bord"),
                     Link(href: WebRoutes.queue.path, label: "À évaluer"),
                     Link(href: WebRoutes.cohorts.path, label: "Promotions"),
                     Link(href: WebRoutes.candidates.path, label: "Candidats"),
                     Link(href: WebRoutes.calendar.path, label: "Calendrier"),
                     Link(href: WebRoutes.publications.path, label: "Publication"),
                     Link(href: WebRoutes.imports.path, label: "Importer"),
                     Link(href: WebRoutes.accounts.path, label: "Comptes"),
                     Link(href: WebRoutes.register.path, label: "Parchemins"),
                     Link(href: WebRoutes.cpf.path, label: "CPF"),
                     Link(href: WebRoutes.statistics.path, label: "Statistiques"),
                     Link(href: WebRoutes.certifierProfile.path, label: "Certificateur")]
        case .secretary:
            links = [Link(href: WebRoutes.sessions.path, label: "Sessions de jury"),
                     Link(href: WebRoutes.directory.path, label: "Annuaire du jury"),
                     Link(href: WebRoutes.register.path, label: "Parchemins")]
        }
    }
}
