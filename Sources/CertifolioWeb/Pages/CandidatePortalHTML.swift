import CertifolioCore

/// The candidate's own page (`/mon-dossier`): their record, then their documents. The page
/// read most often, from a phone: written in Swift (see `HTML`).
enum CandidatePortalHTML {
    /// `parchemin`: the one the certifier issued for the title in force; the page offers that
    /// kept file and its verification address, never a fresh original.
    static func render(_ record: RecordView, agenda: AgendaView, parchemin: ParcheminEntry?) -> HTML {
        var documents = HTML.empty
        if record.canDownloadAttestation {
            documents += """
                <li><a href="\(WebRoutes.portalAttestation.path)">Attestation des blocs de compétences acquis (PDF)</a></li>
                """
        }
        if let p = parchemin {
            documents += """
                <li><a href="\(WebRoutes.portalParchemin.path)">Parchemin n° \(p.serial) (PDF, l'exemplaire délivré)</a> — \
                toute personne peut en vérifier l'authenticité à l'adresse \
                <a href="\(WebRoutes.verificationCode.path(p.verificationCode))">\(WebRoutes.verificationCode.path(p.verificationCode))</a></li>
                """
        } else if record.titleAwarded {
            documents += "<li>Parchemin : le certificateur ne l'a pas encore délivré ; il apparaîtra ici.</li>"
        }
        if !record.canDownloadAttestation {
            documents += "<li>Aucune attestation pour l'instant : un bloc est acquis quand un jury le valide.</li>"
        }
        documents += """
            <li><a href="\(WebRoutes.portalPersonalData.path)">Mes données personnelles (ZIP)</a> — tout ce que le \
            certificateur conserve de vous, avec vos documents déposés</li>
            """
        return """
            <h1>\(record.name) <span class="id">(\(record.candidateID))</span></h1>
            \(next(agenda))\
            \(RecordHTML.render(record))<section aria-labelledby="documents">
              <h2 id="documents">Mes documents</h2>
              <ul>
                \(documents)
              </ul>
            </section>

            """
    }

    /// "À venir": deadlines, épreuves to sit, juries, then the latest deposits and the fiche's end.
    static func next(_ a: AgendaView) -> HTML {
        func days(_ n: Int) -> String { n == 0 ? "aujourd'hui" : n == 1 ? "demain" : "dans \(n) jours" }
        var items = HTML.empty
        for d in a.deadlines {
            let state: HTML = d.deposited.map { s -> HTML in " — \(s)" } ?? " — rien de déposé"
            items += """
                <li class="\(d.deposited == nil && d.daysLeft <= 7 ? "soon" as HTML : .empty)"><strong>À déposer</strong> : \(d.label), \
                avant le \(d.deadline.french)\(d.extended ? " (délai accordé)" as HTML : .empty), \(days(d.daysLeft))\(state)</li>

                """
        }
        for s in a.sittings {
            items += "<li><strong>À passer</strong> : \(s.label), le \(s.day.french), \(s.place)</li>\n"
        }
        for j in a.juries {
            items += "<li><strong>Jury</strong> : vous êtes \(a.convoked) au jury du \(j.day.french), \(j.place)</li>\n"
        }
        let list: HTML = items.markup.isEmpty ? "<p>Aucune échéance à venir.</p>\n" : "<ul class=\"agenda\">\n\(items)</ul>\n"
        let deposits: HTML = a.latestDeposits.isEmpty ? .empty : """
            <h3>Derniers dépôts</h3>
            <ul>\(a.latestDeposits.html { item -> HTML in
                "<li>\(item.label), version \(item.deposit.version), le \(item.deposit.at.french) — <a href=\"\(WebRoutes.portalReceipt.path(item.deposit.id))\">accusé de dépôt (PDF)</a></li>"
            })</ul>

            """
        return """
            <section class="panel next" aria-labelledby="a-venir">
              <h2 id="a-venir">À venir</h2>
              \(list)\(deposits)\
              <p class="actions"><a class="button" href="\(WebRoutes.portalDeposits.path)">Mes dépôts : travaux à remettre</a></p>
              <p class="hint">La certification \(a.certification.rawValue) est enregistrée au RNCP jusqu'au \(a.registrationEnd.french).</p>
            </section>

            """
    }
}
