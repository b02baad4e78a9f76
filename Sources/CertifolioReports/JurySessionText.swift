import CertifolioCore
import CertifolioRules

/// A jury session and its proposals in plain French, for the terminal.
public enum JurySessionText {
    public static func render(_ s: JurySession, reviews: [JuryReview], drafts: [SessionDecision],
                              decided: Int?) -> String {
        var lines = ["Session n° \(s.id) — \(s.certification), le \(s.date.french), \(s.place) — "
                     + (s.closedAt.map { "close le \(DocumentParts.timestamp($0))" } ?? "ouverte")]
        lines.append("Membres (\(s.members.count)) :")
        for m in s.members { lines.append("  - \(m.name) : \(m.role)\(m.external ? ", externe" : ", interne")") }
        let unmet = reviews.filter { !$0.composition.isMet }
        lines.append("Convoqués : \(s.convoked.count) ; composition respectée pour \(reviews.count - unmet.count).")
        for review in unmet.prefix(10) {
            for problem in review.composition.problems { lines.append("  ! \(review.record.candidate.id) : \(problem)") }
        }
        if let decided {
            lines.append("Décisions définitives : \(decided).")
        } else {
            let withDecision = Set(drafts.map(\.candidate))
            lines.append("Décisions saisies : \(drafts.count), pour \(withDecision.count) des \(s.convoked.count) candidats convoqués.")
        }
        return lines.joined(separator: "\n")
    }

    /// "MQ001 Camille MARTIN — proposition : titre (blocs BC01, BC02) ; composition : respectée".
    public static func proposal(_ r: JuryReview) -> String {
        var line = "\(r.record.candidate.id) \(r.record.candidate.displayName) — proposition : "
            + proposalWords(r.proposal)
        line += r.composition.isMet ? " ; composition respectée" : " ; COMPOSITION NON RESPECTÉE"
        for problem in r.composition.problems { line += "\n    ! " + problem }
        return line
    }

    /// "délivrer le titre (avec BC02)", "valider BC01, BC03", "rien à valider".
    public static func proposalWords(_ proposal: JuryProposal) -> String {
        var what: String
        switch proposal.kind {
        case .title: what = "délivrer le titre"
        case .blocks: what = "valider " + proposal.blocks.map(\.rawValue).joined(separator: ", ")
        case .none: what = proposal.titleAwarded ? "rien (titre déjà délivré)" : "rien à valider"
        }
        if !proposal.blocks.isEmpty && proposal.kind == .title {
            what += " (avec " + proposal.blocks.map(\.rawValue).joined(separator: ", ") + ")"
        }
        return what
    }
}
