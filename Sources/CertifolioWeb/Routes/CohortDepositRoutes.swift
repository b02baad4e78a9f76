import CertifolioApp
import CertifolioCore
import Foundation
import Hummingbird
import NIOCore

/// The staff's view of a cohort's portfolio: for each épreuve handed in, how many candidates
/// are awaited, late, deposited, assessed, published — each count a link to its candidates —,
/// the late candidates first, and the whole as CSV.
struct CohortDepositRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        let staff = router.group().add(middleware: RequireRole(.evaluator, .manager))
        staff.get(WebRoutes.cohortDeposits) { request, context -> Response in
            let (cohort, lines) = try load(WebRoutes.cohortDeposits, context)
            let query = request.uri.queryParameters
            let page = CohortDepositsPage(cohort: cohort, lines: lines, epreuve: query["epreuve"].map(String.init),
                                          state: query["etat"].flatMap { DepositState(rawValue: String($0)) })
            return services.pages.render(page, title: "Dépôts — \(cohort)", context: context)
        }
        staff.get(WebRoutes.cohortDepositsCSV) { _, context -> Response in
            let (cohort, lines) = try load(WebRoutes.cohortDepositsCSV, context)
            let header = ["candidate_id", "family_name", "given_names", "component", "modality", "epreuve", "state",
                          "deadline", "version", "deposited_at"]
            return Downloads.csv(header, lines.map { l in
                let latest = l.slot.deposits.last
                return [l.candidate.id.rawValue, l.candidate.familyName, l.candidate.givenNames, l.slot.component.fileValue,
                        l.slot.modality.rawValue, l.slot.label, l.state.rawValue, l.slot.deadline?.stored ?? "",
                        latest.map { String($0.version) } ?? "", latest?.at.stored ?? ""]
            }, filename: "depots-\(cohort).csv", separator: ";")
        }
    }

    private func load(_ route: Route<String>, _ context: WebContext) throws -> (String, [CohortDepositLine]) {
        let cohort = try route.values(context)
        guard RecordAccess.cohortVisible(cohort, to: try context.requireIdentity()) else { throw Forbidden() }
        guard try services.app.cohortNames().contains(cohort) else { throw HTTPError(.notFound) }
        let lines = try services.app.cohortDepositLines(cohort, at: services.now())
        return (cohort, lines)
    }
}

struct CohortDepositsPage: PageContent {
    let cohort: String
    let lines: [CohortDepositLine]
    let epreuve: String?
    let state: DepositState?

    func html(csrf: String) -> HTML {
        var epreuves: [(key: String, label: String)] = []
        for line in lines {
            let key = EvaluationForm.epreuveValue(line.slot.component, line.slot.modality)
            if !epreuves.contains(where: { $0.key == key }) { epreuves.append((key, line.slot.label)) }
        }
        let base = WebRoutes.cohortDeposits.path(cohort)
        func link(_ key: String, _ state: DepositState) -> String {
            base + "?epreuve=" + StaffRoutes.query(key) + "&etat=" + state.rawValue + "#liste"
        }
        let late = lines.filter { $0.state == .late }
        let table: HTML = """
            <table>
              <thead><tr><th scope="col">Épreuve</th>\(DepositState.allCases.html { "<th scope=\"col\">\($0.label)</th>" })</tr></thead>
              <tbody>
            \(epreuves.html { e in
                let cells = DepositState.allCases.html { s -> HTML in
                    let n = lines.filter { EvaluationForm.epreuveValue($0.slot.component, $0.slot.modality) == e.key && $0.state == s }.count
                    return n == 0 ? "<td>0</td>" : "<td><a href=\"\(link(e.key, s))\">\(n)</a></td>"
                }
                return "    <tr><th scope=\"row\">\(e.label)</th>\(cells)</tr>\n"
            })  </tbody>
            </table>

            """
        var list = HTML.empty
        if let epreuve, let state {
            let chosen = lines.filter { EvaluationForm.epreuveValue($0.slot.component, $0.slot.modality) == epreuve && $0.state == state }
            let title = epreuves.first { $0.key == epreuve }?.label ?? epreuve
            list = """
                <section aria-labelledby="liste"><h2 id="liste">\(title) : \(state.label) (\(chosen.count))</h2>
                <ul>\(chosen.html { l in
                    "<li><a href=\"\(WebRoutes.candidate.path(l.candidate.id))\">\(l.candidate.displayName) (\(l.candidate.id.rawValue))</a></li>"
                })</ul></section>

                """
        }
        let lateList: HTML = late.isEmpty ? "<p>Aucun candidat en retard.</p>\n" : """
            <ul>\(late.html { l in
                let deadline = l.slot.deadline.map { " — date limite \($0.french)" } ?? ""
                return "<li><a href=\"\(WebRoutes.candidate.path(l.candidate.id))\">\(l.candidate.displayName) (\(l.candidate.id.rawValue))</a> : \(l.slot.label)\(deadline)</li>"
            })</ul>

            """
        return """
            <p class="crumbs"><a href="\(WebRoutes.cohort.path(cohort))">Promotion \(cohort)</a></p>
            <h1>Dépôts de la promotion \(cohort)</h1>
            <p><a href="\(WebRoutes.cohortDepositsCSV.path(cohort))">Exporter en CSV</a></p>
            \(table)\(list)<section aria-labelledby="retards"><h2 id="retards">En retard (\(late.count))</h2>
            \(lateList)</section>

            """
    }
}
