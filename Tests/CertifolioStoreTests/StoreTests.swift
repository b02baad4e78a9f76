import CertifolioCore
import CertifolioInterchange
import CertifolioRules
import Foundation
import GRDB
import Testing
@testable import CertifolioStore

/// Who the tests' writes are recorded as.
let tester = Actor("test")

/// A fresh database file in a temporary folder, removed when the test ends.
final class TemporaryDatabase {
    let folder: URL
    let path: String
    let database: AppDatabase

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("certifolio-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("t.sqlite").path
        database = try AppDatabase.create(path: path)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func yaml(_ code: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("SampleCohorts/referentiels/\(code).yaml"), encoding: .utf8)
    }

    @discardableResult
    func loadReferentiels() throws -> [CertificationCode: Referentiel] {
        for code in ["RNCP41818", "RNCP36888"] {
            let text = try Self.yaml(code)
            _ = try database.importReferentiel(try ReferentielReader.read(yaml: text, file: code), sourceText: text, actor: tester)
        }
        return try database.referentiels()
    }

    /// Writes CSV files into a cohort folder and imports it.
    func importCohort(_ files: [String: String]) throws -> ImportSummary {
        let cohort = folder.appendingPathComponent("cohort-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: cohort, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: cohort.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let reader = CohortReader(referentiels: try database.referentiels(),
                                  knownCandidates: try database.enrolledCertifications())
        return try database.importCohort(try reader.read(folder: cohort.path), actor: tester)
    }

    func count(_ table: String) throws -> Int {
        try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }
}

let candidates = """
    candidate_id,family_name,given_names,birth_date,email,certification,access_route,enrolled_on,cohort
    C001,Lefèvre,Zoé,1990-02-03,zoe@exemple.fr,RNCP41818,apprentissage,2025-09-15,P2025
    C002,Noël,Maël,1988-11-30,mael@exemple.fr,RNCP36888,vae,2025-09-15,P2025

    """
let events = """
    candidate_id,component,modality,date,score,max_score,result,evaluator
    C001,RNCP41818BC01,note_synthese,2026-10-01,"12,5",,,Mme Évaluatrice
    C001,RNCP41818BC01,note_synthese,2026-11-01,8,,,Mme Évaluatrice
    C002,RNCP36888BC02,vae,2027-01-05,,,acquis,Jury VAE

    """

@Suite struct StoreTests {
    @Test func migratesAFreshFileInWALWithForeignKeys() throws {
        let t = try TemporaryDatabase()
        #expect(try t.database.appliedMigrations() == ["001_core", "002_jury", "003_web", "004_submission", "005_calendar", "006_deposit", "007_grid", "008_documents", "009_signed_documents", "010_invitations", "011_civil_identity", "012_jury_directory", "013_cpf", "014_gdpr", "015_revocation_index"])
        let (mode, fk) = try t.database.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal")
        #expect(fk == 1)
        // Opening again is idempotent.
        #expect(try AppDatabase.open(path: t.path).appliedMigrations() == ["001_core", "002_jury", "003_web", "004_submission", "005_calendar", "006_deposit", "007_grid", "008_documents", "009_signed_documents", "010_invitations", "011_civil_identity", "012_jury_directory", "013_cpf", "014_gdpr", "015_revocation_index"])
    }

    @Test func referentielRoundTripsAndReimportIsANoOp() throws {
        let t = try TemporaryDatabase()
        let stored = try t.loadReferentiels()
        for code in ["RNCP41818", "RNCP36888"] {
            let text = try TemporaryDatabase.yaml(code)
            let original = try ReferentielReader.read(yaml: text, file: code)
            #expect(stored[CertificationCode(code)] == original)
            #expect(try t.database.importReferentiel(original, sourceText: text, actor: tester) == .unchanged)
        }
        #expect(try t.count("competence") == 30 + 16)
    }

    @Test func sameVersionWithOtherContentIsRefusedAndNewVersionReplaces() throws {
        let t = try TemporaryDatabase()
        try t.loadReferentiels()
        let text = try TemporaryDatabase.yaml("RNCP36888")
        let edited = text.replacingOccurrences(of: "min_years: 3", with: "min_years: 2")
        let referentiel = try ReferentielReader.read(yaml: edited, file: "x")
        #expect(throws: StoreError.referentielVersionConflict("RNCP36888", version: "2022-09-29")) {
            try t.database.importReferentiel(referentiel, sourceText: edited, actor: tester)
        }
        let newVersion = edited.replacingOccurrences(of: "version: \"2022-09-29\"", with: "version: \"2026-01-01\"")
        _ = try t.importCohort(["candidates.csv": candidates, "events.csv": events])
        #expect(try t.database.importReferentiel(try ReferentielReader.read(yaml: newVersion, file: "x"), sourceText: newVersion, actor: tester)
                == .updated(fromVersion: "2022-09-29"))
        #expect(try t.database.referentiels()["RNCP36888"]?.requirements.first?.alternatives.first
                == .experience(minYears: ExactDecimal(2)))
        #expect(try t.database.candidateRecord("C002") != nil)
    }

    @Test func howEachEpreuveIsTakenIsRecordedAndAnOlderRecordIsCompletedUnderItsVersion() throws {
        let t = try TemporaryDatabase()
        try t.loadReferentiels()
        let stored = try #require(try t.database.referentiels()["RNCP41818"])
        #expect(stored == (try ReferentielReader.read(yaml: try TemporaryDatabase.yaml("RNCP41818"), file: "x")))
        #expect(stored.blocks[2].modalities.map(\.submission) == [.sitting, .document])
        // A référentiel recorded before migration 004 knew nothing of it: the same version, now
        // with `submission`, completes it once; after that another text is refused as before.
        try t.database.writer.write { db in
            try db.execute(sql: "UPDATE certification SET submission_known = 0, source_text = 'avant' WHERE code = 'RNCP41818'")
        }
        let text = try TemporaryDatabase.yaml("RNCP41818")
        let referentiel = try ReferentielReader.read(yaml: text, file: "x")
        #expect(try t.database.importReferentiel(referentiel, sourceText: text, actor: tester)
                == .updated(fromVersion: referentiel.version))
        let edited = text.replacingOccurrences(of: "pass_ratio: 0.5", with: "pass_ratio: 0.6")
        #expect(throws: StoreError.referentielVersionConflict("RNCP41818", version: referentiel.version)) {
            try t.database.importReferentiel(try ReferentielReader.read(yaml: edited, file: "x"), sourceText: edited,
                                             actor: tester)
        }
    }

    @Test func newVersionThatDropsAUsedRouteIsRefused() throws {
        let t = try TemporaryDatabase()
        try t.loadReferentiels()
        _ = try t.importCohort(["candidates.csv": candidates])
        let text = try TemporaryDatabase.yaml("RNCP36888")
            .replacingOccurrences(of: "version: \"2022-09-29\"", with: "version: \"2026-01-01\"")
        let cut = text.range(of: "  - id: vae\n")!
        let withoutVae = String(text[..<cut.lowerBound])
        #expect(throws: StoreError.self) {
            try t.database.importReferentiel(try ReferentielReader.read(yaml: withoutVae, file: "x"), sourceText: withoutVae, actor: tester)
        }
        #expect(try t.database.referentiels()["RNCP36888"]?.version == "2022-09-29")
    }

    @Test func importsACohortAndReadsRecordsBack() throws {
        let t = try TemporaryDatabase()
        try t.loadReferentiels()
        let summary = try t.importCohort(["candidates.csv": candidates, "events.csv": events,
                                          "requirements.csv": "candidate_id,kind,start,end,years\nC002,experience,,,8\n"])
        #expect(summary.newCandidates == 2)
        #expect(summary.events == 3)
        let record = try #require(try t.database.candidateRecord("C001"))
        #expect(record.candidate.familyName == "Lefèvre")
        #expect(record.events.map(\.score) == [ExactDecimal(parsing: "12.5"), ExactDecimal(8)])
        #expect(record.events[0].sequence < record.events[1].sequence)
        #expect(try t.database.allCandidateRecords().map(\.candidate.id) == ["C001", "C002"])
        #expect(try t.database.candidateRecords(cohort: "P2025").count == 2)
        #expect(try t.database.candidateRecord("C404") == nil)
    }

    @Test func manyEventsRoundTripExactlyAcrossFullAndPartialChunks() throws {
        let t = try TemporaryDatabase()
        try t.loadReferentiels()
        var lines = ["candidate_id,component,modality,date,score,max_score,result,evaluator"]
        for i in 0..<150 {
            let score = i % 5 == 0 ? "" : "\(i % 20),\(i % 10)"
            let result = i % 5 == 0 ? (i % 2 == 0 ? "acquis" : "non_acquis") : ""
            let evaluator = i % 7 == 0 ? "" : "Évaluateur \(i)"
            lines.append("C001,RNCP41818BC0\(i % 4 + 1),etude_de_cas,2026-\(String(format: "%02d", i % 12 + 1))-15,\"\(score)\",,\(result),\(evaluator)")
        }
        // BC01 has no etude_de_cas: use its first modality there.
        let text = lines.joined(separator: "\n").replacingOccurrences(of: "RNCP41818BC01,etude_de_cas", with: "RNCP41818BC01,note_synthese")
        let summary = try t.importCohort(["candidates.csv": candidates, "events.csv": text + "\n"])
        #expect(summary.events == 150)
        let record = try #require(try t.database.candidateRecord("C001"))
        #expect(record.events.count == 150)
        for (i, event) in record.events.enumerated() {
            #expect(event.evaluator == (i % 7 == 0 ? "" : "Évaluateur \(i)"))
            #expect(event.score == (i % 5 == 0 ? nil : ExactDecimal(parsing: "\(i % 20),\(i % 10)")))
            #expect(event.result == (i % 5 == 0 ? (i % 2 == 0 ? .acquis : .nonAcquis) : nil))
            #expect(event.date.month == i % 12 + 1)
            #expect(event.maxScore == ExactDecimal(20))
        }
        #expect(record.events.map(\.sequence) == record.events.map(\.sequence).sorted())
    }

    @Test func importingTheSameFolderTwiceAddsNothing() throws {
        let t = try TemporaryDatabase()
        try t.loadReferentiels()
        let files = ["candidates.csv": candidates, "events.csv": events,
                     "decisions.csv": "candidate_id,component,decision,date\nC001,RNCP41818BC04,valide,2026-12-15\n"]
        _ = try t.importCohort(files)
        let again = try t.importCohort(files)
        #expect(again.newCandidates == 0)
        #expect(again.knownCandidates == 2)
        #expect(again.events == 0)
        #expect(again.duplicateEvents == 3)
        #expect(again.decisions == 0)
        #expect(try t.count("evaluation_event") == 3)
    }

    @Test func aConflictingCandidateRefusesTheWholeImport() throws {
        let t = try TemporaryDatabase()
        try t.loadReferentiels()
        _ = try t.importCohort(["candidates.csv": candidates])
        let changed = candidates.replacingOccurrences(of: "1988-11-30", with: "1988-11-29")
            + "C003,Roux,Anaïs,1992-01-01,a@exemple.fr,RNCP36888,apprentissage,2025-09-15,P2025\n"
        #expect(throws: StoreError.candidateConflict("C002", file: "candidates.csv", line: 3)) {
            try t.importCohort(["candidates.csv": changed, "events.csv": events])
        }
        #expect(try t.count("candidate") == 2)
        #expect(try t.count("evaluation_event") == 0)
        #expect(try t.count("import_batch") == 1)
    }

    @Test func eventsAndDecisionsAreAppendOnly() throws {
        let t = try TemporaryDatabase()
        try t.loadReferentiels()
        _ = try t.importCohort(["candidates.csv": candidates, "events.csv": events,
                                "decisions.csv": "candidate_id,component,decision,date\nC001,title,ajourne,2027-06-14\n"])
        for sql in ["UPDATE evaluation_event SET score = '20'", "DELETE FROM evaluation_event",
                    "UPDATE jury_decision SET decision = 'valide'", "DELETE FROM jury_decision"] {
            #expect(throws: DatabaseError.self) { try t.database.writer.write { db in try db.execute(sql: sql) } }
        }
        #expect(try t.count("evaluation_event") == 3)
    }

    @Test func aCorrectionIsANewEventThatReplacesTheOldOne() throws {
        let t = try TemporaryDatabase()
        let referentiels = try t.loadReferentiels()
        _ = try t.importCohort(["candidates.csv": candidates, "events.csv": events])
        var record = try #require(try t.database.candidateRecord("C001"))
        let wrong = record.events[1]
        var fixed = wrong
        fixed.score = ExactDecimal(18)
        #expect(throws: StoreError.emptyReason) { try t.database.correctEvent(wrong.sequence, of: "C001", with: fixed, reason: " ", actor: tester) }
        // Another candidate's evaluation is as unknown as a missing one.
        #expect(throws: StoreError.unknownEvent(wrong.sequence)) {
            try t.database.correctEvent(wrong.sequence, of: "C002", with: fixed, reason: "x", actor: tester)
        }
        let id = try t.database.correctEvent(wrong.sequence, of: "C001", with: fixed, reason: "Erreur de saisie : 18 et non 8.", actor: tester)
        #expect(throws: StoreError.eventAlreadyCorrected(wrong.sequence)) {
            try t.database.correctEvent(wrong.sequence, of: "C001", with: fixed, reason: "encore", actor: tester)
        }
        #expect(throws: StoreError.unknownEvent(999)) { try t.database.correctEvent(999, of: "C001", with: fixed, reason: "x", actor: tester) }
        record = try #require(try t.database.candidateRecord("C001"))
        #expect(record.events.count == 3)
        #expect(record.events.last?.corrects == wrong.sequence)
        #expect(record.events.last?.sequence == id)
        let verdict = VerdictEngine.verdict(for: record, referentiel: referentiels["RNCP41818"]!, asOf: Day(iso: "2027-01-01")!)
        #expect(verdict.blocks[0].reasons.filter { $0.code == .modalityFailed }.isEmpty)
    }

    @Test func onlyCreateMakesADatabase() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID().uuidString).sqlite").path
        #expect(throws: StoreError.missingDatabase(path: path)) { try AppDatabase.open(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try AppDatabase.create(path: path).appliedMigrations().count == 15)
        #expect(throws: Never.self) { try AppDatabase.open(path: path) }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @Test func unwritableDatabasePathIsAUserError() {
        #expect(throws: StoreError.self) { try AppDatabase.create(path: "/nonexistent-folder/x/db.sqlite") }
    }
}
