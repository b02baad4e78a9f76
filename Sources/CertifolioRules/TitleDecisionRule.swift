import CertifolioCore

/// The jury's rule for the title (contract §6): a `title` `valide` decision stands only when, on
/// the session date, the verdict would be `eligible` once this session's block decisions count.
/// It then validates every block not yet acquired: those block decisions are implied, so that
/// `CANDIDATE,title,valide` alone is a complete decision for an eligible candidate. A jury may
/// adjourn an eligible candidate (with a motive); no motive awards a title the fiche forbids.
public enum TitleDecisionRule {
    /// Why a title `valide` cannot stand, in French.
    public enum Refusal: Error, Sendable, Equatable {
        /// The fiche does not allow the title on the session date; the verdict's reasons say why.
        case notEligible(CandidateID, reasons: [Reason])
        /// The title is validated while this session adjourns one of its blocks.
        case blockNotValidated(CandidateID, BlockCode, DecisionKind)

        public var candidate: CandidateID {
            switch self {
            case .notEligible(let id, _), .blockNotValidated(let id, _, _): id
            }
        }

        public var message: String {
            switch self {
            case let .notEligible(id, reasons):
                let blocks = reasons.filter { $0.code == .blockNotValidated }.map(\.component)
                let many = blocks.count > 1
                var said = blocks.isEmpty ? [] : [(many ? "les blocs " : "le bloc ") + blocks.joined(separator: ", ")
                    + (many ? " n'étant ni acquis, ni réussis, ni validés" : " n'étant ni acquis, ni réussi, ni validé")
                    + " dans cette session"]
                said += reasons.filter { $0.code != .blockNotValidated }.map(\.message)
                return "\(id) : le titre ne peut être validé, la fiche ne le permet pas à la date de la session "
                    + "(aucun motif n'y supplée) : " + said.joined(separator: " ; ") + "."
            case let .blockNotValidated(id, block, decision):
                return "\(id) : le titre ne peut être validé alors que le bloc \(block) est « \(decision.french) » "
                    + "dans cette session : valider le titre valide tous ses blocs."
            }
        }
    }

    /// The block decisions the session's decisions for one candidate imply, or why its title
    /// `valide` cannot stand. `decisions` are the candidate's decisions in this session (drafts
    /// and new ones together, a new one replacing the draft of its component).
    public static func impliedBlocks(of decisions: [SessionDecision], record: CandidateRecord,
                                     referentiel: Referentiel, sessionDate: Day) -> Result<[SessionDecision], Refusal> {
        let id = record.candidate.id
        guard decisions.contains(where: { $0.component == .title && $0.decision == .valide }) else { return .success([]) }
        var blockDecisions: [BlockCode: SessionDecision] = [:]
        for decision in decisions {
            if case .block(let code) = decision.component { blockDecisions[code] = decision }
        }
        let before = VerdictEngine.verdict(for: record, referentiel: referentiel, asOf: sessionDate)
        let acquired = Set(before.blocks.filter { $0.status == .acquired }.map(\.code))
        if let adjourned = referentiel.blocks.map(\.code).first(where: {
            !acquired.contains($0) && blockDecisions[$0].map { $0.decision != .valide } == true
        }) {
            return .failure(.blockNotValidated(id, adjourned, blockDecisions[adjourned]!.decision))
        }
        // The verdict as it will read once this session's explicit block decisions count.
        var counted = record
        for (offset, decision) in blockDecisions.values.filter({ $0.decision == .valide }).enumerated() {
            counted.decisions.append(JuryDecision(id: -1 - Int64(offset), component: decision.component,
                                                  decision: .valide, date: sessionDate, revokes: decision.revokes))
        }
        let after = VerdictEngine.verdict(for: counted, referentiel: referentiel, asOf: sessionDate)
        guard after.title.status == .eligible else { return .failure(.notEligible(id, reasons: after.title.reasons)) }
        // Eligible: every block left is passed, and the title validates it.
        return .success(referentiel.blocks.map(\.code)
            .filter { !acquired.contains($0) && blockDecisions[$0] == nil }
            .map { SessionDecision(candidate: id, component: .block($0), decision: .valide, motive: nil) })
    }
}
