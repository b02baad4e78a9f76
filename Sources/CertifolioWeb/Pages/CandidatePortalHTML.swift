/// The candidate's own page (`/mon-dossier`): their record, then their documents. The page
/// read most often, from a phone: written in Swift (see `HTML`).
enum CandidatePortalHTML {
    static func render(_ record: RecordView) -> HTML {
        var documents = HTML.empty
        if record.canDownloadAttestation {
            documents += """
                <li><a href="\(WebRoutes.portalAttestation.path)">Attestation des blocs de compétences acquis (PDF)</a></li>
                """
        }
        if record.titleAwarded {
            documents += "<li><a href=\"\(WebRoutes.portalParchemin.path)\">Parchemin du titre (PDF)</a></li>"
        }
        if !record.canDownloadAttestation {
            documents += "<li>Aucune attestation pour l'instant : un bloc est acquis quand un jury le valide.</li>"
        }
        return """
            <h1>\(record.name) <span class="id">(\(record.candidateID))</span></h1>
            <p class="actions"><a class="button" href="\(WebRoutes.portalDeposits.path)">Mes dépôts : travaux à remettre</a></p>
            \(RecordHTML.render(record))<section aria-labelledby="documents">
              <h2 id="documents">Mes documents</h2>
              <ul>
                \(documents)
              </ul>
            </section>

            """
    }
}
