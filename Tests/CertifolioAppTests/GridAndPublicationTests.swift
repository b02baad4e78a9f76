import CertifolioCore
import Foundation
import CertifolioRules
import Testing
@testable import CertifolioApp

/// An evaluation of a block's épreuve carries its competence grid and may name the deposit it
/// assesses; the queue holds the deposits not yet assessed; the candidate sees an épreuve's
/// results once they are published to the cohort.
@Suite struct GridAndPublicationTests {
    typealias Portfolio = DepositTests.Portfolio
    static let day = Day(iso: "2026-02-01")!

    /// RNCP36888 BC01's competences, all rated `rating`.
    func grid(_ p: Portfolio, _ rating: String = "acquis") throws -> [CompetenceDraft] {
        let block = try #require(try p.app.referentiels()["RNCP36888"]?.block("RNCP36888BC01"))
        return block.competences.map { _ in CompetenceDraft(rating: rating) }
    }

    func draft(_ grid: [CompetenceDraft], deposit: String = "", modality: String = "note_synthese") -> EvaluationDraft {
        EvaluationDraft(component: "RNCP36888BC01", modality: modality, date: "2026-01-30", score: "14",
                        evaluator: "Mme Perrot", grid: grid, deposit: deposit)
    }

    @Test func theGridIsPartOfTheEventAndACorrectionHasItsOwn() throws {
        let p = try Portfolio()
        var lines = try grid(p)
        lines[1] = CompetenceDraft(rating: "partiellement_acquis", comment: "  À consolider  ")
        let first = try p.app.recordEvaluation(draft(lines), of: "K0", comment: nil, today: Self.day, requireGrid: true,
                                               actor: tester)
        let corrected = try p.app.correctEvaluation(first, of: "K0", with: {
            var d = draft(try grid(p, "non_acquis")); d.reason = "Grille inversée"; return d
        }(), today: Self.day, requireGrid: true, actor: tester)
        let history = try p.app.evaluationHistory("K0")
        let original = try #require(history.first { $0.id == first })
        #expect(original.grid.map(\.rating).prefix(2) == [.acquis, .partiellementAcquis])
        #expect(original.grid[1].comment == "À consolider")
        let block = try #require(try p.app.referentiels()["RNCP36888"]?.block("RNCP36888BC01"))
        #expect(original.grid.map(\.competence) == block.competences, "each competence's text, in order")
        #expect(history.first { $0.id == corrected }?.grid.allSatisfy { $0.rating == .nonAcquis } == true)
        #expect(try p.app.auditEntries().last?.details.contains("non_acquis \(lines.count)") == true)
    }

    @Test func aGridMustRateEveryCompetenceOfTheBlockAndOnlyABlock() throws {
        let p = try Portfolio()
        let full = try grid(p)
        var unrated = full
        unrated[2] = CompetenceDraft(rating: "")
        let block = try #require(try p.app.referentiels()["RNCP36888"]?.block("RNCP36888BC01"))
        let cases: [(EvaluationDraft, EvaluationProblem)] = [
            (draft([]), .missingGrid(block: "RNCP36888BC01")),
            (draft(Array(full.dropLast())), .gridMismatch(expected: full.count, got: full.count - 1)),
            (draft(unrated), .unrated(competence: block.competences[2])),
            (EvaluationDraft(component: "final", modality: "memoire", date: "2026-01-30", score: "12", grid: full),
             .gridOutsideBlock),
        ]
        for (d, problem) in cases {
            #expect(throws: EvaluationRefused(problems: [problem])) {
                try p.app.recordEvaluation(d, of: "K0", comment: nil, today: Self.day, requireGrid: true, actor: tester)
            }
        }
        // events.csv carries no grid: without `requireGrid` none is needed.
        #expect(throws: Never.self) { try p.app.recordEvaluation(draft([]), of: "K0", comment: nil, today: Self.day, actor: tester) }
    }

    @Test func theQueueHoldsTheLatestDepositsNotYetAssessedOldestFirst() throws {
        let p = try Portfolio()
        let at = DepositTests.onTime
        let k1 = try p.app.deposit(try p.draft(candidate: "K1", files: [try p.file("k1.pdf", DepositTests.pdf)]),
                                   at: ParisTime(paris: at.day, hour: 9, minute: 0)!, actor: tester)
        let k0v1 = try p.app.deposit(try p.draft(files: [try p.file("a.pdf", DepositTests.pdf + [1])]),
                                     at: ParisTime(paris: at.day, hour: 10, minute: 0)!, actor: tester)
        let k0v2 = try p.app.deposit(try p.draft(files: [try p.file("b.pdf", DepositTests.pdf + [2])]), at: at, actor: tester)
        // K0's first version is superseded by its second.
        #expect(try p.app.awaitingAssessment(cohorts: nil).map(\.id) == [k1.id, k0v2.id])
        #expect(k0v1.version == 1 && k0v2.version == 2)
        #expect(try p.app.awaitingAssessment(cohorts: ["autre"]).isEmpty)
        // Another candidate's deposit, or another épreuve's, cannot be the one assessed.
        #expect(throws: EvaluationRefused(problems: [.unknownDeposit(k1.id.description)])) {
            try p.app.recordEvaluation(draft(try grid(p), deposit: k1.id.description), of: "K0", comment: nil,
                                       today: Self.day, actor: tester)
        }
        try p.app.recordEvaluation(draft(try grid(p), deposit: k0v2.id.description), of: "K0", comment: nil,
                                   today: Self.day, requireGrid: true, actor: tester)
        #expect(try p.app.awaitingAssessment(cohorts: ["P"]).map(\.id) == [k1.id])
        #expect(try p.app.evaluationHistory("K0").last?.deposit == k0v2.id)
    }

    @Test func aCandidateSeesAnEpreuvesResultsOncePublishedToTheCohort() throws {
        let p = try Portfolio()
        let imported = try #require(try p.app.publishedRecordWithHistory("K0")).history.count
        let event = try p.app.recordEvaluation(draft(try grid(p)), of: "K0", comment: "Bien", today: Self.day, actor: tester)
        #expect(try p.app.recordWithHistory("K0")?.history.count == imported + 1, "staff see it at once")
        let before = try #require(try p.app.publishedRecordWithHistory("K0"))
        #expect(before.history.count == imported && !before.record.events.contains { $0.sequence == event })
        #expect(try p.app.publish(cohort: "P", component: "RNCP36888BC01", modality: "note_synthese", actor: tester) == 1)
        let after = try #require(try p.app.publishedRecordWithHistory("K0"))
        #expect(after.history.contains { $0.id == event && !$0.grid.isEmpty })
        #expect(after.record.events.contains { $0.sequence == event })
        #expect(try p.app.auditEntries().last?.action == "results.publish")
        #expect(try p.app.publicationStates().first { $0.cohort == "P" }?.unpublished == 0)
        #expect(throws: CalendarRefused.self) {
            try p.app.publish(cohort: "Q", component: "RNCP36888BC01", modality: "note_synthese", actor: tester)
        }
        #expect(throws: CalendarRefused.self) {
            try p.app.publish(cohort: "P", component: "RNCP41818BC01", modality: "note_synthese", actor: tester)
        }
    }
}
