import CertifolioCore
import CertifolioPDF

/// What makes one parchemin unique: its serial in the register, its verification code and
/// address, who signs. Given at issue; the parchemin is never drawn again afterwards.
public struct ParcheminIssue: Sendable {
    public var serial: String
    public var verificationCode: String
    /// `https://…/verification/CODE`, or nil when the certifier has not given its address.
    public var verificationLink: String?
    /// The president of the jury that awarded the title.
    public var president: String?

    public init(serial: String, verificationCode: String, verificationLink: String?, president: String?) {
        self.serial = serial
        self.verificationCode = verificationCode
        self.verificationLink = verificationLink
        self.president = president
    }
}

/// The parchemin: the diploma of a title holder, one page, issued once (`Certifolio.issueParchemin`).
public enum ParcheminPDF {
    public static func write(_ d: CandidateDocument, issue: ParcheminIssue, to path: String) throws {
        guard let awarded = d.verdict.title.awardedOn else {
            throw DocumentRefused.titleNotAwarded(d.candidate.id, d.referentiel.code)
        }
        let r = d.referentiel
        let pdf = try PDFDocument(path: path, title: "Parchemin n° \(issue.serial) — \(d.candidate.displayName)",
                                  footer: nil, margin: 64)
        let serif = TextStyle(font: TextStyle.serif, size: 12, alignment: .center)
        // The certifier issues the title (not the State): its name heads the parchemin.
        pdf.paragraph(r.certifiers.map(\.displayName).joined(separator: "\n"), style: serif.with(size: 13, bold: true), spaceAfter: 40)
        pdf.paragraph("Certification professionnelle enregistrée au Répertoire national des certifications "
                      + "professionnelles sous le numéro \(r.code), niveau \(r.level)", style: serif, spaceAfter: 28)
        pdf.paragraph("Vu la décision du jury réuni le \(awarded.french),", style: serif, spaceAfter: 20)
        pdf.paragraph("le titre", style: serif.with(italic: true), spaceAfter: 8)
        pdf.paragraph(r.title, style: serif.with(size: 20, bold: true), spaceAfter: 24)
        pdf.paragraph("est délivré à", style: serif.with(italic: true), spaceAfter: 8)
        pdf.paragraph(d.candidate.displayName, style: serif.with(size: 22, bold: true), spaceAfter: 8)
        pdf.paragraph(d.bornOn, style: serif, spaceAfter: 32)
        pdf.paragraph("Fait à \(d.issuedAt), le \(d.issuedOn.french)", style: serif, spaceAfter: 18)
        signatures(pdf, d, issue, serif: serif)
        verification(pdf, issue)
        try pdf.finish()
    }

    /// Two named signatures: the jury's president and the certifier's signatory, with their qualities.
    private static func signatures(_ pdf: PDFDocument, _ d: CandidateDocument, _ issue: ParcheminIssue,
                                   serif: TextStyle) {
        let width = 190.0
        let left = pdf.margin + 10
        let right = pdf.margin + pdf.contentWidth - width - 10
        let president = "Le président du jury\n" + (issue.president ?? "")
        let signatory = d.profile.map { "\($0.signatoryQuality)\n\($0.signatoryName)" } ?? "Pour le certificateur"
        let height = max(pdf.measure(president, style: serif.with(size: 11), width: width),
                         pdf.measure(signatory, style: serif.with(size: 11), width: width))
        pdf.draw(president, style: serif.with(size: 11), x: left, y: pdf.y, width: width)
        pdf.draw(signatory, style: serif.with(size: 11), x: right, y: pdf.y, width: width)
        pdf.skip(height + 6)
        pdf.frame(x: left, y: pdf.y, width: width, height: 64)
        pdf.frame(x: right, y: pdf.y, width: width, height: 64)
        pdf.skip(78)
    }

    /// The serial, the verification code and address, and the QR code of that address.
    private static func verification(_ pdf: PDFDocument, _ issue: ParcheminIssue) {
        let side = 86.0
        let small = TextStyle.small.with(grey: 0.25)
        let text = "Parchemin n° \(issue.serial)\nCode de vérification : \(issue.verificationCode)"
            + (issue.verificationLink.map { "\nAuthenticité vérifiable à l'adresse :\n\($0)" } ?? "")
        let top = pdf.y
        pdf.draw(text, style: small, x: pdf.margin, y: top + 14, width: pdf.contentWidth - side - 16)
        if let link = issue.verificationLink, let code = QRCode(link) {
            pdf.qrCode(code, x: pdf.margin + pdf.contentWidth - side, y: top, side: side)
        }
        pdf.skip(side)
    }
}
