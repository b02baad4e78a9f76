import CertifolioCore
import Testing
@testable import CertifolioApp

/// An evaluation typed by staff goes through the door, which checks it against the
/// candidate's own certification as a line of events.csv is checked.
@Suite struct EvaluationUseCaseTests {
    static let today = Day(iso: "2026-12-03")!

    func sandbox() throws -> ImportPipelineTests.Sandbox {
        let sandbox = try ImportPipelineTests.Sandbox()
        _ = try sandbox.database.importCohort(folder: try sandbox.cohort(candidates: 2, eventsPerCandidate: 1), actor: tester)
        return sandbox
    }

    @Test func aDraftOfTheCandidatesCertificationIsRecordedWithItsComment() throws {
        let s = try sandbox()
        let draft = EvaluationDraft(component: "RNCP36888BC02", modality: "etude_de_cas", date: "2026-11-30",
                                    score: "12,5", evaluator: "Mme Perrot")
        let id = try s.database.recordEvaluation(draft, of: "K0", comment: "Bien.", today: Self.today, actor: tester)
        let entry = try #require(try s.database.evaluationHistory("K0").first { $0.id == id })
        #expect(entry.event.score == ExactDecimal(parsing: "12.5"))
        #expect(entry.event.maxScore == ExactDecimal(20))
        #expect(entry.comment == "Bien.")
        // The whole-block (VAE) modality belongs to every block.
        var vae = draft
        vae.modality = "vae"
        #expect(throws: Never.self) { try s.database.recordEvaluation(vae, of: "K0", comment: nil, today: Self.today, actor: tester) }
    }

    @Test func aWrongDraftIsRefusedFieldByFieldAndNothingIsWritten() throws {
        let s = try sandbox()
        let audit = try s.database.auditEntries().count
        // K0 is enrolled in RNCP36888: a block of RNCP41818 is not one of its épreuves.
        let draft = EvaluationDraft(component: "RNCP41818BC01", modality: "etude_de_cas", date: "2026-12-04",
                                    score: "21", maxScore: "20")
        #expect(throws: EvaluationRefused(problems: [
            .unknownComponent("RNCP41818BC01", "RNCP36888", blocks: ["RNCP36888BC01", "RNCP36888BC02", "RNCP36888BC03",
                                                                    "RNCP36888BC04"]),
            .futureDate(Day(iso: "2026-12-04")!), .outOfScale(ExactDecimal(21), scale: ExactDecimal(20)),
        ])) { try s.database.recordEvaluation(draft, of: "K0", comment: nil, today: Self.today, actor: tester) }
        #expect(throws: StoreError.unknownCandidate("PERSONNE")) {
            try s.database.recordEvaluation(draft, of: "PERSONNE", comment: nil, today: Self.today, actor: tester)
        }
        #expect(try s.database.evaluationHistory("K0").count == 1)
        #expect(try s.database.auditEntries().count == audit)
    }

    /// Each épreuve outside K0's certification (RNCP36888), refused with the field at fault.
    @Test(arguments: [("RNCP41818BC02", "etude_de_cas", EvaluationField.component),
                      ("RNCP36888BC01", "etude_de_cas", .modality), ("final", "livret_inconnu", .modality)])
    func anEpreuveOfAnotherCertificationIsRefused(_ component: String, _ modality: String,
                                                  _ field: EvaluationField) throws {
        let s = try sandbox()
        let draft = EvaluationDraft(component: component, modality: modality, date: "2026-11-30", score: "12")
        do {
            try s.database.recordEvaluation(draft, of: "K0", comment: nil, today: Self.today, actor: tester)
            Issue.record("accepted: \(component) / \(modality)")
        } catch let refused as EvaluationRefused {
            #expect(refused.problems.map(\.field) == [field])
        }
        #expect(try s.database.evaluationHistory("K0").count == 1)
    }

    @Test func aCorrectionGivesItsReasonAndCorrectsOnlyTheCandidatesOwnEvaluationOnce() throws {
        let s = try sandbox()
        let own = try #require(try s.database.evaluationHistory("K0").first).id
        let other = try #require(try s.database.evaluationHistory("K1").first).id
        var draft = EvaluationDraft(component: "RNCP36888BC02", modality: "etude_de_cas", date: "2026-01-10", score: "18")
        #expect(throws: EvaluationRefused(problems: [.missingReason])) {
            try s.database.correctEvaluation(own, of: "K0", with: draft, today: Self.today, actor: tester)
        }
        draft.reason = "Erreur de saisie : 18 et non 0."
        // K1's evaluation, asked for from K0's page, is as unknown as a missing one.
        #expect(throws: StoreError.unknownEvent(other)) {
            try s.database.correctEvaluation(other, of: "K0", with: draft, today: Self.today, actor: tester)
        }
        let id = try s.database.correctEvaluation(own, of: "K0", with: draft, today: Self.today, actor: tester)
        let history = try s.database.evaluationHistory("K0")
        #expect(history.first { $0.id == own }?.correctedBy == id)
        #expect(history.first { $0.id == id }?.correctionReason == "Erreur de saisie : 18 et non 0.")
        #expect(throws: StoreError.eventAlreadyCorrected(own)) {
            try s.database.correctEvaluation(own, of: "K0", with: draft, today: Self.today, actor: tester)
        }
        #expect(try s.database.evaluationHistory("K1").count == 1)
    }
}
