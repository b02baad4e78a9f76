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

    /// Records one épreuve for many candidates at once (the promotion's entry page): each draft
    /// passes the same check as a single evaluation; if one is refused nothing is recorded, and
    /// the refusals come back by candidate.
    @discardableResult
    public func recordEvaluations(_ drafts: [(candidate: CandidateID, draft: EvaluationDraft, comment: String?)],
                                  today: Day, requireGrid: Bool, actor: Actor) throws -> [Int64] {
        var checked: [(candidate: CandidateID, event: EvaluationEvent, grid: [CompetenceAssessment], comment: String?)] = []
        var refused: [CandidateID: EvaluationRefused] = [:]
        for item in drafts {
            do {
                let c = try self.checked(item.draft, of: item.candidate, today: today, isCorrection: false,
                                         requireGrid: requireGrid)
                checked.append((item.candidate, c.event, c.grid, item.comment))
            } catch let error as EvaluationRefused {
                refused[item.candidate] = error
            }
        }
        guard refused.isEmpty else { throw EvaluationsRefused(byCandidate: refused) }
        return try database.recordEvents(checked, actor: actor)
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

/// Evaluations of a promotion's entry refused: each candidate's problems; nothing was recorded.
public struct EvaluationsRefused: UserFacingError, Equatable {
    public var byCandidate: [CandidateID: EvaluationRefused]

    public var message: String {
        byCandidate.keys.sorted().map { id in
            byCandidate[id]!.problems.map { "\(id) : \($0.message)" }.joined(separator: "\n")
        }.joined(separator: "\n") + "\nRien n'a été enregistré."
    }
}
