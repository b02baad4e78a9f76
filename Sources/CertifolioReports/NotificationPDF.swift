import CertifolioCore
import CertifolioPDF
import Foundation

/// The letter telling a candidate what the jury decided: each decision in force on the
/// letter's date (an amendment replaces the session's decision, and says so), the blocks
/// acquired and what remains to be acquired for the title.
public enum NotificationPDF {
    public static func write(_ m: JuryMinutes, row: JuryMinutes.Row, to path: String) throws {
        let footer = "Notification de décision — \(row.candidate.id) — session n° \(m.session.id) du \(m.session.date.french)"
        try PDFDocument.counted(path: path, title: "Notification — \(row.candidate.displayName)", footer: footer) { pdf in
            letter(pdf, m, row)
        }
    }

    /// "12 rue des Lilas, 75011 Paris" as an envelope writes it: one part a line.
    static func addressLines(_ address: String) -> [String] {
        address.split(whereSeparator: { $0 == "\n" || $0 == "," })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func letter(_ pdf: PDFDocument, _ m: JuryMinutes, _ row: JuryMinutes.Row) {
        let r = m.referentiel
        DocumentParts.heading(pdf, r, title: "Notification de décision du jury",
                              subtitle: "Session du \(m.session.date.french) — \(m.session.place)", profile: m.profile)
        // The address block, on the right as a window envelope shows it: the postal address
        // when it is recorded (its parts one per line), else the e-mail address.
        let address = row.candidate.identity.postalAddress.map(Self.addressLines) ?? [row.candidate.email]
        let block = ([row.candidate.displayName] + address).joined(separator: "\n")
        let x = pdf.margin + pdf.contentWidth * 0.5
        let height = pdf.measure(block, style: .body, width: pdf.contentWidth * 0.5)
        pdf.draw(block, style: .body, x: x, y: pdf.y, width: pdf.contentWidth * 0.5)
        pdf.skip(height + 14)
        pdf.paragraph("Candidat n° \(row.candidate.id), \(row.candidate.bornOn)", spaceAfter: 2)
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
        DocumentParts.appeal(pdf, m.profile)
        signature(pdf, m)
    }

    /// Where and when, then who signs: the certifier's signatory (with their quality) notifies
    /// the decision of the jury, whose president is named.
    private static func signature(_ pdf: PDFDocument, _ m: JuryMinutes) {
        pdf.keep(120)
        pdf.paragraph("Fait à \(m.profile?.city ?? m.session.place), le \(m.documentDate.french).", spaceAfter: 10)
        let half = pdf.contentWidth / 2 - 10
        let president = m.session.president(in: m.referentiel)?.name ?? "président non désigné"
        let signatory = m.profile.map { "\($0.signatoryName)\n\($0.signatoryQuality)" }
            ?? "signataire non renseigné dans les paramètres du certificateur"
        pdf.draw("Pour le jury, son président :\n\(president)", style: .body, x: pdf.margin, y: pdf.y, width: half)
        pdf.draw("Pour le certificateur :\n\(signatory)", style: .body, x: pdf.margin + half + 20, y: pdf.y, width: half)
        pdf.skip(90)
    }

    /// The motive, or for an amendment (a decision that replaced the session's) its date and reason.
    private static func motive(_ d: RecordedSessionDecision, _ row: JuryMinutes.Row) -> String {
        guard row.decisions[d.decision.component]?.id != d.id else { return d.decision.motive ?? "" }
        return "Avenant du \(d.date.french) : " + (d.decision.revocationReason ?? d.decision.motive ?? "")
    }
}
