import CertifolioCore
import Foundation
import Testing
@testable import CertifolioApp

/// A recorded identity changes only through the door: the gestionnaire's rectification (checked as
/// an enrolment is, with a reason) or a cohort file that fills columns left empty. Each change
/// keeps what the record said before; the audit trail names the fields, never their values.
@Suite struct IdentityRectificationTests {
    static let header = "candidate_id,family_name,given_names,birth_date,email,certification,access_route,enrolled_on,cohort"
    static let line = "K1,Lefèvre,Zoé,1990-02-03,k1@exemple.fr,RNCP36888,apprentissage,2025-09-15,P"

    /// A cohort folder with one candidates.csv.
    func folder(_ s: ImportPipelineTests.Sandbox, _ text: String) throws -> String {
        let path = s.folder.appendingPathComponent("cohort-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
        try text.write(to: path.appendingPathComponent("candidates.csv"), atomically: true, encoding: .utf8)
        return path.path
    }

    func sandbox() throws -> ImportPipelineTests.Sandbox {
        let s = try ImportPipelineTests.Sandbox()
        _ = try s.database.importCohort(folder: try folder(s, Self.header + "\n" + Self.line + "\n"), actor: tester)
        return s
    }

    func form(_ s: ImportPipelineTests.Sandbox, _ change: (inout NewEnrolment) -> Void) throws -> NewEnrolment {
        let record = try #require(try s.database.candidateRecord("K1"))
        var form = NewEnrolment(record.candidate, record.enrolment)
        change(&form)
        return form
    }

    @Test func aRectificationReplacesTheIdentityAndKeepsWhatItSaidBefore() throws {
        let s = try sandbox()
        let form = try form(s) {
            $0.typed.identity = IdentityDraft(birthName: "Martin", firstNames: "Zoé Marie", sex: "F", birthPlaceCode: "69123",
                                              birthPlace: "Lyon")
            $0.birthDate = "03/02/1991"
        }
        try s.database.rectifyIdentity(of: "K1", form, reason: "Acte de naissance reçu", actor: tester)
        let candidate = try #require(try s.database.candidateRecord("K1")?.candidate)
        #expect(candidate.bornOn == "née MARTIN le 3 février 1991 à Lyon")
        let history = try s.database.identityRectifications("K1")
        #expect(history.count == 1 && history[0].reason == "Acte de naissance reçu" && history[0].actor == tester.name)
        #expect(history[0].changes.map(\.field) == [.birthDate, .birthName, .firstNames, .sex, .birthPlaceCode, .birthPlace])
        #expect(history[0].changes[0].before == "1990-02-03" && history[0].changes[0].after == "1991-02-03")
        #expect(history[0].changes[1].before == nil && history[0].changes[1].after == "Martin")
        let audit = try #require(try s.database.auditEntries().last)
        #expect(audit.action == "candidate.rectify" && audit.subject == "K1")
        #expect(audit.details.contains("birth_date,birth_name,first_names,sex,birth_place_code,birth_place"))
        #expect(!audit.details.contains("Martin") && !audit.details.contains("Lyon"), "the audit trail holds no personal data")
        // The file imported at first still names the same candidate: nothing is refused, nothing changes.
        let again = try s.database.importCohort(folder: try folder(s, Self.header + "\n" + Self.line + "\n"), actor: tester)
        #expect(again.knownCandidates == 1 && again.completedIdentities == 0)
        #expect(try s.database.candidateRecord("K1")?.candidate == candidate)
    }

    @Test func aWrongRectificationIsRefusedFieldByFieldAndChangesNothing() throws {
        let s = try sandbox()
        let before = try s.database.candidateRecord("K1")
        let audit = try s.database.auditEntries().count
        let wrong = try form(s) {
            $0.familyName = ""
            $0.typed.identity = IdentityDraft(sex: "H", birthPlaceCode: "20004", birthPlace: "Ajaccio")
        }
        #expect(throws: RectificationRefused.self) {
            try s.database.rectifyIdentity(of: "K1", wrong, reason: "Erreur", actor: tester)
        }
        do {
            try s.database.rectifyIdentity(of: "K1", wrong, reason: "Erreur", actor: tester)
        } catch RectificationRefused.fields(let problems) {
            #expect(problems.map(\.field) == [.familyName, .sex, .birthPlaceCode])
        }
        let right = try form(s) { $0.typed.identity.sex = "F" }
        #expect(throws: RectificationRefused.reasonMissing) {
            try s.database.rectifyIdentity(of: "K1", right, reason: "  ", actor: tester)
        }
        #expect(throws: RectificationRefused.nothingChanged("K1")) {
            try s.database.rectifyIdentity(of: "K1", try form(s) { _ in }, reason: "Rien", actor: tester)
        }
        #expect(throws: RectificationRefused.unknownCandidate("K9")) {
            try s.database.rectifyIdentity(of: "K9", right, reason: "Erreur", actor: tester)
        }
        #expect(try s.database.candidateRecord("K1") == before)
        #expect(try s.database.auditEntries().count == audit)
        #expect(try s.database.identityRectifications("K1").isEmpty)
    }

    @Test func aFileThatFillsEmptyColumnsCompletesTheRecordAndOneThatContradictsItIsRefused() throws {
        let s = try sandbox()
        let header = Self.header + ",sex,birth_place_code,birth_place"
        let completed = try s.database.importCohort(folder: try folder(s, header + "\n" + Self.line + ",F,69123,Lyon\n"),
                                                    actor: tester)
        #expect(completed.newCandidates == 0 && completed.knownCandidates == 1 && completed.completedIdentities == 1)
        #expect(try s.database.candidateRecord("K1")?.candidate.bornOn == "née le 3 février 1990 à Lyon")
        let history = try s.database.identityRectifications("K1")
        #expect(history.count == 1 && history[0].reason.hasPrefix("Complété par l'import de"))
        // The same file again changes nothing; one that says otherwise is refused whole.
        let again = try s.database.importCohort(folder: try folder(s, header + "\n" + Self.line + ",F,69123,Lyon\n"),
                                                actor: tester)
        #expect(again.completedIdentities == 0)
        #expect(throws: (any Error).self) {
            try s.database.importCohort(folder: try folder(s, header + "\n" + Self.line + ",M,69123,Lyon\n"), actor: tester)
        }
        #expect(try s.database.candidateRecord("K1")?.candidate.identity.sex == .female)
        #expect(try s.database.identityRectifications("K1").count == 1)
    }
}
