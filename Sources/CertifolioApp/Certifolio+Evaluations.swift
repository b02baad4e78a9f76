import CertifolioCore
import CertifolioRules
import CertifolioStore

extension Certifolio {
    /// Records one evaluation entered by hand (the staff's form); returns its number. The
    /// draft is checked against the candidate's certification as a line of `events.csv` is
    /// (`EvaluationCheck`): a refusal is an `EvaluationRefused` naming every field at fault.
    @discardableResult
    public func recordEvaluation(_ draft: EvaluationDraft, of candidate: CandidateID, comment: String?,
                                 today: Day, requireGrid: Bool = false, actor: Actor) throws -> Int64 {
        let c = try checked(draft, of: candidate, today: today, isCorrection: false, requireGrid: requireGrid)
        return try database.recordEvent(c.event, of: candidate, grid: c.grid, deposit: c.deposit, comment: comment,
                                        actor: actor)
    }

    /// Records an evaluation of `candidate` that corrects their earlier one (the draft gives
    /// the reason); the earlier one then no longer counts. Nothing is updated in place.
    @discardableResult
    public func correctEvaluation(_ corrected: Int64, of candidate: CandidateID, with draft: EvaluationDraft,
                                  comment: String? = nil, today: Day, requireGrid: Bool = false,
                                  actor: Actor) throws -> Int64 {
        let c = try checked(draft, of: candidate, today: today, isCorrection: true, requireGrid: requireGrid)
        return try database.correctEvent(corrected, of: candidate, with: c.event, grid: c.grid, deposit: c.deposit,
                                         reason: draft.reason, comment: comment, actor: actor)
    }

    /// A candidate's evaluations as recorded, oldest first, with who corrected what.
    public func evaluationHistory(_ candidate: CandidateID) throws -> [EvaluationEntry] {
        try database.evaluationHistory(candidate)
    }

    private func checked(_ draft: EvaluationDraft, of candidate: CandidateID, today: Day,
                         isCorrection: Bool, requireGrid: Bool) throws -> EvaluationCheck.Checked {
        // The candidate's référentiel alone, not every one: this runs at every evaluation posted.
        guard let (enrolment, found) = try database.enrolmentWithReferentiel(of: candidate) else {
            throw StoreError.unknownCandidate(candidate)
        }
        guard let referentiel = found else { throw StoreError.unknownCertification(enrolment.certification) }
        return try EvaluationCheck.checkWithGrid(draft, referentiel: referentiel, today: today,
                                                 isCorrection: isCorrection, requireGrid: requireGrid).get()
    }
}
