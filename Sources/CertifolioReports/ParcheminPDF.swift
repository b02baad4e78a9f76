import CertifolioCore
import CertifolioPDF

/// The parchemin: the diploma of a title holder, one page.
public enum ParcheminPDF {
    public static func write(_ d: CandidateDocument, to path: String) throws {
        guard let awarded = d.verdict.title.awardedOn else {
            throw DocumentRefused.titleNotAwarded(d.candidate.id, d.referentiel.code)
        }
        let r = d.referentiel
        let pdf = try PDFDocument(path: path, title: "Parchemin — \(d.candidate.displayName)", footer: nil, margin: 64)
        let serif = TextStyle(font: TextStyle.serif, size: 12, alignment: .center)
        // The certifier issues the title (not the State): its name heads the parchemin.
        pdf.paragraph(DocumentParts.certifier(r), style: serif.with(size: 13, bold: true), spaceAfter: 48)
        pdf.paragraph("Certification professionnelle enregistrée au Répertoire national des certifications "
                      + "professionnelles sous le numéro \(r.code), niveau \(r.level)", style: serif, spaceAfter: 30)
        pdf.paragraph("Vu la décision du jury réuni le \(awarded.french),", style: serif, spaceAfter: 20)
        pdf.paragraph("le titre", style: serif.with(italic: true), spaceAfter: 8)
        pdf.paragraph(r.title, style: serif.with(size: 20, bold: true), spaceAfter: 24)
        pdf.paragraph("est délivré à", style: serif.with(italic: true), spaceAfter: 8)
        pdf.paragraph(d.candidate.displayName, style: serif.with(size: 22, bold: true), spaceAfter: 8)
        pdf.paragraph(d.bornOn.prefix(1).uppercased() + d.bornOn.dropFirst(), style: serif, spaceAfter: 36)
        pdf.paragraph("Fait à \(d.issuedAt), le \(d.issuedOn.french)", style: serif, spaceAfter: 20)
        let left = pdf.margin + 20
        let right = pdf.margin + pdf.contentWidth - 190
        pdf.draw("Le président du jury", style: serif.with(size: 11), x: left, y: pdf.y, width: 170)
        pdf.draw("Pour le certificateur", style: serif.with(size: 11), x: right, y: pdf.y, width: 170)
        pdf.skip(20)
        pdf.frame(x: left, y: pdf.y, width: 170, height: 70)
        pdf.frame(x: right, y: pdf.y, width: 170, height: 70)
        pdf.skip(84)
        pdf.paragraph("N° de candidat : \(d.candidate.id)", style: TextStyle.small.with(grey: 0.4, alignment: .center))
        try pdf.finish()
    }
}

/// A document that the record does not allow.
public enum DocumentRefused: UserFacingError, Equatable {
    case titleNotAwarded(CandidateID, CertificationCode)
    case nothingAcquired(CandidateID)

    public var message: String {
        switch self {
        case let .titleNotAwarded(id, code):
            return "le candidat \(id) n'a pas obtenu le titre \(code) : pas de parchemin à délivrer."
        case let .nothingAcquired(id):
            return "le candidat \(id) n'a aucun bloc validé par un jury : pas d'attestation à délivrer."
        }
    }
}
