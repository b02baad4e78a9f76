import CertifolioCore
import CertifolioInterchange
import Foundation
@testable import CertifolioStore
import Testing

/// Web accounts, evaluator cohorts, web-entered events and member removal in the store.
struct AccountStoreTests {
    let actor = tester
    /// Keeps the temporary folder alive as long as the test.
    let temporary: TemporaryDatabase

    init() throws {
        temporary = try TemporaryDatabase()
        try temporary.loadReferentiels()
        _ = try temporary.importCohort(["candidates.csv": candidates, "events.csv": events])
    }

    func database() throws -> AppDatabase { temporary.database }

    struct BadAccount: Sendable, CustomStringConvertible {
        let account: AccountDraft
        let error: AccountError
        var description: String { error.message }

        static let all: [BadAccount] = [
            BadAccount(account: AccountDraft(email: "pas-une-adresse", displayName: "X", role: .manager),
                       error: .invalidEmail("pas-une-adresse")),
            BadAccount(account: AccountDraft(email: "x@example.fr", displayName: " ", role: .manager),
                       error: .emptyName),
            BadAccount(account: AccountDraft(email: "x@example.fr", displayName: "X", role: .candidate),
                       error: .candidateRequired),
            BadAccount(account: AccountDraft(email: "x@example.fr", displayName: "X", role: .secretary,
                                               candidateID: "C001"),
                       error: .candidateNotAllowed(.secretary)),
            BadAccount(account: AccountDraft(email: "x@example.fr", displayName: "X", role: .manager,
                                               cohorts: ["P1"]),
                       error: .cohortsOnlyForEvaluators(.manager)),
        ]
    }

    @Test(arguments: BadAccount.all)
    func aWrongAccountIsRefusedAndNothingIsWritten(_ bad: BadAccount) throws {
        let db = try database()
        #expect(throws: bad.error) { try db.addUserAccount(bad.account, passwordHash: "h", actor: actor) }
        #expect(try db.userAccounts().isEmpty)
    }

    @Test func anEmailIsUniqueWhateverItsCaseAndACandidateHasOneAccount() throws {
        let db = try database()
        let candidate = try #require(try db.allCandidateRecords().first?.candidate.id)
        try db.addUserAccount(AccountDraft(email: "a@example.fr", displayName: "A", role: .candidate,
                                             candidateID: candidate), passwordHash: "h", actor: actor)
        #expect(throws: AccountError.emailTaken("A@EXAMPLE.FR")) {
            try db.addUserAccount(AccountDraft(email: "A@EXAMPLE.FR", displayName: "A", role: .manager),
                                  passwordHash: "h", actor: actor)
        }
        #expect(throws: AccountError.candidateHasAccount(candidate)) {
            try db.addUserAccount(AccountDraft(email: "b@example.fr", displayName: "B", role: .candidate,
                                                 candidateID: candidate), passwordHash: "h", actor: actor)
        }
        #expect(try db.credentials(email: "A@Example.FR")?.passwordHash == "h")
        #expect(try db.auditEntries().last?.action == "account.add")
    }

    @Test func anEvaluatorIsAssignedToExistingCohortsOnly() throws {
        let db = try database()
        let cohort = try #require(try db.cohortNames().first)
        let account = try db.addUserAccount(AccountDraft(email: "e@example.fr", displayName: "E", role: .evaluator,
                                                           cohorts: [cohort]), passwordHash: "h", actor: actor)
        #expect(account.cohorts == [cohort])
        #expect(throws: AccountError.unknownCohort("NULLE-PART")) {
            try db.assignCohorts([cohort, "NULLE-PART"], to: account.id, actor: actor)
        }
        #expect(try db.userAccount(id: account.id)?.cohorts == [cohort])
        try db.assignCohorts([], to: account.id, actor: actor)
        #expect(try db.userAccount(id: account.id)?.cohorts == [])
    }

    @Test func anEventRecordedByHandKeepsItsComment() throws {
        let db = try database()
        let record = try #require(try db.allCandidateRecords().first)
        let event = try #require(record.events.first)
        let id = try db.recordEvent(event, of: record.candidate.id, comment: "  Bien.  ", actor: actor)
        let entry = try #require(try db.evaluationHistory(record.candidate.id).first { $0.id == id })
        #expect(entry.comment == "Bien.")
        #expect(try db.auditEntries().last?.action == "event.record")
        // The record page reads the record and the history together, the new event in both.
        let page = try #require(try db.recordWithHistory(record.candidate.id))
        #expect(page.record == (try db.candidateRecord(record.candidate.id)))
        #expect(page.record.events.contains { $0.sequence == id })
        #expect(page.history.map(\.id) == (try db.evaluationHistory(record.candidate.id)).map(\.id))
        #expect(try db.recordWithHistory("PERSONNE") == nil)
        #expect(throws: StoreError.unknownCandidate("PERSONNE")) {
            try db.recordEvent(event, of: "PERSONNE", comment: nil, actor: actor)
        }
    }

    @Test func aMemberIsRemovedWhileTheSessionIsOpenOnly() throws {
        let (t, id) = try JuryStoreTests.withSession()
        #expect(throws: JuryError.unknownMember("Personne", id)) {
            try t.database.removeJuryMember(named: "Personne", from: id, actor: tester)
        }
        try t.database.removeJuryMember(named: "Claire Dubois", from: id, actor: tester)
        #expect(try t.database.jurySession(id).members.isEmpty)
        #expect(try t.database.auditEntries().last?.action == "jury.member.remove")
    }

    @Test func aCohortPreviewCountsWhatAnImportWouldWriteAndWritesNothing() throws {
        let t = try TemporaryDatabase()
        try t.loadReferentiels()
        let reader = CohortReader(referentiels: try t.database.referentiels(), knownCandidates: [:])
        let cohort = t.folder.appendingPathComponent("preview")
        try FileManager.default.createDirectory(at: cohort, withIntermediateDirectories: true)
        try candidates.write(to: cohort.appendingPathComponent("candidates.csv"), atomically: true, encoding: .utf8)
        try events.write(to: cohort.appendingPathComponent("events.csv"), atomically: true, encoding: .utf8)
        let batch = try reader.read(folder: cohort.path)
        let audit = try t.database.auditEntries().count
        let preview = try t.database.previewCohort(batch)
        #expect(preview.newCandidates == 2)
        #expect(preview.events == 3)
        #expect(try t.count("candidate") == 0)
        #expect(try t.count("evaluation_event") == 0)
        #expect(try t.database.auditEntries().count == audit)
        let imported = try t.database.importCohort(batch, actor: tester)
        #expect(imported.newCandidates == preview.newCandidates)
        #expect(imported.events == preview.events)
    }
}
