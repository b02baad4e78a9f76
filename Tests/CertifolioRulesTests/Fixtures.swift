import CertifolioCore
import CertifolioInterchange
import Foundation

/// The two real référentiels of SampleCohorts/, read once.
enum Fixtures {
    static let referentiels: [CertificationCode: Referentiel] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleCohorts/referentiels")
        var result: [CertificationCode: Referentiel] = [:]
        for code in ["RNCP41818", "RNCP36888"] {
            let url = folder.appendingPathComponent("\(code).yaml")
            let text = try! String(contentsOf: url, encoding: .utf8)
            result[CertificationCode(code)] = try! ReferentielReader.read(yaml: text, file: url.lastPathComponent)
        }
        return result
    }()

    static var meqp: Referentiel { referentiels["RNCP41818"]! }
    static var remms: Referentiel { referentiels["RNCP36888"]! }
}

func day(_ text: String) -> Day { Day(iso: text)! }

/// Builds a candidate's record line by line, as a cohort file would.
struct RecordBuilder {
    let referentiel: Referentiel
    var record: CandidateRecord
    private var sequence: Int64 = 0

    init(_ referentiel: Referentiel, route: String = "formation_continue", id: String = "C001") {
        self.referentiel = referentiel
        record = CandidateRecord(
            candidate: Candidate(id: CandidateID(id), familyName: "Martin", givenNames: "Camille",
                                 birthDate: day("1990-01-01"), email: "c@exemple.fr"),
            enrolment: Enrolment(certification: referentiel.code, route: AccessRouteID(route),
                                 enrolledOn: day("2025-09-15"), cohort: "P2025"))
    }

    @discardableResult
    mutating func event(_ component: String, _ modality: String, _ date: String, score: String? = "14",
                        max: String = "20", result: EvaluationResult? = nil, corrects: Int64? = nil) -> Int64 {
        sequence += 1
        record.events.append(EvaluationEvent(
            sequence: sequence, component: component == "final" ? .final : .block(BlockCode(component)),
            modality: ModalityID(modality), date: day(date), score: score.flatMap { ExactDecimal(parsing: $0) },
            maxScore: ExactDecimal(parsing: max)!, result: result, evaluator: "Mme Évaluatrice", corrects: corrects))
        return sequence
    }

    mutating func allBlocks(_ date: String = "2026-11-20", score: String = "14", except: Set<String> = []) {
        for block in referentiel.blocks {
            for modality in block.modalities where !except.contains("\(block.code)/\(modality.id)") {
                event(block.code.rawValue, modality.id.rawValue, date, score: score)
            }
        }
    }

    mutating func allFinals(_ date: String = "2027-05-20", except: Set<String> = []) {
        for exam in referentiel.finalExams where !except.contains(exam.id.rawValue) {
            event("final", exam.id.rawValue, date, score: "13")
        }
    }

    mutating func stage(_ start: String, _ end: String) {
        record.stages.append(Stage(start: day(start), end: day(end)))
    }

    mutating func experience(_ years: String) {
        record.experiences.append(ExperienceLine(years: ExactDecimal(parsing: years)!))
    }

    @discardableResult
    mutating func decision(_ component: String, _ kind: DecisionKind, _ date: String, revokes: Int64? = nil) -> Int64 {
        sequence += 1
        record.decisions.append(JuryDecision(id: sequence, component: component == "title" ? .title : .block(BlockCode(component)),
                                             decision: kind, date: day(date), revokes: revokes))
        return sequence
    }

    /// Everything the title asks for, on the given route.
    static func complete(_ referentiel: Referentiel, route: String = "formation_continue") -> RecordBuilder {
        var b = RecordBuilder(referentiel, route: route)
        b.allBlocks()
        b.allFinals()
        b.stage("2026-02-02", "2026-06-30")
        b.experience("4")
        return b
    }
}
