import CertifolioCore
import CertifolioPDF

/// The letter telling a candidate what the jury decided: each decision in force on the
/// letter's date (an amendment replaces the session's decision, and says so), the blocks
/// acquired and what remains to be acquired for the title.
public enum NotificationPDF {
    public static func write(_ m: JuryMinutes, row: JuryMinutes.Row, to path: String) throws {
        let r = m.referentiel
        let pdf = try PDFDocument(path: path, title: "Notification — \(row.candidate.displayName)",
                                  footer: "Notification de décision — session n° \(m.session.id)")
        DocumentParts.heading(pdf, r, title: "Notification de décision du jury",
                              subtitle: "Session du \(m.session.date.french) — \(m.session.place)")
        pdf.paragraph("\(row.candidate.displayName) (candidat n° \(row.candidate.id))",
                      style: TextStyle.body.with(bold: true), spaceAfter: 2)
        // The route's label as the fiche writes it ("Par expérience (VAE)", not lowered to "(vae)").
        pdf.paragraph("Voie d'accès : \(row.route)", spaceAfter: 10)
        pdf.paragraph("Le jury réuni le \(m.session.date.french) a pris les décisions suivantes :", spaceAfter: 6)
        let table = PDFTable(pdf, columns: [.init("Objet", weight: 4), .init("Décision", weight: 1.2),
                                            .init("Motif", weight: 3)], style: .body)
        table.begin()
        for block in r.blocks {
            guard let d = row.inForce[.block(block.code)] else { continue }
            table.row(["\(block.code) — \(block.title)", d.decision.decision.pvWord, motive(d, row)])
        }
        if let d = row.inForce[.title] {
            table.row(["Titre « \(r.title) »", d.decision.decision.pvWord, motive(d, row)], bold: true)
        }
        table.end()
        let standing = row.standing
        if standing.titleAwarded {
            pdf.paragraph("Le titre vous est délivré. Toutes nos félicitations.", style: TextStyle.body.with(bold: true))
        } else {
            let acquired = standing.acquired.map { "\($0.0) (jury du \($0.1.french))" }
            pdf.paragraph("Blocs acquis définitivement : " + (acquired.isEmpty ? "aucun" : acquired.joined(separator: ", "))
                          + ".", spaceAfter: 6)
            pdf.paragraph("Reste à acquérir pour obtenir le titre :", spaceAfter: 3)
            for item in standing.remaining {
                pdf.paragraph("• " + item, spaceAfter: 2, x: pdf.margin + 10, width: pdf.contentWidth - 10)
            }
            pdf.skip(6)
            pdf.paragraph("Les blocs acquis restent acquis : vous pourrez vous présenter à un prochain jury pour les "
                          + "éléments qui restent, jusqu'à l'échéance de la certification (\(r.registrationEnd.french)).",
                          style: .note)
        }
        pdf.skip(10)
        pdf.paragraph("Fait à \(m.session.place), le \(m.documentDate.french). Pour le jury, son président.")
        try pdf.finish()
    }

    /// The motive, or for an amendment (a decision that replaced the session's) its date and reason.
    private static func motive(_ d: RecordedSessionDecision, _ row: JuryMinutes.Row) -> String {
        guard row.decisions[d.decision.component]?.id != d.id else { return d.decision.motive ?? "" }
        return "Avenant du \(d.date.french) : " + (d.decision.revocationReason ?? d.decision.motive ?? "")
    }
}
