import CertifolioApp
import CertifolioCore
import CertifolioReports
import Hummingbird

/// The register of parchemins, for the jury secretary and the gestionnaire: every award with
/// its serial, holder, date, status and the kept file.
struct RegisterRoutes {
    let services: WebServices

    struct Page {
        let lines: [Certifolio.RegisterLine]
    }

    func add(to router: Router<WebContext>) {
        let staff = router.group().add(middleware: RequireRole(.secretary, .manager))
        staff.get(WebRoutes.register) { _, context in
            services.pages.render(Page(lines: try services.app.parcheminRegister()), title: "Registre des parchemins",
                                  context: context)
        }
        staff.get(WebRoutes.registerCSV) { _, _ in
            Downloads.csv(["serial", "candidate_id", "holder", "awarded_on", "issued_at", "verification_code", "status"],
                          try services.app.parcheminRegister().map { l in
                              [l.entry.serial, l.entry.candidate.rawValue, l.holder, l.entry.awardedOn.iso, l.entry.issuedAt,
                               l.entry.verificationCode, l.status == .valid ? "valide" : "annulé"]
                          }, filename: "registre-des-parchemins.csv")
        }
        // The kept file, byte for byte what was issued.
        staff.get(WebRoutes.parcheminFile) { _, context -> Response in
            let serial = try WebRoutes.parcheminFile.values(context)
            guard let issued = try services.app.parchemin(serial: serial) else { throw HTTPError(.notFound) }
            return try Downloads.kept(issued.path, type: "application/pdf", filename: "parchemin-\(serial).pdf")
        }
    }
}

extension RegisterRoutes.Page: PageContent {
    func html(csrf: String) -> HTML {
        guard !lines.isEmpty else {
            return """
                <h1>Registre des parchemins</h1>
                <p>Aucun parchemin délivré pour l'instant : ils se délivrent depuis la page d'une session close.</p>

                """
        }
        return """
            <h1>Registre des parchemins</h1>
            <p><a href="\(WebRoutes.registerCSV.path)">Exporter le registre (CSV)</a></p>
            <table class="stacked">
              <caption>\(lines.count) parchemin\(lines.count > 1 ? "s" : "") délivré\(lines.count > 1 ? "s" : ""), par certification et année</caption>
              <thead><tr><th scope="col">N°</th><th scope="col">Titulaire</th><th scope="col">Jury du</th><th scope="col">Délivré le</th><th scope="col">Code de vérification</th><th scope="col">Statut</th></tr></thead>
              <tbody>
            \(lines.html { l in
                let status: HTML = l.status == .valid ? "<span class=\"status-ok\">valide</span>"
                    : "<span class=\"status-bad\">annulé</span>"
                return """
                    <tr><td data-label="N°"><a href="\(WebRoutes.parcheminFile.path(l.entry.serial))">\(l.entry.serial)</a></td>\
                    <td data-label="Titulaire">\(l.holder) <span class="id">(\(l.entry.candidate.rawValue))</span></td>\
                    <td data-label="Jury du">\(l.entry.awardedOn.french)</td>\
                    <td data-label="Délivré le">\(DocumentParts.timestamp(l.entry.issuedAt))</td>\
                    <td data-label="Code de vérification"><a href="\(WebRoutes.verificationCode.path(l.entry.verificationCode))">\(l.entry.verificationCode)</a></td>\
                    <td data-label="Statut">\(status)</td></tr>

                    """
            })  </tbody>
            </table>

            """
    }
}
