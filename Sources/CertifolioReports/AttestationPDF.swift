import CertifolioCore
import CertifolioPDF

/// The attestation of validated blocks: each block's code, title, competences and jury date,
/// and the title when a jury awarded it.
public enum AttestationPDF {
    public static func write(_ d: CandidateDocument, to path: String) throws {
        let r = d.referentiel
        let pdf = try PDFDocument(path: path, title: "Attestation — \(d.candidate.displayName)",
                                  footer: "Attestation \(r.code) — \(d.candidate.displayName)")
        DocumentParts.heading(pdf, r, title: "Attestation de validation de blocs de compétences")
        pdf.paragraph("Le certificateur atteste que \(d.candidate.displayName), \(d.bornOn), \(Sex.agree("inscrit", d.candidate.identity.sex)) sous le numéro "
                      + "\(d.candidate.id), a validé les blocs de compétences suivants de la certification \(r.code) "
                      + "« \(r.title) ». Chaque bloc validé est acquis définitivement.", spaceAfter: 10)
        for (block, day) in d.acquiredBlocks {
            pdf.keep(70)
            pdf.paragraph("\(block.code) — \(block.title)", style: TextStyle.body.with(bold: true), spaceAfter: 2)
            pdf.paragraph("Validé par décision du jury du \(day.french).", style: TextStyle.body.with(italic: true),
                          spaceAfter: 3)
            pdf.paragraph("Compétences attestées :", style: .small, spaceAfter: 2)
            for competence in block.competences {
                pdf.paragraph("• " + competence, style: .small, spaceAfter: 1, x: pdf.margin + 10,
                              width: pdf.contentWidth - 10)
            }
            pdf.skip(8)
        }
        if let awarded = d.verdict.title.awardedOn {
            pdf.keep(40)
            pdf.paragraph("Le titre « \(r.title) » (\(r.code), niveau \(r.level)) lui a été délivré par décision du jury "
                          + "du \(awarded.french).", style: TextStyle.body.with(bold: true), spaceAfter: 10)
        } else {
            let remaining = r.blocks.count - d.acquiredBlocks.count
            pdf.paragraph("Blocs validés : \(d.acquiredBlocks.count) sur \(r.blocks.count)"
                          + (remaining > 0 ? " ; le titre requiert la validation de tous les blocs, des épreuves "
                             + "finales et des conditions de la fiche." : "."), style: .note, spaceAfter: 10)
        }
        pdf.keep(80)
        pdf.paragraph("Fait à \(d.issuedAt), le \(d.issuedOn.french), pour valoir ce que de droit.", spaceAfter: 8)
        pdf.paragraph("Pour le certificateur,", spaceAfter: 4)
        pdf.frame(x: pdf.margin, y: pdf.y, width: 200, height: 60)
        pdf.skip(64)
        try pdf.finish()
    }
}
