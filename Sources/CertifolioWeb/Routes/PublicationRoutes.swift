import CertifolioApp
import CertifolioCore
import CertifolioReports
import CertifolioRules
import Hummingbird

/// The gestionnaire publishes an épreuve's results to a cohort: until then its candidates do not
/// see the evaluations recorded on the web (staff and jury see them at once).
struct PublicationRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        let manager = router.group().add(middleware: RequireRole(.manager))
        manager.get(WebRoutes.publications) { _, context in try page(context, error: nil) }
        manager.post(WebRoutes.publications) { _, context -> Response in
            let account = try context.requireIdentity()
            let form = try context.form.decode(PublicationForm.self)
            let parts = EvaluationForm.epreuveParts(form.epreuve)
            do {
                let count = try services.app.publish(cohort: form.cohort, component: parts.component,
                                                     modality: parts.modality, actor: account.actor)
                return flashRedirect(WebRoutes.publications.path,
                                     "Résultats publiés à la promotion \(form.cohort) : "
                                        + French.count(count, "évaluation désormais visible", "évaluations désormais visibles") + " des candidats.",
                                     context)
            } catch let refused as CalendarRefused {
                return try page(context, error: refused.problems.map(\.message).joined(separator: " "))
            }
        }
    }

    private func page(_ context: WebContext, error: String?) throws -> Response {
        // An épreuve is named by its cohort's référentiel (both fiches have a `memoire`).
        let cohorts = try services.app.calendarCheck().cohorts
        let lines = try services.app.publicationStates().map { s in
            PublicationPage.Line(
                cohort: s.cohort,
                epreuve: cohorts[s.cohort]?.lazy.compactMap { $0.epreuveLabel(s.component, s.modality) }.first
                    ?? "\(s.component.fileValue) / \(s.modality)",
                value: EvaluationForm.epreuveValue(s.component, s.modality), unpublished: s.unpublished, published: s.published,
                last: s.lastPublishedAt.map(DocumentParts.timestamp))
        }
        return services.pages.render(PublicationPage(lines: lines, error: error), title: "Publication des résultats",
                                     context: context, status: error == nil ? .ok : .unprocessableContent)
    }
}

struct PublicationForm: Decodable {
    let cohort: String
    let epreuve: String

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cohort = try c.text(.cohort)
        epreuve = try c.text(.epreuve)
    }

    enum CodingKeys: String, CodingKey { case cohort = "promotion", epreuve }
}

struct PublicationPage: PageContent {
    struct Line {
        let cohort: String
        let epreuve: String
        let value: String
        let unpublished: Int
        let published: Int
        let last: String?
    }
    let lines: [Line]
    let error: String?

    func html(csrf: String) -> HTML {
        """
        <h1>Publication des résultats</h1>
        \(FormHTML.alert(error))\
        <p class="hint">Les évaluations saisies dans Certifolio ne sont visibles des candidats qu'une fois les résultats de
        l'épreuve publiés pour leur promotion. Les équipes et le jury les voient dès leur saisie.</p>
        \(lines.isEmpty ? "<p>Aucune évaluation saisie pour l'instant.</p>" as HTML : table(csrf))
        """
    }

    private func table(_ csrf: String) -> HTML {
        """
        <table>
          <thead><tr><th scope="col">Promotion</th><th scope="col">Épreuve</th><th scope="col">Publiées</th><th scope="col">À publier</th><th scope="col"></th></tr></thead>
          <tbody>
        \(lines.html { line in
            let action: HTML = line.unpublished == 0 ? "à jour" : """
                <form method="post" action="\(WebRoutes.publications.path)" class="inline-form">\(FormHTML.token(csrf))
                  <input type="hidden" name="promotion" value="\(line.cohort)"><input type="hidden" name="epreuve" value="\(line.value)">
                  <button type="submit">Publier</button></form>
                """
            return """
                <tr><td>\(line.cohort)</td><td>\(line.epreuve)</td><td>\(line.published)\(line.last.map { l -> HTML in " (le \(l))" } ?? .empty)</td>
                  <td>\(line.unpublished)</td><td>\(action)</td></tr>

            """
        })  </tbody>
        </table>
        """
    }
}
