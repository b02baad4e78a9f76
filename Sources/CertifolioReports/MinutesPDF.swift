import CertifolioCore
import CertifolioPDF

/// The procès-verbal of a jury session as an A4 PDF: session, members with signature boxes,
/// one row per candidate (each block's decision and the title's), totals, partial
/// validations, motives, amendments.
///
/// Each candidate's row is computed once: in the pass that counts the session
/// (`MinutesSummary`, which the PV states before its table), what the PV draws of the row is
/// written to a spool (`Spool`), and both drawings read the spool. cairo writes each page out
/// when it is full: the memory does not grow with the candidates (docs/performance.md).
public enum MinutesPDF {
    /// Counts the rows, handing each to `each` on the way (the CSV twin), then draws the PV.
    /// `number`: the document's number (`Certifolio.writeMinutes` issues one), on every page.
    @discardableResult
    public static func write(_ m: JuryMinutes, rows: JuryMinutes.Rows, to path: String, number: String? = nil,
                             each: (JuryMinutes.Row) throws -> Void = { _ in }) throws
        -> (summary: MinutesSummary, pages: Int) {
        let spool = try Spool(m, path: path)
        let summary = try MinutesSummary(rows) { row in
            try spool.append(row)
            try each(row)
        }
        // A PV states that the jury met the fiche for every route: without it there is no PV to sign.
        guard m.isDraft || summary.compositionIsMet else {
            throw MinutesRefused(session: m.session.id, problems: summary.compositions.flatMap(\.problems))
        }
        // Written twice to number the pages "x/y" (a page of a PV must show it belongs to the whole).
        let footer = (m.isDraft ? "PROJET DE PV — sans valeur de décision — " : "")
            + "PV \(m.referentiel.code), session n° \(m.session.id) du \(m.session.date.french)"
            + (number.map { ", document \($0)" } ?? "")
        let title = m.isDraft ? "Projet de procès-verbal de la session de jury" : "Procès-verbal de la session de jury"
        let pages = try PDFDocument.counted(path: path, title: "\(title) — session n° \(m.session.id)", footer: footer) { pdf in
            DocumentParts.heading(pdf, m.referentiel, title: title,
                                  subtitle: "Session n° \(m.session.id) du \(m.session.date.french) — \(m.session.place)",
                                  profile: m.profile)
            if m.isDraft {
                pdf.paragraph("Projet établi avant la clôture : les décisions ci-dessous ne sont pas encore prises ; "
                              + "seul le procès-verbal de la session close fait foi.",
                              style: TextStyle.body.with(bold: true), spaceAfter: 8)
            }
            sessionFacts(pdf, m, summary)
            jury(pdf, m, summary)
            try decisionsTable(pdf, m, spool)
            totals(pdf, summary)
            try partialValidations(pdf, spool)
            try motives(pdf, m, summary, spool)
            amendments(pdf, summary)
            DocumentParts.appeal(pdf, m.profile)
            signatures(pdf, m)
        }
        return (summary, pages)
    }

    private static func sessionFacts(_ pdf: PDFDocument, _ m: JuryMinutes, _ summary: MinutesSummary) {
        DocumentParts.line(pdf, "Date de la session", m.session.date.french)
        DocumentParts.line(pdf, "Lieu", m.session.place)
        DocumentParts.line(pdf, "Présidence", m.session.president(in: m.referentiel)?.name
                           ?? "aucun membre désigné (la fiche ne nomme pas de rôle présidant le jury)")
        DocumentParts.line(pdf, "Candidats convoqués", String(summary.totals.candidates))
        if let closed = m.session.closedAt { DocumentParts.line(pdf, "Session close le", DocumentParts.timestamp(closed)) }
        pdf.skip(8)
    }

    /// The jury as it sat: each member's role, status and attendance, then, for every route
    /// present, the composition the fiche requires and whether it was met.
    private static func jury(_ pdf: PDFDocument, _ m: JuryMinutes, _ summary: MinutesSummary) {
        pdf.keep(60)
        pdf.paragraph("Composition du jury", style: .heading)
        let president = m.session.president(in: m.referentiel)
        let table = PDFTable(pdf, columns: [.init("Membre", weight: 2.2), .init("Rôle", weight: 3.6),
                                            .init("Qualité", weight: 1), .init("Présence", weight: 1.2)])
        table.begin()
        for (i, member) in m.session.members.enumerated() {
            let role = m.referentiel.juryRole(member.role)?.label ?? member.role.rawValue
            table.row([member.name + (member == president ? "\n(préside le jury)" : ""), role,
                       member.external ? "externe" : "interne", member.excused ? "excusé" : "présent"],
                      shaded: i % 2 == 1)
        }
        table.end()
        // Routes met under the same requirement share one sentence.
        var met: [(requirement: String, routes: [String], candidates: Int)] = []
        for c in summary.compositions where c.problems.isEmpty {
            if let i = met.firstIndex(where: { $0.requirement == c.requirement }) {
                met[i].routes.append(c.route)
                met[i].candidates += c.candidates
            } else {
                met.append((c.requirement, [c.route], c.candidates))
            }
        }
        for group in met {
            let routes = group.routes.map { "« \($0) »" }.joined(separator: ", ")
            pdf.paragraph("\(group.routes.count > 1 ? "Voies" : "Voie") \(routes) (\(candidates(group.candidates))) : "
                          + "le jury réuni satisfait à la composition exigée par la fiche — \(group.requirement)",
                          style: .note, spaceAfter: 3)
        }
        for c in summary.compositions where !c.problems.isEmpty {
            let who = candidates(c.candidates)
            do {
                pdf.paragraph("Voie « \(c.route) » (\(who)) : la composition exigée par la fiche — \(c.requirement) — "
                              + "n'est pas réunie :", style: TextStyle.note.with(bold: true), spaceAfter: 1)
                for problem in c.problems {
                    pdf.paragraph("• " + problem, style: .note, spaceAfter: 1, x: pdf.margin + 10, width: pdf.contentWidth - 10)
                }
                pdf.skip(2)
            }
        }
        pdf.skip(8)
    }

    private static func candidates(_ n: Int) -> String { n > 1 ? "\(n) candidats" : "1 candidat" }

    private static func decisionsTable(_ pdf: PDFDocument, _ m: JuryMinutes, _ spool: Spool) throws {
        pdf.paragraph("Décisions", style: .heading)
        var columns = [PDFTable.Column("Candidat — date de naissance — voie d'accès", weight: 4.6)]
        columns += m.referentiel.blocks.map {
            PDFTable.Column(shortCode($0.code, in: m.referentiel.code), weight: 1, alignment: .center)
        }
        columns.append(PDFTable.Column("Titre", weight: 1.1, alignment: .center))
        let table = PDFTable(pdf, columns: columns)
        table.begin()
        var i = 0
        try spool.table.forEach { cells in
            table.row(cells, shaded: i % 2 == 1)
            i += 1
        }
        table.end()
        pdf.paragraph("« Acquis » : bloc validé par un jury antérieur, conservé (capitalisation). « — » : pas de décision. "
                      + "« * » : décision modifiée par avenant (voir ci-dessous).", style: .note, spaceAfter: 4)
        // The blocks' intitulés, once, under the table whose columns carry their short codes; together.
        pdf.keep(m.referentiel.blocks.reduce(0) { total, block in
            total + pdf.measure("\(shortCode(block.code, in: m.referentiel.code)) — \(block.code) : \(block.title)",
                                style: .note, width: pdf.contentWidth) + 1
        })
        for block in m.referentiel.blocks {
            pdf.paragraph("\(shortCode(block.code, in: m.referentiel.code)) — \(block.code) : \(block.title)",
                          style: .note, spaceAfter: 1)
        }
        pdf.skip(9)
    }

    /// "BC01" for "RNCP41818BC01": the column headers stay narrow.
    public static func shortCode(_ code: BlockCode, in certification: CertificationCode) -> String {
        code.rawValue.hasPrefix(certification.rawValue)
            ? String(code.rawValue.dropFirst(certification.rawValue.count)) : code.rawValue
    }

    private static func totals(_ pdf: PDFDocument, _ summary: MinutesSummary) {
        let t = summary.totals
        pdf.keep(90)
        pdf.paragraph("Totaux", style: .heading)
        let table = PDFTable(pdf, columns: [.init("", weight: 3), .init("Nombre", weight: 1, alignment: .right)],
                             style: .body)
        for (label, value) in [("Candidats convoqués", t.candidates), ("Titres délivrés", t.titles),
                               ("Validations partielles (blocs sans le titre)", t.partial),
                               ("Blocs validés", t.blocksValidated), ("Décisions d'ajournement", t.adjourned),
                               ("Décisions « absent »", t.absent)] {
            table.row([label, String(value)])
        }
        pdf.skip(10)
    }

    private static func partialValidations(_ pdf: PDFDocument, _ spool: Spool) throws {
        guard spool.partial.count > 0 else { return }
        pdf.keep(60)
        pdf.paragraph("Validations partielles : blocs acquis et ce qui reste à acquérir", style: .heading)
        try spool.partial.forEach { partial in
            pdf.keep(40)
            pdf.paragraph(partial.candidate, style: TextStyle.body.with(bold: true), spaceAfter: 2)
            pdf.paragraph(partial.acquired, spaceAfter: 2)
            pdf.paragraph("Reste à acquérir pour le titre :", spaceAfter: 1)
            for item in partial.remaining {
                pdf.paragraph("• " + item, spaceAfter: 1, x: pdf.margin + 10, width: pdf.contentWidth - 10)
            }
            pdf.skip(7)
        }
    }

    private static func motives(_ pdf: PDFDocument, _ m: JuryMinutes, _ summary: MinutesSummary,
                                _ spool: Spool) throws {
        guard spool.motives.count > 0 || !summary.steppingAside.isEmpty else { return }
        pdf.keep(60)
        pdf.paragraph("Motifs et observations", style: .heading)
        try spool.motives.forEach { paragraphs in
            for paragraph in paragraphs { pdf.paragraph(paragraph, spaceAfter: 3) }
        }
        // One sentence per member: the candidates whose decision they did not sit on.
        for name in m.session.members.map(\.name) {
            guard let ids = summary.steppingAside[name] else { continue }
            pdf.paragraph("\(name), ayant évalué \(ids.count > 1 ? "ces candidats" : "ce candidat"), n'a pas siégé pour "
                          + "\(ids.count > 1 ? "les décisions" : "la décision") concernant : "
                          + ids.map(\.rawValue).joined(separator: ", ") + ".", spaceAfter: 3)
        }
        pdf.skip(6)
    }

    private static func amendments(_ pdf: PDFDocument, _ summary: MinutesSummary) {
        guard !summary.amendments.isEmpty else { return }
        pdf.keep(80)
        pdf.paragraph("Avenants (décisions révoquées après la clôture)", style: .heading)
        let table = PDFTable(pdf, columns: [.init("Date", weight: 1.4), .init("Candidat", weight: 2.2),
                                            .init("Objet", weight: 1.1), .init("Révoquée", weight: 1.7),
                                            .init("Nouvelle", weight: 1.6), .init("Raison", weight: 3.1)])
        table.begin()
        for a in summary.amendments {
            table.row([a.replacement.date.french, "\(a.candidate.id)\n\(a.candidate.displayName)",
                       a.replacement.decision.component.french,
                       "\(a.revoked.decision.decision.pvWord) (n° \(a.revoked.id))",
                       "\(a.replacement.decision.decision.pvWord) (n° \(a.replacement.id))",
                       a.replacement.decision.revocationReason ?? ""])
        }
        table.end()
    }

    private static func signatures(_ pdf: PDFDocument, _ m: JuryMinutes) {
        // Members present sign; the heading, every row (about 62 points each with its signature
        // space) and the "Fait à" line stay on one page: a signature is never separated from the
        // PV it signs.
        let present = m.session.members.filter { !$0.excused }
        let president = m.session.president(in: m.referentiel)
        pdf.keep(60 + 62 * Double(max(1, present.count)))
        pdf.paragraph(m.isDraft ? "Signatures (après la clôture)" : "Signatures des membres présents", style: .heading)
        let table = PDFTable(pdf, columns: [.init("Nom", weight: 2), .init("Rôle", weight: 3),
                                            .init("Signature", weight: 2)], style: .body)
        table.begin()
        for member in present {
            let role = m.referentiel.juryRole(member.role)?.label ?? member.role.rawValue
            table.row([member.name + (member == president ? "\npréside le jury" : ""), role, "\n\n\n"])
        }
        table.end()
        pdf.paragraph("Fait à \(m.profile?.city ?? m.session.place), le \(m.session.date.french).", spaceAfter: 4)
    }
}

/// A PV whose jury did not meet the fiche for some candidate: it cannot be produced.
public struct MinutesRefused: UserFacingError, Equatable {
    public var session: JurySessionID
    public var problems: [String]

    public var message: String {
        (["le procès-verbal de la session n° \(session) ne peut être établi : la composition du jury exigée par la fiche "
          + "n'est pas réunie :"] + problems.map { "  - " + $0 }).joined(separator: "\n")
    }
}
