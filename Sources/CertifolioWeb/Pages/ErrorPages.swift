import CertifolioCore
import Hummingbird
import Logging

/// Turns what a handler throws into a French page: a refused access, a missing page, a
/// forged form, or a use case's refusal (the store's French message). Nothing else leaks.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let pages: PageRenderer

    struct Body {
        let heading: String
        let message: String
    }

    func handle(_ request: Request, context: WebContext,
                next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch is Forbidden {
            return page(.forbidden, "Accès refusé", "Cette page n'est pas accessible avec votre compte.", context)
        } catch let error as HTTPError {
            switch error.status {
            case .notFound:
                return page(.notFound, "Page introuvable", "L'adresse demandée n'existe pas.", context)
            case .forbidden:
                return page(.forbidden, "Accès refusé", error.body ?? "Action refusée.", context)
            case .tooManyRequests:
                return page(.tooManyRequests, "Trop d'envois", error.body ?? "Réessayez dans quelques minutes.", context)
            case .contentTooLarge:
                return page(.contentTooLarge, "Envoi trop volumineux",
                            error.body ?? "Ce formulaire dépasse la taille admise ; rien n'a été enregistré.", context)
            default:
                return page(error.status, "Demande refusée", error.body ?? "La demande n'a pas pu être traitée.", context)
            }
        } catch let error as UserFacingError {
            return page(.unprocessableContent, "Action refusée", error.message, context)
        } catch {
            // The error's type only: its text may quote a value typed by a person. The whole
            // text at the debug level (LOG_LEVEL=debug, for a developer's machine, never in service).
            context.logger.error("erreur inattendue", metadata: ["type": "\(type(of: error))",
                                                                 "route": "\(context.endpointPath ?? "(aucune)")"])
            context.logger.debug("erreur inattendue : \(error)")
            return page(.internalServerError, "Erreur", "Une erreur inattendue s'est produite ; rien n'a été modifié.",
                        context)
        }
    }

    private func page(_ status: HTTPResponse.Status, _ heading: String, _ message: String,
                      _ context: WebContext) -> Response {
        pages.render(Body(heading: heading, message: message), title: heading, context: context,
                     status: status)
    }
}

extension UserFacingError {
    /// The message as lines for a list on a page: `InputErrors` and `CloseRefused` give one
    /// line per problem.
    var lines: [String] {
        message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
