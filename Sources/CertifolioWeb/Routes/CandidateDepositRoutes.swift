import CertifolioApp
import CertifolioCore
import Foundation
import Hummingbird
import NIOCore

/// The candidate's deposits: the page, the upload (streamed to disk), the receipts and the
/// files, each only for the signed-in candidate's own deposits (the id comes from the account).
struct CandidateDepositRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        let portal = router.group().add(middleware: RequireRole(.candidate))
        portal.get(WebRoutes.portalDeposits) { _, context in try page(context, refused: nil, status: .ok) }
        portal.post(WebRoutes.portalDeposits) { request, context in try await deposit(request, context) }
        portal.get(WebRoutes.portalReceipt) { _, context -> Response in
            let id = try WebRoutes.portalReceipt.values(context)
            let own = try CandidatePortalRoutes.ownID(context)
            return try Downloads.pdf(named: "accuse-de-depot-\(id).pdf") { path in
                do {
                    try services.app.writeReceipt(id, of: own, to: path)
                } catch StoreError.unknownDeposit {
                    throw HTTPError(.notFound)
                }
            }
        }
        portal.get(WebRoutes.portalDepositFile) { _, context -> Response in
            let (id, position) = try WebRoutes.portalDepositFile.values(context)
            return try AssessmentRoutes.download(id, position, of: try CandidatePortalRoutes.ownID(context), services)
        }
    }

    private func page(_ context: WebContext, refused: (epreuve: String, errors: [String])?,
                      status: HTTPResponse.Status) throws -> Response {
        let own = try CandidatePortalRoutes.ownID(context)
        let page = CandidateDepositsPage(slots: try services.app.depositSlots(of: own), now: services.now(),
                                         limit: services.app.depositLimit, refused: refused)
        return services.pages.render(page, title: "Mes dépôts", context: context, status: status)
    }

    private func deposit(_ request: Request, _ context: WebContext) async throws -> Response {
        let own = try CandidatePortalRoutes.ownID(context)
        let account = try context.requireIdentity()
        let upload = try await StreamedUpload.read(request, context: context, app: services.app)
        let form = DepositForm(upload)
        do {
            let deposit = try services.app.deposit(form.draft(for: own), at: services.now(), actor: account.actor)
            let names = deposit.files.map(\.name).joined(separator: ", ")
            return flashRedirect(WebRoutes.portalDeposits.path,
                                 "Dépôt enregistré (version \(deposit.version)) : \(names). Son accusé de dépôt est ci-dessous.",
                                 context)
        } catch let refused as DepositRefused {
            return try page(context, refused: (form.epreuve, refused.problems.map(\.message)), status: .unprocessableContent)
        }
    }
}

/// The deposit form's values: the épreuve ("RNCP41818BC01|note_synthese") and the files.
struct DepositForm {
    let epreuve: String
    let files: [ReceivedFile]

    init(_ upload: StreamedUpload) {
        epreuve = (upload.fields["epreuve"] ?? "").trimmingCharacters(in: .whitespaces)
        files = upload.files["fichiers"] ?? []
    }

    func draft(for candidate: CandidateID) -> DepositDraft {
        let parts = EvaluationForm.epreuveParts(epreuve)
        return DepositDraft(candidate: candidate, component: parts.component, modality: parts.modality, files: files)
    }
}
