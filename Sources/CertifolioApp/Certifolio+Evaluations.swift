import CertifolioCore
import CertifolioStore

extension Certifolio {
    /// Records one evaluation entered by hand (the web form); returns its number.
    @discardableResult
    public func recordEvaluation(_ event: EvaluationEvent, of candidate: CandidateID, comment: String?,
                                 actor: Actor) throws -> Int64 {
        try database.recordEvent(event, of: candidate, comment: comment, actor: actor)
    }

    /// Records an evaluation that corrects an earlier one (with its reason); the earlier one
    /// then no longer counts. Nothing is updated in place.
    @discardableResult
    public func correctEvaluation(_ corrected: Int64, with event: EvaluationEvent, reason: String,
                                  comment: String? = nil, actor: Actor) throws -> Int64 {
        try database.correctEvent(corrected, with: event, reason: reason, comment: comment, actor: actor)
    }

    /// A candidate's evaluations as recorded, oldest first, with who corrected what.
    public func evaluationHistory(_ candidate: CandidateID) throws -> [EvaluationEntry] {
        try database.evaluationHistory(candidate)
    }

    /// Which cohorts an évaluateur assesses (replacing the earlier list).
    public func assignCohorts(_ cohorts: [String], to account: Int64, actor: Actor) throws {
        try database.assignCohorts(cohorts, to: account, actor: actor)
    }
}
