import CertifolioCore
import Foundation
import Testing
@testable import CertifolioApp

/// Issue 15, backups: a copy made while the database is in use round-trips with its files; a
/// restore proves the copy whole first and never writes over a database.
@Suite struct BackupTests {
    /// A database with a closed session and an issued parchemin (a kept file).
    func loop() throws -> JuryLoopTests.Loop {
        let loop = try SignedDocumentsTests.signedLoop()
        try loop.runToClosing()
        _ = try loop.database.issueParchemin("MQ001", asOf: Day(iso: "2027-07-10")!, actor: tester)
        return loop
    }

    @Test func aBackupRestoresWithItsFilesAndTheAuditChain() throws {
        let loop = try loop()
        let backup = loop.path("sauvegarde.sqlite")
        #expect(try loop.database.backup(to: backup) == 1)
        // Writes after the backup are not in it.
        try loop.database.setCPFSettings(CPFSettings(emitter: "AB123CDE", certifier: "E564ACB0", contract: "C1"), actor: tester)
        let restored = loop.path("restauree.sqlite")
        let report = try Certifolio.restore(from: backup, to: restored)
        #expect(report.failure == nil && report.parchemins == 1)
        let copy = try Certifolio.open(path: restored)
        #expect(try copy.verifyIntegrity().failure == nil)
        #expect(try copy.cpfSettings() == nil)
        #expect(try copy.allCandidateRecords() == (try loop.database.allCandidateRecords()))
        #expect(try copy.parcheminRegister().map(\.entry.serial) == ["RNCP41818-2027-0001"])
        #expect(FileManager.default.fileExists(atPath: backup), "the backup stays as it was")
        // Never over an existing file.
        #expect(throws: BackupRefused.targetExists(backup)) { try loop.database.backup(to: backup) }
        #expect(throws: BackupRefused.targetExists(restored)) { try Certifolio.restore(from: backup, to: restored) }
        #expect(throws: BackupRefused.missingBackup(loop.path("nulle-part.sqlite"))) {
            try Certifolio.restore(from: loop.path("nulle-part.sqlite"), to: loop.path("autre.sqlite"))
        }
    }

    @Test func aBackupWhoseFileWasAlteredIsRefusedAndNothingIsPutInPlace() throws {
        let loop = try loop()
        let backup = loop.path("sauvegarde.sqlite")
        _ = try loop.database.backup(to: backup)
        let kept = try #require(FileManager.default.enumerator(atPath: backup + ".files")?.compactMap { $0 as? String }
            .first { $0.hasPrefix("sha256/") && $0.count > 20 })
        try Data("altéré".utf8).write(to: URL(fileURLWithPath: backup + ".files/" + kept))
        let target = loop.path("restauree.sqlite")
        do {
            _ = try Certifolio.restore(from: backup, to: target)
            Issue.record("an altered backup must be refused")
        } catch let refused as BackupRefused {
            #expect(refused.message.contains("parchemin n° RNCP41818-2027-0001"))
        }
        #expect(!FileManager.default.fileExists(atPath: target) && !FileManager.default.fileExists(atPath: target + ".files"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: loop.folder.path).filter { $0.contains("restauration") }
        #expect(leftovers.isEmpty, "the staging copy is removed")
    }
}

/// Issue 15: `progress --all` streams the records a page at a time, and the pages make the whole.
@Suite struct StreamedRecordsTests {
    @Test func pagesOfRecordsMakeTheWholeInOrder() throws {
        let s = try AccountLinkTests.sandbox()
        let whole = try s.database.allCandidateRecords()
        var streamed: [CandidateRecord] = []
        try s.database.database.forEachCandidateRecord(pageSize: 7) { streamed.append($0) }
        #expect(streamed == whole && whole.count > 14)
        var verdicts: [CandidateID] = []
        try s.database.forEachVerdict(asOf: Day(iso: "2027-06-30")!) { record, verdict in
            #expect(verdict.candidateID == record.candidate.id)
            verdicts.append(verdict.candidateID)
        }
        #expect(verdicts == whole.map(\.candidate.id))
    }
}
