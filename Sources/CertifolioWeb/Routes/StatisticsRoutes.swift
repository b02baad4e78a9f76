import CertifolioApp
import CertifolioCore
import CertifolioReports
import CertifolioRules
import Foundation
import Hummingbird

/// The gestionnaire's statistics: each fiche's table as France compétences publishes it, the
/// insertion surveys behind it (one answer typed, or a `surveys.csv`), and the CSV.
struct StatisticsRoutes {
    let services: WebServices

    struct Page {
        let tables: [(referentiel: Referentiel, rows: [InsertionStatistics.Row])]
        let asOf: Day
        var typed = SurveyForm.empty
        var fieldErrors: [SurveyField: String] = [:]
        var errors: [String] = []
    }

    func add(to router: Router<WebContext>) {
        let manager = router.group().add(middleware: RequireRole(.manager))
        manager.get(WebRoutes.statistics) { _, context in try page(context) }
        manager.get(WebRoutes.statisticsCSV) { _, _ in
            let rows = try tables().flatMap { table in table.rows.map { [table.referentiel.code.rawValue] + StatisticsTable.csvFields($0) } }
            return Downloads.csv(["certification"] + StatisticsTable.csvHeader, rows, filename: "statistiques.csv")
        }
        manager.post(WebRoutes.surveys) { _, context -> Response in
            let account = try context.requireIdentity()
            let form = try context.form.decode(SurveyForm.self)
            do {
                try services.app.recordSurvey(form.draft, actor: account.actor)
            } catch let refused as SurveyRefused {
                var fields: [SurveyField: String] = [:]
                for problem in refused.problems where fields[problem.field] == nil {
                    fields[problem.field] = problem.message.capitalizedFirst
                }
                return try page(context, typed: form, fieldErrors: fields,
                                errors: refused.problems.map(\.message.capitalizedFirst), status: .unprocessableContent)
            }
            return flashRedirect(WebRoutes.statistics.path, "Réponse de \(form.draft.candidateID) enregistrée.", context)
        }
        manager.post(WebRoutes.surveyFile) { _, context -> Response in
            let account = try context.requireIdentity()
            guard let bytes = try context.form.decode(OneFileForm<SurveysFile>.self).file else {
                return try page(context, errors: ["Choisissez le fichier surveys.csv."], status: .unprocessableContent)
            }
            do {
                let count = try services.app.importSurveys(bytes: bytes, name: "surveys.csv", actor: account.actor)
                return flashRedirect(WebRoutes.statistics.path,
                                     French.count(count, "réponse enregistrée", "réponses enregistrées") + ".", context)
            } catch let error as UserFacingError {
                return try page(context, errors: error.lines, status: .unprocessableContent)
            }
        }
    }

    private func tables() throws -> [(referentiel: Referentiel, rows: [InsertionStatistics.Row])] {
        try services.referentiels().values.sorted { $0.code < $1.code }.map {
            ($0, try services.app.statistics(of: $0.code, asOf: services.today()))
        }
    }

    private func page(_ context: WebContext, typed: SurveyForm = .empty, fieldErrors: [SurveyField: String] = [:],
                      errors: [String] = [], status: HTTPResponse.Status = .ok) throws -> Response {
        let page = Page(tables: try tables(), asOf: services.today(), typed: typed, fieldErrors: fieldErrors, errors: errors)
        return services.pages.render(page, title: "Statistiques", context: context, status: status)
    }
}

/// One answer to an insertion survey, typed: the same value as a line of `surveys.csv`.
struct SurveyForm: Decodable {
    let draft: SurveyDraft

    static let empty = SurveyForm(draft: SurveyDraft(candidateID: "", date: "", horizon: "6m", situation: "",
                                                     targetJob: "", contract: ""))

    init(draft: SurveyDraft) { self.draft = draft }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let date = try c.text(.date)
        draft = SurveyDraft(candidateID: try c.text(.candidate), date: Day(typed: date)?.iso ?? date,
                            horizon: try c.text(.horizon), situation: try c.text(.situation),
                            targetJob: try c.text(.targetJob), contract: try c.text(.contract))
    }

    enum CodingKeys: String, CodingKey {
        case candidate = "candidat", date, horizon, situation, targetJob = "metier_vise", contract = "contrat"
    }
}

extension StatisticsRoutes.Page: PageContent {
    func html(csrf: String) -> HTML {
        let d = typed.draft
        func field(_ f: SurveyField) -> String? { fieldErrors[f] }
        func choice(_ id: String, _ label: String, _ options: [(String, String)], _ value: String, _ f: SurveyField) -> HTML {
            let opts = options.map { SelectOption(value: $0.0, label: $0.1, selected: $0.0 == value) }
            return """
                  <label for="\(id)">\(label)</label>
                  <select id="\(id)" name="\(id)"\(FormHTML.invalid(field(f), "\(id)-erreur"))>\(FormHTML.options(opts))</select>
                  \(FormHTML.fieldError(field(f), "\(id)-erreur"))
                """
        }
        let situations = [("", "— choisir —")] + EmploymentSituation.allCases.map { ($0.rawValue, $0.french.capitalizedFirst) }
        let contracts = [("", "—")] + EmploymentContract.allCases.map { ($0.rawValue, $0.rawValue.uppercased()) }
        return """
            <h1>Statistiques</h1>
            <p class="hint">Comme France compétences les publie sur chaque fiche : par année d'obtention, les certifiés, dont par la VAE, et les taux d'insertion — les répondants en emploi (ou dans le métier visé) sur les répondants, sans compter les « neutralisés » (poursuite d'études, contrat en alternance, incapacité de travailler, emploi à l'étranger). À côté de chaque taux, les répondants et les sans-réponse. Titres délivrés au \(asOf.french). <a href="\(WebRoutes.statisticsCSV.path)">Exporter (CSV)</a></p>
            \(FormHTML.refusal("Rien n'a été enregistré :", errors))\
            \(tables.html { table in
                """
                <section aria-labelledby="stats-\(table.referentiel.code.rawValue)">
                  <h2 id="stats-\(table.referentiel.code.rawValue)">\(table.referentiel.code.rawValue) — \(table.referentiel.title)</h2>
                  \(table.rows.isEmpty ? "<p>Aucun titre délivré.</p>" as HTML : """
                  <table class="stacked">
                    <thead><tr>\(StatisticsTable.headings.html { "<th scope=\"col\">\($0)</th>" })</tr></thead>
                    <tbody>\(table.rows.html { row in
                        "<tr>\(zip(StatisticsTable.headings, StatisticsTable.cells(row)).map { ($0, $1) }.html { "<td data-label=\"\($0.0)\">\($0.1)</td>" })</tr>\n"
                    })</tbody>
                  </table>
                  """)
                </section>

                """
            })\
            <section class="panel" aria-labelledby="reponse">
              <h2 id="reponse">Enregistrer une réponse d'enquête</h2>
              <form method="post" action="\(WebRoutes.surveys.path)" class="stack">
                \(FormHTML.token(csrf))
            \(FormHTML.input("candidat", "Identifiant du titulaire", FieldView(value: d.candidateID, error: field(.candidateID)), attributes: " required"))\
            \(FormHTML.input("date", "Date de la réponse", FieldView(value: d.date, error: field(.date)), attributes: " type=\"date\" required"))\
            \(choice("horizon", "Enquête", [("6m", "À 6 mois"), ("2y", "À 2 ans")], d.horizon, .horizon))\
            \(choice("situation", "Situation", situations, d.situation, .situation))\
            \(choice("metier_vise", "Dans le métier visé (titulaire en emploi)", [("", "—"), ("oui", "Oui"), ("non", "Non")], d.targetJob, .targetJob))\
            \(choice("contrat", "Contrat (facultatif)", contracts, d.contract, .contract))\
                <button type="submit">Enregistrer la réponse</button>
              </form>
              <form method="post" action="\(WebRoutes.surveyFile.path)" enctype="multipart/form-data" class="stack">
                \(FormHTML.token(csrf))
                <label for="enquetes">Ou un fichier surveys.csv (candidate_id, date, horizon, situation, target_job, contract)</label>
                <input id="enquetes" name="enquetes" type="file" accept=".csv,text/csv">
                <button type="submit">Importer les réponses</button>
              </form>
            </section>

            """
    }
}
