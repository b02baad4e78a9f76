import CertifolioApp
import CertifolioCore
import CertifolioReports
import CertifolioInterchange
import CertifolioRules
import Foundation
import Hummingbird

/// The gestionnaire's pages: candidates, imports (cohort files with a preview, référentiel)
/// and accounts.
struct ManagerRoutes {
    let services: WebServices

    struct CandidateList {
        struct Line {
            let id: String
            let name: String
            let cohort: String
            let certification: String
            let link: String
        }
        let query: String
        let lines: [Line]
        let total: Int
        let shown: Int
        let truncated: Bool
    }

    struct ImportPage {
        var errors: [String] = []
        var preview: Preview?
        var referentielError: String?
    }

    struct Preview {
        struct Person {
            let id: String
            let name: String
            let birthDate: String
            let route: String
            let cohort: String
        }
        let token: String
        let lines: [String]
        /// The candidates the import adds, by name (homonyms told apart by id and birth date).
        var people: [Person] = []
    }

    struct AccountsPage {
        struct Line {
            let email: String
            let name: String
            let role: String
            let candidate: String?
            let cohorts: String
            let isEvaluator: Bool
            let id: Int64
            let cohortChoices: [Choice]
            /// "actif", "invité (lien valable jusqu'au …)", "désactivé le …".
            let state: String
            let active: Bool
            let isSelf: Bool
        }
        struct Choice {
            let name: String
            let checked: Bool
        }
        let lines: [Line]
        let roles: [SelectOption]
        let cohorts: [Choice]
        /// What the creation form was filled with (kept after a refusal).
        let draftEmail: String
        let draftName: String
        let draftCandidate: String
        let error: String?
    }

    func add(to router: Router<WebContext>) {
        let manager = router.group().add(middleware: RequireRole(.manager))
        manager.get(WebRoutes.candidates) { request, context in try await candidates(request, context) }
        manager.get(WebRoutes.candidatesCSV) { request, _ in
            // Streamed a page at a time: the whole list of a national certifier is no burden.
            let folded = Self.folded(request)
            let app = services.app
            return Downloads.csvStream(["candidate_id", "family_name", "given_names", "birth_date", "certification", "cohort"],
                                       filename: "candidats.csv") { emit in
                try await app.forEachEnrolledCandidate { page in
                    try await emit(page.filter { Self.matches($0.candidate, folded) }.map { c, e in
                        [c.id.rawValue, c.familyName, c.givenNames, c.birthDate.iso, e.certification.rawValue, e.cohort]
                    })
                }
            }
        }
        manager.get(WebRoutes.imports) { _, context in
            services.pages.render(ImportPage(), title: "Importer", context: context)
        }
        manager.post(WebRoutes.importCohort) { _, context in try await previewCohort(context) }
        manager.post(WebRoutes.confirmImport) { _, context in try await confirmCohort(context) }
        manager.post(WebRoutes.importReferentiel) { _, context in try importReferentiel(context) }
        manager.get(WebRoutes.accounts) { _, context in try accounts(context, draft: AccountForm(), error: nil) }
        manager.post(WebRoutes.accounts) { request, context in try createAccount(request, context) }
        manager.post(WebRoutes.accountCohorts) { _, context in try assign(context) }
    }

    /// The search typed (`q`) and the candidates it finds, by id; every candidate without one.
    private static func query(_ request: Request) -> String {
        (request.uri.queryParameters["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// The search, folded as names are compared (accents and case aside).
    private static func folded(_ request: Request) -> String { PersonName(query(request)).key }

    private static func matches(_ candidate: Candidate, _ folded: String) -> Bool {
        folded.isEmpty || PersonName(candidate.id.rawValue + " " + candidate.displayName).key.contains(folded)
    }

    /// The first 200 candidates found and how many in all, read a page at a time (a search over a
    /// national certifier's million holds one page in memory).
    private func candidates(_ request: Request, _ context: WebContext) async throws -> Response {
        let folded = Self.folded(request)
        let limit = 200
        var lines: [CandidateList.Line] = []
        var total = 0
        try await services.app.forEachEnrolledCandidate { page in
            for (candidate, enrolment) in page where Self.matches(candidate, folded) {
                total += 1
                guard lines.count < limit else { continue }
                lines.append(CandidateList.Line(id: candidate.id.rawValue, name: candidate.displayName, cohort: enrolment.cohort,
                                                certification: enrolment.certification.rawValue,
                                                link: WebRoutes.candidate.path(candidate.id)))
            }
        }
        let list = CandidateList(query: Self.query(request), lines: lines, total: total, shown: lines.count,
                                 truncated: total > limit)
        return services.pages.render(list, title: "Candidats", context: context)
    }

    private func previewCohort(_ context: WebContext) async throws -> Response {
        let account = try context.requireIdentity()
        let files = try context.form.decode(CohortFilesForm.self).files
        let upload = CohortUpload(source: "envoi web du \(services.today().french)", files: files)
        do {
            let preview = try services.app.previewCohortNaming(upload)
            let summary = preview.summary
            let token = await services.uploads.put(upload, owner: account.id)
            let count = French.count
            let lines = [
                count(summary.newCandidates, "candidat nouveau", "candidats nouveaux")
                    + (summary.knownCandidates > 0
                        ? ", " + count(summary.knownCandidates, "déjà enregistré à l'identique", "déjà enregistrés à l'identique")
                        : ""),
                count(summary.events, "évaluation", "évaluations")
                    + (summary.duplicateEvents > 0
                        ? " (" + count(summary.duplicateEvents, "déjà présente, ignorée", "déjà présentes, ignorées") + ")" : ""),
                count(summary.stages, "stage", "stages") + ", " + count(summary.experiences, "expérience", "expériences"),
                count(summary.decisions, "décision de jury", "décisions de jury"),
            ] + (summary.calendar.map { c in
                ["calendrier : " + count(c.added, "date ajoutée", "dates ajoutées") + ", "
                 + count(c.changed, "modifiée", "modifiées") + ", " + count(c.unchanged, "inchangée", "inchangées")]
            } ?? [])
            let referentiels = try services.referentiels()
            let people = preview.newCandidates.map { c, e in
                Preview.Person(id: c.id.rawValue, name: c.displayName, birthDate: c.birthDate.french,
                               route: "\(e.certification) — \(referentiels[e.certification]?.route(e.route)?.label ?? e.route.rawValue)",
                               cohort: e.cohort)
            }
            return services.pages.render(ImportPage(preview: Preview(token: token, lines: lines, people: people)),
                                         title: "Importer — aperçu", context: context)
        } catch let error as UserFacingError {
            return services.pages.render(ImportPage(errors: error.lines), title: "Importer — erreurs",
                                         context: context, status: .unprocessableContent)
        }
    }

    private func confirmCohort(_ context: WebContext) async throws -> Response {
        let account = try context.requireIdentity()
        let token = try context.form.decode(ImportConfirmationForm.self).token
        guard !token.isEmpty, let upload = await services.uploads.take(token, owner: account.id) else {
            return services.pages.render(ImportPage(errors: ["L'aperçu a expiré : envoyez à nouveau les fichiers."]),
                                         title: "Importer", context: context, status: .unprocessableContent)
        }
        do {
            let summary = try services.app.importCohort(upload, actor: account.actor)
            return flashRedirect(WebRoutes.dashboard.path, Certifolio.describe(summary, folder: upload.source), context)
        } catch let error as UserFacingError {
            return services.pages.render(ImportPage(errors: error.lines), title: "Importer — erreurs",
                                         context: context, status: .unprocessableContent)
        }
    }

    private func importReferentiel(_ context: WebContext) throws -> Response {
        let account = try context.requireIdentity()
        guard let bytes = try context.form.decode(OneFileForm<ReferentielFile>.self).file else {
            return referentielRefused("Choisissez le fichier YAML du référentiel.", context)
        }
        do {
            let (referentiel, outcome) = try services.app.importReferentiel(bytes: bytes, name: "référentiel envoyé",
                                                                           actor: account.actor)
            services.forgetReferentiels()
            let what: String
            switch outcome {
            case .created: what = "importé"
            case .unchanged: what = "déjà importé à l'identique : rien n'a changé"
            case .updated(let from): what = "mis à jour (version \(from) → \(referentiel.version))"
            }
            return flashRedirect(WebRoutes.imports.path, "Référentiel \(referentiel.code) \(what).", context)
        } catch let error as UserFacingError {
            return referentielRefused(error.message, context)
        }
    }

    private func referentielRefused(_ message: String, _ context: WebContext) -> Response {
        services.pages.render(ImportPage(referentielError: message), title: "Importer — erreurs", context: context,
                              status: .unprocessableContent)
    }

    private func accounts(_ context: WebContext, draft: AccountForm, error: String?,
                          status: HTTPResponse.Status = .ok) throws -> Response {
        let cohorts = try services.app.cohortNames()
        let chosen = Set(draft.cohorts)
        let role = draft.role.isEmpty ? UserRole.evaluator.rawValue : draft.role
        let states = try services.app.accountStates(now: services.now())
        let me = try context.requireIdentity().id
        let lines = try services.app.userAccounts().map { a in
            let state: String
            switch states[a.id] ?? .active {
            case .active: state = "actif"
            case .invited(let until): state = until.map { "invité — lien valable jusqu'au \($0.french)" } ?? "invité — lien expiré"
            case .deactivated(let on): state = "désactivé le " + DocumentParts.timestamp(on)
            }
            return AccountsPage.Line(email: a.email, name: a.displayName, role: a.role.french,
                                     candidate: a.candidateID?.rawValue, cohorts: a.cohorts.joined(separator: ", "),
                                     isEvaluator: a.role == .evaluator, id: a.id,
                                     cohortChoices: cohorts.map { .init(name: $0, checked: a.cohorts.contains($0)) },
                                     state: state, active: states[a.id].map { if case .deactivated = $0 { false } else { true } } ?? true,
                                     isSelf: a.id == me)
        }
        let body = AccountsPage(
            lines: lines,
            roles: UserRole.allCases.map { .init(value: $0.rawValue, label: $0.french, selected: $0.rawValue == role) },
            cohorts: cohorts.map { .init(name: $0, checked: chosen.contains($0)) },
            draftEmail: draft.email, draftName: draft.name, draftCandidate: draft.candidate,
            error: error)
        return services.pages.render(body, title: "Comptes", context: context, status: status)
    }

    /// One account, opened with an invitation link (the person chooses their password).
    private func createAccount(_ request: Request, _ context: WebContext) throws -> Response {
        let account = try context.requireIdentity()
        let form = try context.form.decode(AccountForm.self)
        do {
            guard let role = UserRole(rawValue: form.role) else { throw UnknownRole() }
            let draft = AccountDraft(email: form.email, displayName: form.name, role: role,
                                     candidateID: form.candidate.isEmpty ? nil : CandidateID(form.candidate),
                                     cohorts: form.cohorts)
            let link = try services.app.inviteAccount(draft, now: services.now(), actor: account.actor)
            let page = AccountLinkRoutes.LinksPage(
                title: "Compte \(link.account.email) (\(link.account.role.french)) créé",
                lines: AccountLinkRoutes.lines([link], request), refused: [],
                note: "Transmettez ce lien à la personne : elle y choisira son mot de passe.")
            return services.pages.render(page, title: page.title, context: context)
        } catch let error as UserFacingError {
            return try accounts(context, draft: form, error: error.message.capitalizedFirst,
                                status: .unprocessableContent)
        }
    }

    private func assign(_ context: WebContext) throws -> Response {
        let account = try context.requireIdentity()
        let id = try WebRoutes.accountCohorts.values(context)
        do {
            try services.app.assignCohorts(try context.form.decode(CohortsForm.self).cohorts, to: id,
                                           actor: account.actor)
            return flashRedirect(WebRoutes.accounts.path, "Promotions de l'évaluateur mises à jour.", context)
        } catch let error as UserFacingError {
            return try accounts(context, draft: AccountForm(), error: error.message.capitalizedFirst,
                                status: .unprocessableContent)
        }
    }

    struct UnknownRole: UserFacingError {
        var message: String { "choisissez le rôle du compte." }
    }
}
