import CertifolioApp
import CertifolioCore
import Hummingbird

/// The gestionnaire enrols one candidate from a form (a latecomer, a VAE candidate), checked
/// by the same EnrolmentCheck as a line of a cohort's `candidates.csv`, then recorded (`NewEnrolment`).
struct EnrolmentRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        let manager = router.group().add(middleware: RequireRole(.manager))
        manager.get(WebRoutes.enrol) { _, context in
            try page(NewEnrolment(enrolledOn: services.today().iso), refusal: nil, context: context)
        }
        manager.post(WebRoutes.enrol) { _, context in try enrol(context) }
    }

    private func enrol(_ context: WebContext) throws -> Response {
        let account = try context.requireIdentity()
        let enrolment = try context.form.decode(EnrolmentForm.self).enrolment
        do {
            try services.app.enrol(enrolment, source: "inscription web du \(services.today().french)",
                                   actor: account.actor)
            let id = enrolment.candidateID.trimmingCharacters(in: .whitespaces)
            return flashRedirect(WebRoutes.candidate.path(CandidateID(id)), "\(id) inscrit en \(enrolment.certification).", context)
        } catch let refusal as UserFacingError {
            return try page(enrolment, refusal: refusal, context: context, status: .unprocessableContent)
        }
    }

    private func page(_ enrolment: NewEnrolment, refusal: UserFacingError?, context: WebContext,
                      status: HTTPResponse.Status = .ok) throws -> Response {
        let body = EnrolmentFormView(enrolment, referentiels: Array(try services.referentiels().values),
                                     cohortNames: try services.app.cohortNames(), refusal: refusal)
        return services.pages.render(body, title: "Inscrire un candidat", context: context,
                                     status: status)
    }
}
