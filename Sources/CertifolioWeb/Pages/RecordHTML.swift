import CertifolioCore

/// The body of a candidate's record: situation, what is missing, blocks, épreuves finales and
/// conditions, evaluation history. Shared by the candidate's own page (the page most often
/// read, from a phone), the staff's candidate page and the jury's decision page.
/// One section after the other.
enum RecordHTML {
    static func render(_ record: RecordView) -> HTML {
        situation(record) + missing(record) + blocks(record) + finals(record) + history(record)
    }

    private static func situation(_ r: RecordView) -> HTML {
        let cohort: HTML = r.cohort.isEmpty ? .empty : "<dt>Promotion</dt><dd>\(r.cohort)</dd>"
        return """
            <section class="summary" aria-labelledby="situation">
              <h2 id="situation">Situation au \(r.asOf)</h2>
              <p class="title-status\(r.titleAwarded ? " ok" as HTML : .empty)">\(r.titleSentence)</p>
              <p>\(French.count(r.acquiredCount, "bloc acquis", "blocs acquis")) sur \(r.blockCount).</p>
              <dl class="facts">
                <dt>État civil</dt><dd>\(r.bornOn.capitalizedFirst)</dd>
                <dt>Certification</dt><dd>\(r.certification)</dd>
                <dt>Voie d'accès</dt><dd>\(r.route)</dd>
                <dt>Inscription</dt><dd>le \(r.enrolledOn)</dd>
                \(cohort)
              </dl>
            </section>

            """
    }

    private static func missing(_ r: RecordView) -> HTML {
        guard !r.missing.isEmpty else { return .empty }
        return """
            <section aria-labelledby="manque">
              <h2 id="manque">Ce qui manque pour le titre</h2>
              <ul class="missing">\(r.missing.html { "<li>\($0)</li>" })</ul>
            </section>

            """
    }

    private static func blocks(_ r: RecordView) -> HTML {
        let cards = r.blocks.html { item -> HTML in
            let details: HTML = !item.details.isEmpty
                ? "<ul class=\"details\">\(item.details.html { "<li>\($0)</li>" })</ul>" : .empty
            return """
                <li class="card \(item.tone)">
                  <p class="code">\(item.code)</p>
                  <p class="label">\(item.title)</p>
                  <p class="status"><strong>\(item.status)</strong></p>
                  \(details)
                </li>

                """
        }
        return """
            <section aria-labelledby="blocs">
              <h2 id="blocs">Blocs de compétences</h2>
              <ul class="cards">
            \(cards)  </ul>
            </section>

            """
    }

    private static func finals(_ r: RecordView) -> HTML {
        let rows = (r.finals + r.conditions).html {
            "<tr class=\"\($0.tone)\"><td>\($0.code)</td><td>\($0.title)</td><td>\($0.status)</td></tr>\n"
        }
        return """
            <section aria-labelledby="finales">
              <h2 id="finales">Épreuves finales et conditions</h2>
              <table>
                <caption class="sr-only">Épreuves finales et conditions du titre</caption>
                <thead><tr><th scope="col">Élément</th><th scope="col">Intitulé</th><th scope="col">Statut</th></tr></thead>
                <tbody>
            \(rows)    </tbody>
              </table>
            </section>

            """
    }

    private static func history(_ r: RecordView) -> HTML {
        guard !r.evaluations.isEmpty else {
            return """
                <section aria-labelledby="historique">
                  <h2 id="historique">Historique des évaluations</h2>
                  <p>Aucune évaluation enregistrée.</p>
                </section>

                """
        }
        return """
            <section aria-labelledby="historique">
              <h2 id="historique">Historique des évaluations</h2>
              <table class="history stacked">
                <caption class="sr-only">Évaluations, de la plus récente à la plus ancienne</caption>
                <thead><tr>\(r.showsNumbers ? "<th scope=\"col\">N°</th>" as HTML : .empty)<th scope="col">Date</th><th scope="col">Épreuve</th><th scope="col">Résultat</th><th scope="col">Évaluateur</th><th scope="col">Remarques</th></tr></thead>
                <tbody>
            \(r.evaluations.html { evaluation($0, numbers: r.showsNumbers) })    </tbody>
              </table>
            </section>

            """
    }

    /// "Grille : 3 acquis, 1 partiellement acquis", and each competence with its rating and remark.
    static func grid(_ grid: [CompetenceAssessment]) -> HTML {
        let counts = CompetenceRating.allCases.compactMap { rating -> String? in
            let n = grid.filter { $0.rating == rating }.count
            return n == 0 ? nil : "\(n) \(rating.label)"
        }.joined(separator: ", ")
        return """
            <details class="grid-result"><summary>Grille : \(counts)</summary>
              <ul>\(grid.html { line -> HTML in
                  let remark: HTML = line.comment.map { c -> HTML in " — \(c)" } ?? .empty
                  return "<li class=\"\(line.rating.rawValue)\"><strong>\(line.rating.label)</strong> : \(line.competence)\(remark)</li>"
              })</ul>
            </details>
            """
    }

    private static func evaluation(_ e: RecordView.Evaluation, numbers: Bool) -> HTML {
        var remarks = HTML.empty
        if let comment = e.comment { remarks += "<p>\(comment)</p>" }
        if !e.grid.isEmpty { remarks += grid(e.grid) }
        if let corrects = e.corrects {
            let reason: HTML = e.correctionReason.map { reason -> HTML in " : \(reason)" } ?? .empty
            let which: HTML = numbers ? "l'évaluation n° \(corrects)" : "une évaluation précédente"
            remarks += "<p>Corrige \(which)\(reason)</p>"
        }
        if let correctedBy = e.correctedBy {
            let by: HTML = numbers ? " par l'évaluation n° \(correctedBy)" : .empty
            remarks += "<p><strong>Corrigée</strong>\(by) : ne compte plus.</p>"
        }
        if let link = e.correctionLink { remarks += "<p><a href=\"\(link)\">Corriger</a></p>" }
        return """
                <tr\(e.correctedBy != nil ? " class=\"corrected\"" as HTML : .empty)>
                  \(numbers ? "<td data-label=\"N°\">\(e.id)</td>" as HTML : .empty)
                  <td data-label="Date"><time datetime="\(e.isoDate)">\(e.date)</time></td>
                  <td data-label="Épreuve">\(e.epreuve)</td>
                  <td data-label="Résultat">\(e.outcome)</td>
                  <td data-label="Évaluateur">\(e.evaluator)</td>
                  <td data-label="Remarques">\(remarks)</td>
                </tr>

            """
    }
}
