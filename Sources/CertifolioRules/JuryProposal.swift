import CertifolioCore

/// What the rules engine proposes to the jury for one candidate, from the verdict as of the
/// session date: the title (and the blocks it rests on), or the blocks that can be validated,
/// or nothing.
public struct JuryProposal: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case title
        case blocks
        case none
    }

    public var kind: Kind
    /// Blocks proposed for validation (passed, not yet acquired).
    public var blocks: [BlockCode]
    /// Blocks a jury already validated: kept for good, nothing to decide.
    public var acquired: [BlockCode]
    /// A jury already awarded the title.
    public var titleAwarded: Bool

    public init(verdict: Verdict) {
        // No jury sits for a route the fiche does not open, and a title holder has nothing left
        // to validate: nothing to propose then.
        let routeOpen = !verdict.title.reasons.contains { $0.code == .routeNotAllowed }
        let open = routeOpen && verdict.title.status != .awarded
        blocks = open ? verdict.blocks.filter { $0.status == .passed }.map(\.code) : []
        acquired = verdict.blocks.filter { $0.status == .acquired }.map(\.code)
        titleAwarded = verdict.title.status == .awarded
        switch verdict.title.status {
        case .eligible: kind = .title
        case .awarded: kind = .none
        case .notEligible: kind = blocks.isEmpty ? .none : .blocks
        }
    }

    /// The decision the proposal implies for a component: `valide` for a proposed block, an
    /// acquired block or a proposed title; `ajourne` otherwise.
    public func expectedDecision(_ component: DecisionComponent) -> DecisionKind {
        switch component {
        case .title:
            return kind == .title || titleAwarded ? .valide : .ajourne
        case .block(let code):
            return blocks.contains(code) || acquired.contains(code) ? .valide : .ajourne
        }
    }

    /// The decisions that follow the proposal to the letter: each proposed block validated, and
    /// the title validated when proposed, adjourned when not yet within reach (nothing when a
    /// jury already awarded it).
    public var decisions: [(DecisionComponent, DecisionKind)] {
        var result = blocks.map { (DecisionComponent.block($0), DecisionKind.valide) }
        if !titleAwarded { result.append((.title, kind == .title ? .valide : .ajourne)) }
        return result
    }
}
