import CertifolioCore
import Foundation
@testable import CertifolioInterchange

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func yaml(_ code: String) -> String {
        try! String(contentsOf: root.appendingPathComponent("SampleCohorts/referentiels/\(code).yaml"), encoding: .utf8)
    }

    static let referentiels: [CertificationCode: Referentiel] = {
        var result: [CertificationCode: Referentiel] = [:]
        for code in ["RNCP41818", "RNCP36888"] {
            result[CertificationCode(code)] = try! ReferentielReader.read(yaml: yaml(code), file: "\(code).yaml")
        }
        return result
    }()

    static let candidatesHeader = "candidate_id,family_name,given_names,birth_date,email,certification,access_route,enrolled_on,cohort"
    static let candidateLine = "C001,Lefèvre,Zoé,1990-02-03,zoe@exemple.fr,RNCP41818,apprentissage,2025-09-15,P2025"
    static let eventsHeader = "candidate_id,component,modality,date,score,max_score,result,evaluator"

    static func table(_ file: String, _ text: String) throws -> CSVTable {
        try CSVTable(file: file, bytes: Array(text.utf8))
    }

    /// Reads in-memory files as a cohort folder would be read.
    static func read(candidates: String = candidatesHeader + "\n" + candidateLine + "\n", events: String? = nil,
                     requirements: String? = nil, decisions: String? = nil,
                     known: [CandidateID: CertificationCode] = [:]) throws -> CohortBatch {
        let reader = CohortReader(referentiels: referentiels, knownCandidates: known)
        return try reader.read(source: "test", candidates: try table("candidates.csv", candidates),
                               events: try events.map { try table("events.csv", $0) },
                               requirements: try requirements.map { try table("requirements.csv", $0) },
                               decisions: try decisions.map { try table("decisions.csv", $0) })
    }

    /// The single error a bad input gives (fails the test if there is not exactly one).
    static func error(_ body: () throws -> Any) -> InputError? {
        do {
            _ = try body()
            return nil
        } catch let error as InputErrors {
            return error.errors.count == 1 ? error.errors[0] : nil
        } catch let error as InputError {
            return error
        } catch {
            return nil
        }
    }
}
