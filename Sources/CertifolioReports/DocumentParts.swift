import CertifolioCore
import CertifolioPDF

/// Pieces every Certifolio document shares: the certifier's heading and the fiche's identity.
public enum DocumentParts {
    /// "Conservatoire national des arts et métiers (SIRET 197 534 712 00017)".
    static func certifier(_ r: Referentiel) -> String {
        r.certifiers.map { "\($0.displayName) (SIRET \($0.siret))" }.joined(separator: "\n")
    }

    /// "RNCP41818 — Titre (niveau 6)".
    static func fiche(_ r: Referentiel) -> String {
        "\(r.code) — \(r.title) (niveau \(r.level))"
    }

    /// The certifier's name, with its postal address when its profile gives one.
    static func certifier(_ r: Referentiel, _ profile: CertifierProfile?) -> String {
        [certifier(r), profile?.address].compactMap { $0 }.joined(separator: "\n")
    }

    static func heading(_ pdf: PDFDocument, _ r: Referentiel, title: String, subtitle: String? = nil,
                        profile: CertifierProfile? = nil) {
        pdf.paragraph(certifier(r, profile), style: TextStyle.small.with(grey: 0.3), spaceAfter: 14)
        pdf.paragraph(title, style: .title, spaceAfter: 4)
        if let subtitle {
            pdf.paragraph(subtitle, style: TextStyle.body.with(alignment: .center), spaceAfter: 4)
        }
        pdf.paragraph("Certification professionnelle enregistrée au RNCP : \(fiche(r))",
                      style: TextStyle.body.with(bold: true, alignment: .center), spaceAfter: 12)
        pdf.rule()
    }

    /// "23 novembre 2026 à 08:02 (heure de Paris)" for a stored timestamp "2026-11-23T07:02:23Z".
    public static func timestamp(_ stored: String) -> String {
        ParisTime(stored: stored)?.french ?? stored
    }

    /// The appeal mention, as the certifier words it; said missing when it has not.
    static func appeal(_ pdf: PDFDocument, _ profile: CertifierProfile?) {
        let text = profile?.appeal ?? "non renseignées : le certificateur doit les indiquer dans ses paramètres "
            + "avant que ce document ne soit remis."
        pdf.keep(40)
        pdf.paragraph("Voies et délais de recours", style: TextStyle.body.with(bold: true), spaceAfter: 2)
        pdf.paragraph(text, style: .note, spaceAfter: 8)
    }

    /// A "label : value" line.
    static func line(_ pdf: PDFDocument, _ label: String, _ value: String) {
        pdf.paragraph("\(label) : \(value)", spaceAfter: 2)
    }
}
