import CertifolioCore
import Hummingbird

/// The candidate's own space: their progress and their documents, nothing else. The
/// candidate id comes from the account, never from the address.
struct CandidatePortalRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        let portal = router.group().add(middleware: RequireRole(.candidate))
        let records = RecordPages(services: services)
        portal.get(WebRoutes.portal) { _, context -> Response in
            let id = try Self.ownID(context)
            let (loaded, agenda) = try records.portal(id)
            let parchemin = try services.app.currentParchemin(loaded.record, verdict: loaded.verdict)?.entry
            return services.pages.render(CandidatePortalHTML.render(loaded.view, agenda: agenda, parchemin: parchemin),
                                         title: "Mon dossier", context: context)
        }
        portal.get(WebRoutes.portalAttestation) { _, context in try records.attestation(try Self.ownID(context)) }
        portal.get(WebRoutes.portalParchemin) { _, context in try records.parchemin(try Self.ownID(context)) }
        // The right of access, without asking anyone: everything held of them, as JSON and files.
        portal.get(WebRoutes.portalPersonalData) { _, context in
            try Downloads.personalData(try Self.ownID(context), services)
        }
    }

    static func ownID(_ context: WebContext) throws -> CandidateID {
        guard let id = context.identity?.candidateID else { throw Forbidden() }
        return id
    }
}
