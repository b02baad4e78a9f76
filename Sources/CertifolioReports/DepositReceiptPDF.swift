import CertifolioCore
import CertifolioPDF
import CertifolioRules

/// The *accusé de dépôt*: who deposited what for which épreuve, when (Paris time) and before
/// which deadline, each file with its size and SHA-256 — what a candidate keeps as proof, and
/// what anyone can check a file against.
public enum DepositReceiptPDF {
    public static func write(_ deposit: Deposit, candidate: Candidate, referentiel r: Referentiel,
                             to path: String) throws {
        let epreuve = r.epreuveName(deposit.component, deposit.modality)
        let pdf = try PDFDocument(path: path, title: "Accusé de dépôt n° \(deposit.id) — \(candidate.displayName)",
                                  footer: "Accusé de dépôt n° \(deposit.id) — \(candidate.displayName)")
        DocumentParts.heading(pdf, r, title: "Accusé de dépôt", subtitle: "Dépôt n° \(deposit.id)")
        DocumentParts.line(pdf, "Candidat", "\(candidate.displayName) (n° \(candidate.id))")
        DocumentParts.line(pdf, "Épreuve", epreuve)
        DocumentParts.line(pdf, "Version", deposit.version == 1 ? "1 (premier dépôt)"
                           : "\(deposit.version) (les versions précédentes sont conservées)")
        DocumentParts.line(pdf, "Déposé le", deposit.at.french)
        DocumentParts.line(pdf, "Date limite", deposit.deadline?.french ?? "aucune fixée au calendrier de la promotion")
        pdf.skip(8)
        let table = PDFTable(pdf, columns: [.init("Fichier", weight: 3), .init("Type", weight: 1.2),
                                            .init("Taille", weight: 1, alignment: .right),
                                            .init("Empreinte SHA-256", weight: 4.2)])
        table.begin()
        for file in deposit.files {
            table.row([file.name, file.kind.label, DepositProblem.megabytes(file.size) + "\n\(file.size) octets",
                       file.sha256])
        }
        table.end()
        pdf.skip(10)
        pdf.paragraph("Le certificateur a reçu et conserve ces fichiers tels quels. L'empreinte SHA-256 identifie "
                      + "chaque fichier : recalculée sur une copie (par exemple avec « sha256sum »), elle doit être "
                      + "identique pour que la copie soit celle déposée.", style: .note, spaceAfter: 4)
        pdf.paragraph("Ce dépôt ne préjuge pas de l'évaluation de l'épreuve.", style: .note)
        try pdf.finish()
    }
}
