import CertifolioCore
import Foundation
import Hummingbird
import Mustache

/// Renders the mustache templates of `Templates/` into complete HTML responses. Every page
/// goes through `layout.mustache` (navigation, messages, the skip link).
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> PageRenderer {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw WebSetupError.missingResources
        }
        return PageRenderer(library: try await MustacheLibrary(directory: folder.path))
    }

    /// A page: `template` fills the layout's blocks with `body`.
    func render<Body>(_ template: String, title: String, body: Body, context: WebContext,
                      status: HTTPResponse.Status = .ok) -> Response {
        let page = Page(title: title, nav: Navigation(context.identity), csrf: context.csrfToken,
                        flash: context.sessions.session?.flash, body: body)
        guard let html = library.render(TemplateTree.convert(page) ?? [:], withTemplate: template) else {
            return Response(status: .internalServerError, headers: Self.headers(type: "text/plain; charset=utf-8"),
                            body: .init(byteBuffer: ByteBuffer(string: "Gabarit « \(template) » introuvable.")))
        }
        // A flash is shown once.
        if context.sessions.session?.flash != nil {
            context.sessions.withLockedSession { $0?.flash = nil }
        }
        return Response(status: status, headers: Self.headers(type: "text/html; charset=utf-8"),
                        body: .init(byteBuffer: ByteBuffer(string: html)))
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

/// What the layout needs around every page body.
struct Page<Body> {
    let title: String
    let nav: Navigation?
    let csrf: String
    let flash: String?
    let body: Body
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
