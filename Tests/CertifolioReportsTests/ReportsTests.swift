import CertifolioCore
import CertifolioInterchange
import CertifolioRules
import Foundation
import Testing
@testable import CertifolioReports

private let referentiel: Referentiel = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SampleCohorts/referentiels/RNCP36888.yaml")
    return try! ReferentielReader.read(yaml: try! String(contentsOf: url, encoding: .utf8), file: "RNCP36888.yaml")
}()

private func record(_ id: String, stageMonths: Int?) -> CandidateRecord {
    var r = CandidateRecord(
        candidate: Candidate(id: CandidateID(id), familyName: "Lefèvre", givenNames: "Zoé",
                             birthDate: Day(iso: "1990-01-01")!, email: "z@exemple.fr"),
        enrolment: Enrolment(certification: "RNCP36888", route: "apprentissage", enrolledOn: Day(iso: "2025-09-15")!,
                             cohort: "P"))
    var sequence: Int64 = 0
    for block in referentiel.blocks {
        for modality in block.modalities {
            sequence += 1
            r.events.append(EvaluationEvent(sequence: sequence, component: .block(block.code), modality: modality.id,
                                            date: Day(iso: "2026-10-01")!, score: ExactDecimal(12),
                                            maxScore: ExactDecimal(20), result: nil, evaluator: ""))
        }
    }
    if let stageMonths {
        let start = Day(iso: "2026-01-01")!
        r.stages.append(Stage(start: start, end: start.adding(months: stageMonths).adding(days: -1)))
    }
    return r
}

@Suite struct ReportsTests {
    let asOf = Day(iso: "2027-06-30")!

    @Test func verdictTextSaysWhatIsMissingInFrench() {
        let r = record("C1", stageMonths: 3)
        let v = VerdictEngine.verdict(for: r, referentiel: referentiel, asOf: asOf)
        let text = VerdictText.render(v, record: r, referentiel: referentiel)
        #expect(text.contains("Zoé LEFÈVRE (C1)"))
        #expect(text.contains("Situation au 30 juin 2027"))
        #expect(text.contains("Épreuve finale « Mémoire"))
        #expect(text.contains("le stage le plus long (du 1er janvier 2026 au 31 mars 2026, 90 jours) dure moins de 4 mois"))
        #expect(text.contains("0 an d'expérience professionnelle déclarée, il en faut au moins 3"))
    }

    @Test func summaryCountsStatusesAndMostFrequentMissingItems() {
        let rows = [record("C1", stageMonths: 3), record("C2", stageMonths: 5), record("C3", stageMonths: nil)]
        let verdicts = rows.map { VerdictEngine.verdict(for: $0, referentiel: referentiel, asOf: asOf) }
        let summary = CohortSummary(verdicts: verdicts, referentiels: ["RNCP36888": referentiel])
        #expect(summary.candidates == 3)
        #expect(summary.notEligible == 3)
        #expect(summary.blocksPassed == 12)
        #expect(summary.mostMissing.first?.label == "épreuve finale « memoire » non passée")
        #expect(summary.mostMissing.first?.count == 3)
        // C2's five-month stage meets the requirement: only two candidates lack it.
        #expect(summary.mostMissing.first { $0.label == "expérience insuffisante" }?.count == 2)
        #expect(summary.render().contains("3 × épreuve finale « memoire » non passée"))
    }

    @Test func verdictJSONIsValidAndEscaped() throws {
        var r = record("C\"1\\", stageMonths: 5)
        r.events.append(EvaluationEvent(sequence: 99, component: .final, modality: "memoire", date: Day(iso: "2027-05-01")!,
                                        score: ExactDecimal(15), maxScore: ExactDecimal(20), result: nil, evaluator: ""))
        let line = VerdictJSON.line(VerdictEngine.verdict(for: r, referentiel: referentiel, asOf: asOf))
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        #expect(object["candidate_id"] as? String == "C\"1\\")
        #expect((object["title"] as? [String: Any])?["status"] as? String == "eligible")
        #expect((object["requirements"] as? [[String: Any]])?.first?["status"] as? String == "met")
        #expect(!line.contains("\n"))
    }
}

/// Issue 13: the progress table names the route by its label, fits the width and cuts no word.
@Suite struct ProgressTableTests {
    @Test func theTableFitsTheWidthWrapsAtWordsAndNamesTheRouteByItsLabel() {
        let asOf = Day(iso: "2027-06-30")!
        let rows = [record("C1", stageMonths: 3), record("C2", stageMonths: nil)].map {
            ($0, VerdictEngine.verdict(for: $0, referentiel: referentiel, asOf: asOf))
        }
        for width in [80, 100, 140] {
            let text = ProgressTable.render(rows, referentiels: ["RNCP36888": referentiel], width: width)
            let lines = text.split(separator: "\n")
            #expect(lines.allSatisfy { $0.count <= width }, "width \(width)")
            // Every word of the route's label is whole somewhere in the table.
            let label = referentiel.route(rows[0].0.enrolment.route)!.label
            let words = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
            for word in label.split(separator: " ") { #expect(words.contains(String(word)), "« \(word) » whole") }
            #expect(!text.contains("…") && !text.contains("(s)"))
        }
        #expect(TextTable.wrap("un deux trois quatre", 9) == ["un deux", "trois", "quatre"])
        #expect(TextTable.wrap("anticonstitutionnellement", 5) == ["anticonstitutionnellement"])
    }
}
