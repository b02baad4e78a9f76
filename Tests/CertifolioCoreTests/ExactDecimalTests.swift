import Testing
@testable import CertifolioCore

@Suite struct ExactDecimalTests {
    @Test(arguments: [("12", "12"), ("12.5", "12.5"), ("12,5", "12.5"), ("12.50", "12.5"), ("0,05", "0.05"),
                      ("-3.25", "-3.25"), ("007", "7"), ("+4", "4")])
    func parsesBothDecimalMarks(_ text: String, _ canonical: String) {
        #expect(ExactDecimal(parsing: text)?.description == canonical)
    }

    @Test(arguments: ["", "abc", "1e3", "12.5.1", "12,5,0", "1 2", ".", "-", "1.1234567", "1234567890123"])
    func refusesWhatIsNotADecimal(_ text: String) {
        #expect(ExactDecimal(parsing: text) == nil)
    }

    @Test func comparesExactlyAcrossScales() {
        let half = ExactDecimal(parsing: "0.5")!
        #expect(half * ExactDecimal(20) == ExactDecimal(10))
        #expect(ExactDecimal(parsing: "9.99")! < ExactDecimal(10))
        #expect(ExactDecimal(parsing: "10.00")! == ExactDecimal(10))
        #expect(ExactDecimal(parsing: "1.5")! + ExactDecimal(parsing: "1.5")! == ExactDecimal(3))
        #expect(ExactDecimal(parsing: "0.1")! + ExactDecimal(parsing: "0.2")! == ExactDecimal(parsing: "0.3")!)
        #expect(Set([ExactDecimal(parsing: "2.50")!, ExactDecimal(parsing: "2.5")!]).count == 1)
    }

    @Test func writesFrenchDecimalComma() {
        #expect(ExactDecimal(parsing: "12.5")!.french == "12,5")
        #expect(ExactDecimal(parsing: "0.05")!.french == "0,05")
        #expect(ExactDecimal(parsing: "-0.5")!.french == "-0,5")
    }

    @Test func eventPassRuleUsesExactRatioAndResultOverrides() {
        let ratio = ExactDecimal(parsing: "0.5")!
        func event(_ score: String?, _ max: String = "20", _ result: EvaluationResult? = nil) -> EvaluationEvent {
            EvaluationEvent(sequence: 1, component: .final, modality: "memoire", date: Day(iso: "2027-01-01")!,
                            score: score.flatMap { ExactDecimal(parsing: $0) }, maxScore: ExactDecimal(parsing: max)!,
                            result: result, evaluator: "")
        }
        #expect(event("10").passes(ratio: ratio))
        #expect(!event("9.99").passes(ratio: ratio))
        #expect(event("50", "100").passes(ratio: ratio))
        #expect(!event("49.5", "100").passes(ratio: ratio))
        #expect(event("3", "20", .acquis).passes(ratio: ratio))
        #expect(!event("18", "20", .nonAcquis).passes(ratio: ratio))
        #expect(event(nil, "20", .acquis).passes(ratio: ratio))
    }
}
