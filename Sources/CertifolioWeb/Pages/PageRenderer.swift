import CertifolioCore
import Foundation
import Hummingbird
import Mustache

/// Renders pages into complete HTML responses: a mustache template of `Templates/` (or, for
/// the pages read most often, `HTML` written in Swift) gives the page's content, and
/// `LayoutHTML` frames it (navigation, messages, the skip link).
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> PageRenderer {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw WebSetupError.missingResources
        }
        return PageRenderer(library: try await MustacheLibrary(directory: folder.path))
    }

    /// A page whose content is `template` rendered with `body` (and, around it, `title`,
    /// `csrf` and the rest of `Page`).
    func render<Body>(_ template: String, title: String, body: Body, context: WebContext,
                      status: HTTPResponse.Status = .ok) -> Response {
        let page = Page(title: title, context: context, body: body)
        guard let content = library.render(TemplateTree.convert(page) ?? [:], withTemplate: template) else {
            return Response(status: .internalServerError, headers: Self.headers(type: "text/plain; charset=utf-8"),
                            body: .init(byteBuffer: ByteBuffer(string: "Gabarit « \(template) » introuvable.")))
        }
        return respond(page, content: HTML(escaped: content), context: context, status: status)
    }

    /// A page whose content is already written.
    func render(_ content: HTML, title: String, context: WebContext, status: HTTPResponse.Status = .ok) -> Response {
        respond(Page(title: title, context: context, body: ()), content: content, context: context, status: status)
    }

    private func respond<Body>(_ page: Page<Body>, content: HTML, context: WebContext,
                               status: HTTPResponse.Status) -> Response {
        let html = LayoutHTML.page(title: page.title, nav: page.nav, csrf: page.csrf, flash: page.flash,
                                   content: content)
        // A flash is shown once.
        if page.flash != nil {
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

enum WebSetupError: UserFacingError {
    case missingResources
    var message: String { "les gabarits de pages (Templates/) sont introuvables dans l'installation." }
}

/// What the layout needs around every page body, and what templates read around `body`.
struct Page<Body> {
    let title: String
    let nav: Navigation?
    let csrf: String
    let flash: String?
    let body: Body

    init(title: String, context: WebContext, body: Body) {
        self.title = title
        nav = Navigation(context.identity)
        csrf = context.csrfToken
        flash = context.sessions.session?.flash
        self.body = body
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
            links = [Link(href: "/mon-dossier", label: "Mon dossier")]
        case .evaluator:
            links = [Link(href: "/tableau-de-bord", label: "Tableau de bord"),
                     Link(href: "/promotions", label: "Promotions")]
        case .manager:
            links = [Link(href: "/tableau-de-bord", label: "Tableau de bord"),
                     Link(href: "/promotions", label: "Promotions"),
                     Link(href: "/candidats", label: "Candidats"),
                     Link(href: "/import", label: "Importer"),
                     Link(href: "/comptes", label: "Comptes")]
        case .secretary:
            links = [Link(href: "/jury", label: "Sessions de jury")]
        }
    }
}
