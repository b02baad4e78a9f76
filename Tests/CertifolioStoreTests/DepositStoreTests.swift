import CertifolioCore
import Foundation
import GRDB
import Testing
@testable import CertifolioStore

/// The store's side of deposits: versions numbered per épreuve, files moved into place inside
/// the transaction (a file that cannot be kept rolls the deposit back), append-only rows.
@Suite struct DepositStoreTests {
    let at = ParisTime(paris: Day(iso: "2026-01-10")!, hour: 9, minute: 0)!

    func ready() throws -> TemporaryDatabase {
        let t = try TemporaryDatabase()
        try t.loadReferentiels()
        _ = try t.importCohort(["candidates.csv": "candidate_id,family_name,given_names,birth_date,email,certification,access_route,enrolled_on,cohort\n"
                                   + "K1,Roux,Anaïs,1990-01-01,a@exemple.fr,RNCP36888,apprentissage,2025-09-15,P\n"])
        return t
    }

    func received(_ t: TemporaryDatabase, _ text: String) throws -> (ReceivedFile, DepositedFile) {
        let receiver = try t.database.vault.receive(name: "n.pdf", limit: 1_000_000)
        try receiver.write(Array(("%PDF-" + text).utf8))
        let file = try receiver.finish { _ in .pdf }
        return (file, DepositedFile(name: file.name, kind: .pdf, size: file.size, sha256: file.sha256))
    }

    @Test func versionsAreNumberedPerEpreuveAndTheFileIsKeptByItsHash() throws {
        let t = try ready()
        for (n, text) in ["un", "deux"].enumerated() {
            let (file, recorded) = try received(t, text)
            let d = try t.database.recordDeposit(candidate: "K1", component: .block("RNCP36888BC01"), modality: "note_synthese",
                                                 at: at, deadline: nil, files: [recorded], received: [file], actor: tester)
            #expect(d.version == n + 1)
            #expect(t.database.vault.hash(of: recorded.sha256) == recorded.sha256)
            #expect(!FileManager.default.fileExists(atPath: file.path), "moved out of incoming/")
        }
        let other = try received(t, "trois")
        #expect(try t.database.recordDeposit(candidate: "K1", component: .final, modality: "memoire", at: at, deadline: nil,
                                             files: [other.1], received: [other.0], actor: tester).version == 1)
    }

    @Test func aFileThatCannotBeKeptRecordsNothing() throws {
        let t = try ready()
        let (file, recorded) = try received(t, "perdu")
        try FileManager.default.removeItem(atPath: file.path)   // gone before the move
        let audit = try t.database.auditEntries().count
        #expect(throws: StoreError.self) {
            try t.database.recordDeposit(candidate: "K1", component: .block("RNCP36888BC01"), modality: "note_synthese",
                                         at: at, deadline: nil, files: [recorded], received: [file], actor: tester)
        }
        #expect(try t.database.deposits(of: "K1").isEmpty)
        #expect(try t.database.auditEntries().count == audit)
    }

    @Test func depositsTheirFilesAndGridsAreAppendOnly() throws {
        let t = try ready()
        let (file, recorded) = try received(t, "x")
        _ = try t.database.recordDeposit(candidate: "K1", component: .block("RNCP36888BC01"), modality: "note_synthese",
                                         at: at, deadline: nil, files: [recorded], received: [file], actor: tester)
        let event = EvaluationEvent(sequence: 0, component: .block("RNCP36888BC01"), modality: "note_synthese",
                                    date: Day(iso: "2026-01-20")!, score: ExactDecimal(parsing: "12"),
                                    maxScore: ExactDecimal(parsing: "20")!, result: nil, evaluator: "E")
        _ = try t.database.recordEvent(event, of: "K1", grid: [CompetenceAssessment(competence: "C", rating: .acquis)],
                                       deposit: DepositID(1), comment: nil, actor: tester)
        for sql in ["UPDATE deposit SET version = 9", "DELETE FROM deposit", "UPDATE deposit_file SET size = 1",
                    "DELETE FROM deposit_file", "UPDATE evaluation_grid SET rating = 'non_acquis'", "DELETE FROM evaluation_grid"] {
            #expect(throws: DatabaseError.self, "\(sql)") { try t.database.writer.write { try $0.execute(sql: sql) } }
        }
        // The deposit an evaluation names is the candidate's own, for that épreuve.
        #expect(throws: EvaluationRefused.self) {
            var other = event
            other.modality = "dossier_etude"
            _ = try t.database.recordEvent(other, of: "K1", deposit: DepositID(1), comment: nil, actor: tester)
        }
    }
}
