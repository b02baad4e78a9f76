import CertifolioApp
import CertifolioCore
import CertifolioRules
import Hummingbird

/// One épreuve for a whole promotion on one page: a date and a scale for all, then per candidate
/// a score or a result, the competence grid (one choice per competence) and a comment. Each
/// filled line is checked as a single evaluation is; one refused line records nothing.
struct CohortEntryRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        let staff = router.group().add(middleware: RequireRole(.evaluator, .manager))
        staff.get(WebRoutes.cohortEntry) { request, context -> Response in
            let cohort = try visibleCohort(context)
            let epreuve = request.uri.queryParameters["epreuve"].map(String.init) ?? ""
            return try page(cohort, form: BulkEntryForm(epreuve: epreuve, date: services.today().iso), errors: [:],
                            context: context)
        }
        staff.post(WebRoutes.cohortEntry) { _, context -> Response in
            let account = try context.requireIdentity()
            let cohort = try visibleCohort(context)
            let form = try context.form.decode(BulkEntryForm.self)
            let people = try services.app.candidateRecords(cohort: cohort).map(\.candidate.id)
            let drafts = people.compactMap { id -> (candidate: CandidateID, draft: EvaluationDraft, comment: String?)? in
                guard let row = form.row(id) else { return nil }
                return (id, form.draft(row, evaluator: account.displayName), row.comment)
            }
            guard !drafts.isEmpty else {
                return try page(cohort, form: form, errors: [:], notice: "Aucune note ni aucun résultat saisi : rien à enregistrer.",
                                context: context, status: .unprocessableContent)
            }
            do {
                let ids = try services.app.recordEvaluations(drafts, today: services.today(), requireGrid: true,
                                                            actor: account.actor)
                return flashRedirect(WebRoutes.cohortEntry.path(cohort) + "?epreuve=" + StaffRoutes.query(form.epreuve),
                                     French.count(ids.count, "évaluation enregistrée", "évaluations enregistrées") + " pour la promotion \(cohort).", context)
            } catch let refused as EvaluationsRefused {
                let errors = refused.byCandidate.mapValues { $0.problems.map(\.message) }
                return try page(cohort, form: form, errors: errors, context: context, status: .unprocessableContent)
            }
        }
    }

    private func visibleCohort(_ context: WebContext) throws -> String {
        let cohort = try WebRoutes.cohortEntry.values(context)
        guard RecordAccess.cohortVisible(cohort, to: try context.requireIdentity()) else { throw Forbidden() }
        guard try services.app.cohortNames().contains(cohort) else { throw HTTPError(.notFound) }
        return cohort
    }

    private func page(_ cohort: String, form: BulkEntryForm, errors: [CandidateID: [String]], notice: String? = nil,
                      context: WebContext, status: HTTPResponse.Status = .ok) throws -> Response {
        let records = try services.app.candidateRecords(cohort: cohort)
        guard let certification = records.first?.enrolment.certification else { throw HTTPError(.notFound) }
        let referentiel = try services.referentiel(certification)
        let parts = EvaluationForm.epreuveParts(form.epreuve)
        let chosen: (Component, ModalityID)? = parts.component.isEmpty
            ? nil : (Component(fileValue: parts.component), ModalityID(parts.modality))
        let page = BulkEntryPage(
            cohort: cohort, form: form, errors: errors, notice: notice,
            epreuves: CalendarRoutes.epreuves(referentiel).map { c, m, _ in
                (EvaluationForm.epreuveValue(c, m), referentiel.epreuveName(c, m))
            },
            label: chosen.flatMap { referentiel.epreuveLabel($0.0, $0.1) },
            competences: chosen.flatMap { c -> [String]? in
                if case .block(let code) = c.0 { return referentiel.block(code)?.competences } else { return nil }
            } ?? [],
            candidates: records.filter { $0.enrolment.certification == certification }.map { ($0.candidate.id, $0.candidate.displayName) },
            defaultScale: referentiel.evaluation.defaultMaxScore.french)
        return services.pages.render(page, title: "Saisie par promotion — \(cohort)", context: context, status: status)
    }
}

/// The promotion's entry form: common date and scale, then per candidate (`note[ID]`,
/// `resultat[ID]`, `commentaire[ID]`, and `c1[ID]`… for the grid's competences).
struct BulkEntryForm: Decodable {
    struct Row {
        let score: String
        let result: String
        let comment: String
        let grid: [CompetenceDraft]
    }

    var epreuve: String
    var date: String
    var maxScore = ""
    var scores: [String: String] = [:]
    var results: [String: String] = [:]
    var comments: [String: String] = [:]
    /// Competence N's ratings by candidate.
    var ratings: [Int: [String: String]] = [:]

    init(epreuve: String, date: String) {
        self.epreuve = epreuve
        self.date = date
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        epreuve = try c.text(Key("epreuve"))
        date = try c.text(Key("date"))
        maxScore = try c.text(Key("bareme"))
        scores = try c.decodeIfPresent([String: String].self, forKey: Key("note")) ?? [:]
        results = try c.decodeIfPresent([String: String].self, forKey: Key("resultat")) ?? [:]
        comments = try c.decodeIfPresent([String: String].self, forKey: Key("commentaire")) ?? [:]
        for key in c.allKeys where key.stringValue.hasPrefix("c") {
            guard let n = Int(key.stringValue.dropFirst()), (1...100).contains(n) else { continue }
            ratings[n] = try c.decode([String: String].self, forKey: key)
        }
    }

    /// A candidate's line, nil when nothing was entered for them.
    func row(_ id: CandidateID) -> Row? {
        let score = (scores[id.rawValue] ?? "").trimmingCharacters(in: .whitespaces)
        let result = results[id.rawValue] ?? ""
        let count = ratings.keys.max() ?? 0
        var grid = count == 0 ? [] : (1...count).map { CompetenceDraft(rating: ratings[$0]?[id.rawValue] ?? "") }
        let rated = grid.contains { !$0.rating.isEmpty }
        guard !score.isEmpty || !result.isEmpty || rated else { return nil }
        // A grid left blank is a grid missing (one message), not each competence unrated.
        if !rated { grid = [] }
        return Row(score: score, result: result, comment: comments[id.rawValue] ?? "", grid: grid)
    }

    func draft(_ row: Row, evaluator: String) -> EvaluationDraft {
        EvaluationForm(epreuve: epreuve, date: date, score: row.score, maxScore: maxScore, result: row.result,
                       grid: row.grid).draft(evaluator: evaluator)
    }

    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

struct BulkEntryPage: PageContent {
    let cohort: String
    let form: BulkEntryForm
    let errors: [CandidateID: [String]]
    let notice: String?
    let epreuves: [(value: String, label: String)]
    let label: String?
    let competences: [String]
    let candidates: [(id: CandidateID, name: String)]
    let defaultScale: String

    func html(csrf: String) -> HTML {
        let base = WebRoutes.cohortEntry.path(cohort)
        let choice = epreuves.html { e -> HTML in
            e.value == form.epreuve ? "<li><strong>\(e.label)</strong></li>"
                : "<li><a href=\"\(base)?epreuve=\(StaffRoutes.query(e.value))\">\(e.label)</a></li>"
        }
        return """
            <p class="crumbs"><a href="\(WebRoutes.cohort.path(cohort))">Promotion \(cohort)</a></p>
            <h1>Saisie par promotion — \(label ?? "choisir l'épreuve")</h1>
            \(FormHTML.alert(notice))\
            \(FormHTML.refusal("Rien n'a été enregistré :", errors.keys.sorted().flatMap { id in
                errors[id]!.map { "\(id.rawValue) : \($0)" } }))\
            <details\(label == nil ? " open" as HTML : .empty)><summary>Épreuve</summary><ul class="inline-list">\(choice)</ul></details>
            \(label == nil ? .empty : table(csrf))
            """
    }

    private func table(_ csrf: String) -> HTML {
        let legend: HTML = competences.isEmpty ? .empty : """
            <ol class="legend">\(competences.html { "<li>\($0)</li>" })</ol>
            <p class="hint">Pour chaque candidat évalué : chaque compétence A (acquis), PA (partiellement acquis) ou NA (non acquis).</p>

            """
        let head = competences.indices.html { "<th scope=\"col\" title=\"\(competences[$0])\">C\($0 + 1)</th>" }
        return """
            \(legend)<form method="post" action="\(WebRoutes.cohortEntry.path(cohort))" class="bulk">
              \(FormHTML.token(csrf))
              <input type="hidden" name="epreuve" value="\(form.epreuve)">
              <div class="row"><div><label for="date">Date</label><input id="date" name="date" type="date" required value="\(form.date)"></div>
              <div><label for="bareme">Barème</label><input id="bareme" name="bareme" inputmode="decimal" value="\(form.maxScore.isEmpty ? defaultScale : form.maxScore)"></div></div>
              <p class="hint">Laissez vide la ligne d'un candidat non évalué.</p>
              <table>
                <thead><tr><th scope="col">Candidat</th><th scope="col">Note</th><th scope="col">Résultat</th>\(head)<th scope="col">Commentaire</th></tr></thead>
                <tbody>
            \(candidates.html { c in row(c.id, c.name) })    </tbody>
              </table>
              <button type="submit">Enregistrer les évaluations</button>
            </form>

            """
    }

    private func row(_ id: CandidateID, _ name: String) -> HTML {
        let key = id.rawValue
        let result = form.results[key] ?? ""
        let results = [("", "selon la note"), ("acquis", "acquis"), ("non_acquis", "non acquis")].html { v -> HTML in
            "<option value=\"\(v.0)\"\(FormHTML.flag(result == v.0, " selected"))>\(v.1)</option>"
        }
        let ratings = competences.indices.html { n -> HTML in
            let chosen = form.ratings[n + 1]?[key] ?? ""
            let options = [("", "—"), ("acquis", "A"), ("partiellement_acquis", "PA"), ("non_acquis", "NA")].html { v -> HTML in
                "<option value=\"\(v.0)\"\(FormHTML.flag(chosen == v.0, " selected"))>\(v.1)</option>"
            }
            return "<td><select name=\"c\(n + 1)[\(key)]\" aria-label=\"\(name), compétence \(n + 1)\">\(options)</select></td>"
        }
        let wrong = errors[id] != nil
        return """
                <tr\(wrong ? " class=\"ko\"" as HTML : .empty)><th scope="row">\(name) <span class="id">(\(key))</span></th>
                  <td><input name="note[\(key)]" inputmode="decimal" size="4" value="\(form.scores[key] ?? "")" aria-label="\(name), note"></td>
                  <td><select name="resultat[\(key)]" aria-label="\(name), résultat">\(results)</select></td>\(ratings)
                  <td><input name="commentaire[\(key)]" value="\(form.comments[key] ?? "")" aria-label="\(name), commentaire"></td></tr>

            """
    }
}
