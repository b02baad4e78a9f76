import CertifolioApp
import CertifolioCore
import CertifolioRules
import Foundation
import Hummingbird

/// The évaluateur's workspace (the gestionnaire has it too): the dashboard, the cohorts they
/// may see, a candidate's record with the evaluation form, and corrections.
struct StaffRoutes {
    let services: WebServices

    struct CohortPage {
        struct Line {
            let id: String
            let name: String
            let link: String
            let route: String
            let acquired: String
            let title: String
            let tone: String
        }
        let name: String
        let lines: [Line]
        let asOf: String
        /// The title status the list is filtered on (`?titre=`), if any.
        var filter: TitleFilter?
    }

    /// The dashboard's counts open the cohort's list filtered on them.
    enum TitleFilter: String, CaseIterable {
        case awarded = "delivre", eligible = "presentable", inProgress = "en-cours"

        init(_ status: TitleStatus) {
            switch status {
            case .awarded: self = .awarded
            case .eligible: self = .eligible
            case .notEligible: self = .inProgress
            }
        }

        var label: String {
            switch self {
            case .awarded: return "titre délivré"
            case .eligible: return "présentables au jury"
            case .inProgress: return "en cours"
            }
        }
    }

    struct CohortList {
        struct Line {
            let name: String
            let link: String
        }
        let cohorts: [Line]
    }

    /// A candidate's record with the evaluation form and their deposits.
    struct CandidatePage {
        let record: RecordView
        let form: EvaluationFormView
        let deposits: [DepositSlot]
        let delay: ExtensionFormView?
        /// The gestionnaire rectifies the civil identity.
        let canRectify: Bool
    }

    struct CorrectionPage {
        let record: RecordView
        let corrected: RecordView.Evaluation
        let form: EvaluationFormView
    }

    func add(to router: Router<WebContext>) {
        let staff = router.group().add(middleware: RequireRole(.evaluator, .manager))
        staff.get(WebRoutes.dashboard) { _, context in try dashboard(context) }
        staff.get(WebRoutes.cohorts) { _, context -> Response in
            let account = try context.requireIdentity()
            let names = try services.app.cohortNames().filter { RecordAccess.cohortVisible($0, to: account) }
            let body = CohortList(cohorts: names.map { CohortList.Line(name: $0, link: WebRoutes.cohort.path($0)) })
            return services.pages.render(body, title: "Promotions", context: context)
        }
        staff.get(WebRoutes.cohort) { request, context in try cohort(request, context) }
        staff.get(WebRoutes.cohortCSV) { request, context in try cohort(request, context, csv: true) }
        staff.get(WebRoutes.candidate) { request, context in
            // From the queue (or a grid link): the épreuve chosen and the deposit assessed.
            let query = request.uri.queryParameters
            return try candidatePage(try candidate(WebRoutes.candidate, context),
                                     form: EvaluationForm(epreuve: query["epreuve"].map(String.init) ?? "",
                                                          date: services.today().iso,
                                                          deposit: query["depot"].map(String.init) ?? ""),
                              errors: nil, context: context)
        }
        staff.get(WebRoutes.candidateAttestation) { _, context in
            try RecordPages(services: services).attestation(try candidate(WebRoutes.candidateAttestation, context))
        }
        staff.post(WebRoutes.evaluations) { _, context in try record(context) }
        staff.get(WebRoutes.correction) { _, context in
            let (id, event) = try corrected(context)
            return try correctionPage(id, event: event, form: nil, errors: nil, context: context)
        }
        staff.post(WebRoutes.correction) { _, context in try correct(context) }
    }

    private func dashboard(_ context: WebContext) throws -> Response {
        let account = try context.requireIdentity()
        let referentiels = try services.referentiels()
        let visible = try services.app.cohortNames().filter { RecordAccess.cohortVisible($0, to: account) }
        let records = try visible.flatMap { try services.app.candidateRecords(cohort: $0) }
        let today = services.today()
        let body = DashboardView(verdicts: Certifolio.verdicts(records, referentiels: referentiels, asOf: today),
                                 referentiels: referentiels, asOf: today)
        return services.pages.render(body, title: "Tableau de bord", context: context)
    }

    private func cohort(_ request: Request, _ context: WebContext, csv: Bool = false) throws -> Response {
        let account = try context.requireIdentity()
        let name = try (csv ? WebRoutes.cohortCSV : WebRoutes.cohort).values(context)
        let filter = request.uri.queryParameters["titre"].flatMap { TitleFilter(rawValue: String($0)) }
        guard RecordAccess.cohortVisible(name, to: account) else { throw Forbidden() }
        let records = try services.app.candidateRecords(cohort: name)
        guard !records.isEmpty else { throw HTTPError(.notFound) }
        let referentiels = try services.referentiels()
        let verdicts = Certifolio.verdicts(records, referentiels: referentiels, asOf: services.today())
            .filter { filter == nil || TitleFilter($0.verdict.title.status) == filter }
        let lines = verdicts.map { record, verdict in
            let referentiel = referentiels[record.enrolment.certification]
            let acquired = verdict.blocks.filter { $0.status == .acquired }.count
            let passed = verdict.blocks.filter { $0.status == .passed }.count
            return CohortPage.Line(
                id: record.candidate.id.rawValue, name: record.candidate.displayName,
                link: WebRoutes.candidate.path(record.candidate.id),
                route: referentiel?.route(record.enrolment.route)?.label ?? record.enrolment.route.rawValue,
                acquired: "\(acquired) acquis, " + French.count(passed, "réussi", "réussis") + " sur \(verdict.blocks.count)",
                title: Self.titleLabel(verdict.title.status), tone: Self.titleTone(verdict.title.status))
        }
        if csv {
            return Downloads.csv(["candidate_id", "name", "access_route", "blocks", "title"],
                                 lines.map { [$0.id, $0.name, $0.route, $0.acquired, $0.title] },
                                 filename: "promotion-\(name)\(filter.map { "-\($0.rawValue)" } ?? "").csv")
        }
        return services.pages.render(CohortPage(name: name, lines: lines, asOf: services.today().french, filter: filter),
                                     title: "Promotion \(name)", context: context)
    }

    private func record(_ context: WebContext) throws -> Response {
        let account = try context.requireIdentity()
        let id = try candidate(WebRoutes.evaluations, context)
        let form = try context.form.decode(EvaluationForm.self)
        do {
            let number = try services.app.recordEvaluation(form.draft(evaluator: account.displayName), of: id,
                                                           comment: form.comment, today: services.today(),
                                                           requireGrid: true, actor: account.actor)
            return flashRedirect(WebRoutes.candidate.path(id), "Évaluation n° \(number) enregistrée.", context)
        } catch let refused as EvaluationRefused {
            return try candidatePage(id, form: form, errors: form.errors(refused), context: context,
                                     status: .unprocessableContent)
        }
    }

    private func correct(_ context: WebContext) throws -> Response {
        let account = try context.requireIdentity()
        let (id, event) = try corrected(context)
        let form = try context.form.decode(EvaluationForm.self)
        do {
            let number = try services.app.correctEvaluation(event, of: id, with: form.draft(evaluator: account.displayName),
                                                            comment: form.comment, today: services.today(),
                                                            requireGrid: true, actor: account.actor)
            return flashRedirect(WebRoutes.candidate.path(id),
                                 "Correction enregistrée (évaluation n° \(number), qui remplace la n° \(event)).",
                                 context)
        } catch let refused as EvaluationRefused {
            return try correctionPage(id, event: event, form: form, errors: form.errors(refused), context: context,
                                      status: .unprocessableContent)
        } catch StoreError.unknownEvent {
            throw HTTPError(.notFound)
        } catch StoreError.eventAlreadyCorrected(let corrected) {
            let message = "l'évaluation n° \(corrected) a déjà été corrigée : corrigez plutôt sa correction."
            return try correctionPage(id, event: event, form: form,
                                      errors: FormErrors([FieldError(field: "epreuve", message: message)]),
                                      context: context, status: .unprocessableContent)
        }
    }

    func candidatePage(_ id: CandidateID, form: EvaluationForm, errors: FormErrors?, context: WebContext,
                       status: HTTPResponse.Status = .ok, extension draft: ExtensionForm? = nil,
                       extensionError: String? = nil) throws -> Response {
        let loaded = try RecordPages(services: services).load(id, correctable: true)
        let formView = EvaluationFormView(action: WebRoutes.evaluations.path(id), referentiel: loaded.referentiel,
                                          form: form, errors: errors, isCorrection: false,
                                          chooseLink: { WebRoutes.candidate.path(id) + "?epreuve=" + Self.query($0) })
        let slots = try services.app.depositSlots(of: id)
        // Only the gestionnaire grants a delay.
        let isManager = try context.requireIdentity().role == .manager
        let grant = isManager
            ? ExtensionFormView(action: WebRoutes.extensions.path(id), slots: slots, form: draft, error: extensionError) : nil
        return services.pages.render(CandidatePage(record: loaded.view, form: formView, deposits: slots, delay: grant,
                                                   canRectify: isManager),
                                     title: "\(loaded.view.name) (\(id))", context: context, status: status)
    }

    /// `form` nil: the form starts from the evaluation it corrects.
    private func correctionPage(_ id: CandidateID, event: Int64, form: EvaluationForm?, errors: FormErrors?,
                                context: WebContext, status: HTTPResponse.Status = .ok) throws -> Response {
        let loaded = try RecordPages(services: services).load(id, correctable: false)
        guard let corrected = loaded.view.evaluations.first(where: { $0.id == event }),
              let entry = loaded.history.first(where: { $0.id == event }) else { throw HTTPError(.notFound) }
        let formView = EvaluationFormView(action: WebRoutes.correction.path((id, event)),
                                          referentiel: loaded.referentiel, form: form ?? EvaluationForm(entry),
                                          errors: errors, isCorrection: true)
        return services.pages.render(CorrectionPage(record: loaded.view, corrected: corrected, form: formView),
                                     title: "Corriger l'évaluation n° \(event)", context: context, status: status)
    }

    /// The candidate of the address, when the account may see their record.
    private func candidate(_ route: Route<CandidateID>, _ context: WebContext) throws -> CandidateID {
        let id = try route.values(context)
        _ = try RecordAccess.requireCandidate(id, try context.requireIdentity(), services.app)
        return id
    }

    /// The candidate and the evaluation of a correction's address, when the account may see
    /// the record.
    private func corrected(_ context: WebContext) throws -> (CandidateID, Int64) {
        let (id, event) = try WebRoutes.correction.values(context)
        _ = try RecordAccess.requireCandidate(id, try context.requireIdentity(), services.app)
        return (id, event)
    }

    /// A value in a query string.
    static func query(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? value
    }

    static func titleLabel(_ status: TitleStatus) -> String {
        switch status {
        case .awarded: return "titre délivré"
        case .eligible: return "présentable au jury"
        case .notEligible: return "en cours"
        }
    }

    static func titleTone(_ status: TitleStatus) -> String {
        switch status {
        case .awarded: return "ok"
        case .eligible: return "pass"
        case .notEligible: return "todo"
        }
    }
}

/// After a write: back to a page (Post/Redirect/Get) with a one-shot message.
func flashRedirect(_ location: String, _ message: String, _ context: WebContext) -> Response {
    context.sessions.withLockedSession { $0?.flash = message }
    return Response(status: .seeOther, headers: [.location: location])
}
