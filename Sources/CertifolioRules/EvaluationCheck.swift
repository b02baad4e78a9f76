import CertifolioCore
import Foundation

/// The one check of an evaluation, whichever way it comes (a line of `events.csv`, the staff's
/// form, a correction): an épreuve of the candidate's certification, a real date (not in the
/// future when `today` is given), a score within a positive scale, or an explicit result; a
/// correction also gives its reason.
///
/// The competence grid, when given, rates every competence of the block in the référentiel's
/// order; `requireGrid` (the web form, which always shows it) makes it required for a block's
/// épreuve. `events.csv` has no grid columns (contract §3): a line of it carries none.
public enum EvaluationCheck {
    /// An evaluation that passed, with its grid and the deposit it assesses.
    public struct Checked: Sendable, Equatable {
        public var event: EvaluationEvent
        public var grid: [CompetenceAssessment]
        public var deposit: DepositID?
    }

    public static func check(_ d: EvaluationDraft, referentiel: Referentiel, today: Day? = nil,
                             isCorrection: Bool = false) -> Result<EvaluationEvent, EvaluationRefused> {
        checkWithGrid(d, referentiel: referentiel, today: today, isCorrection: isCorrection).map(\.event)
    }

    public static func checkWithGrid(_ d: EvaluationDraft, referentiel: Referentiel, today: Day? = nil,
                                     isCorrection: Bool = false, requireGrid: Bool = false)
        -> Result<Checked, EvaluationRefused> {
        var problems: [EvaluationProblem] = []
        let target = target(component: d.component, modality: d.modality, in: referentiel, &problems)

        var day: Day?
        if d.date.isEmpty {
            problems.append(.missingDate)
        } else if let parsed = Day(iso: d.date) {
            day = parsed
            if let today, today < parsed { problems.append(.futureDate(parsed)) }
        } else {
            problems.append(.badDate(d.date))
        }

        func number(_ text: String, _ field: EvaluationField) -> ExactDecimal?? {
            if text.isEmpty { return .some(nil) }
            guard let value = ExactDecimal(parsing: text) else {
                problems.append(.badNumber(field, text))
                return nil
            }
            return .some(value)
        }
        let score = number(d.score, .score)
        var scale: ExactDecimal?
        switch number(d.maxScore, .maxScore) {
        case .some(.some(let given)): scale = given
        case .some(.none): scale = referentiel.evaluation.defaultMaxScore
        case .none: scale = nil
        }
        if let given = scale, !given.isPositive {
            problems.append(.badScale(given))
            scale = nil
        }
        if case .some(.some(let value)) = score, let scale, value.isNegative || scale < value {
            problems.append(.outOfScale(value, scale: scale))
        }

        var result: EvaluationResult?
        if !d.result.isEmpty {
            result = EvaluationResult(rawValue: d.result)
            if result == nil { problems.append(.unknownResult(d.result)) }
        }
        if d.score.isEmpty && d.result.isEmpty { problems.append(.noScoreNorResult) }
        if isCorrection && d.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(.missingReason)
        }

        let grid = target.map { gridLines(d.grid, for: $0.0, in: referentiel, required: requireGrid, &problems) } ?? []
        var deposit: DepositID?
        if !d.deposit.isEmpty {
            if let number = Int64(d.deposit), number > 0 { deposit = DepositID(number) } else {
                problems.append(.unknownDeposit(d.deposit))
            }
        }

        guard problems.isEmpty, let target, let day, let scale, case .some(let value) = score else {
            return .failure(EvaluationRefused(problems: problems))
        }
        return .success(Checked(event: EvaluationEvent(sequence: 0, component: target.0, modality: target.1, date: day,
                                                       score: value, maxScore: scale, result: result,
                                                       evaluator: d.evaluator),
                                grid: grid, deposit: deposit))
    }

    /// The grid rated line by line against the block's competences.
    private static func gridLines(_ lines: [CompetenceDraft], for component: Component, in referentiel: Referentiel,
                             required: Bool, _ problems: inout [EvaluationProblem]) -> [CompetenceAssessment] {
        guard case .block(let code) = component, let block = referentiel.block(code), !block.competences.isEmpty else {
            if !lines.isEmpty { problems.append(.gridOutsideBlock) }
            return []
        }
        if lines.isEmpty {
            if required { problems.append(.missingGrid(block: code)) }
            return []
        }
        guard lines.count == block.competences.count else {
            problems.append(.gridMismatch(expected: block.competences.count, got: lines.count))
            return []
        }
        var grid: [CompetenceAssessment] = []
        for (competence, line) in zip(block.competences, lines) {
            guard let rating = CompetenceRating(rawValue: line.rating) else {
                problems.append(.unrated(competence: competence))
                continue
            }
            let comment = line.comment.trimmingCharacters(in: .whitespacesAndNewlines)
            grid.append(CompetenceAssessment(competence: competence, rating: rating, comment: comment.isEmpty ? nil : comment))
        }
        return grid
    }

    /// The block modality (or whole-block modality) or final exam evaluated, if the
    /// certification has it.
    private static func target(component: String, modality: String, in referentiel: Referentiel,
                               _ problems: inout [EvaluationProblem]) -> (Component, ModalityID)? {
        let id = ModalityID(modality)
        if component == "final" {
            guard referentiel.finalExam(id) != nil else {
                problems.append(.unknownFinalExam(modality, referentiel.code, known: referentiel.finalExams.map(\.id)))
                return nil
            }
            return (.final, id)
        }
        guard let block = referentiel.block(BlockCode(component)) else {
            problems.append(.unknownComponent(component, referentiel.code, blocks: referentiel.blocks.map(\.code)))
            return nil
        }
        let whole = referentiel.evaluation.wholeBlockModality?.id
        guard block.modality(id) != nil || id == whole else {
            problems.append(.unknownModality(modality, block: block.code,
                                             allowed: block.modalities.map(\.id) + (whole.map { [$0] } ?? [])))
            return nil
        }
        return (.block(block.code), id)
    }
}
