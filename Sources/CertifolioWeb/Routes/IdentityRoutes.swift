import CertifolioApp
import CertifolioCore
import Hummingbird

/// The gestionnaire rectifies a candidate's civil identity (names, birth date and place, sex,
/// address) with a reason, from the candidate's page; the page lists every earlier rectification
/// with what the record said before.
struct IdentityRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        let manager = router.group().add(middleware: RequireRole(.manager))
        manager.get(WebRoutes.identity) { _, context -> Response in
            let id = try WebRoutes.identity.values(context)
            guard let record = try services.app.candidateRecord(id) else { throw HTTPError(.notFound) }
            return try page(id, NewEnrolment(record.candidate, record.enrolment), reason: "", refusal: nil,
                            context: context)
        }
        // A request of access sent to the certifier, answered from the candidate's page.
        manager.get(WebRoutes.personalData) { _, context -> Response in
            let id = try WebRoutes.personalData.values(context)
            guard try services.app.candidateRecord(id) != nil else { throw HTTPError(.notFound) }
            return try Downloads.personalData(id, services)
        }
        manager.post(WebRoutes.identity) { _, context -> Response in
            let id = try WebRoutes.identity.values(context)
            let account = try context.requireIdentity()
            let form = try context.form.decode(IdentityForm.self)
            do {
                try services.app.rectifyIdentity(of: id, form.fields, reason: form.reason, actor: account.actor)
            } catch let refusal as RectificationRefused {
                if case .unknownCandidate = refusal { throw HTTPError(.notFound) }
                return try page(id, form.fields, reason: form.reason, refusal: refusal, context: context,
                                status: .unprocessableContent)
            }
            return flashRedirect(WebRoutes.candidate.path(id), "État civil rectifié ; l'ancien reste dans l'historique.",
                                 context)
        }
    }

    private func page(_ id: CandidateID, _ fields: NewEnrolment, reason: String, refusal: RectificationRefused?,
                      context: WebContext, status: HTTPResponse.Status = .ok) throws -> Response {
        guard let record = try services.app.candidateRecord(id) else { throw HTTPError(.notFound) }
        let view = IdentityFormView(record: record, fields: fields, reason: reason, refusal: refusal,
                                    history: try services.app.identityRectifications(id).map { r in
                                        var named = r
                                        named.actor = services.actorName(r.actor)
                                        return named
                                    })
        return services.pages.render(view, title: "État civil de \(record.candidate.displayName) (\(id))",
                                     context: context, status: status)
    }
}

/// The rectification form: the same fields as the enrolment form's person (`NewEnrolment`), and
/// the reason.
struct IdentityForm: Decodable {
    let fields: NewEnrolment
    let reason: String

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        fields = NewEnrolment(familyName: try c.text(.familyName), givenNames: try c.text(.givenNames),
                              birthDate: try c.text(.birthDate), email: try c.text(.email),
                              identity: try IdentityFields.decode(decoder))
        reason = try c.text(.reason)
    }

    enum CodingKeys: String, CodingKey {
        case familyName = "nom", givenNames = "prenoms", birthDate = "naissance", email, reason = "motif"
    }
}
