import CertifolioCore
import Foundation
import GRDB
import Testing
@testable import CertifolioStore

/// Jury sessions in the store: decisions count only once closed, a closed session is locked,
/// amendments revoke, and the audit chain names exactly the entry someone tampered with.
struct JuryStoreTests {
    /// A database with both référentiels, C001 (RNCP41818) and C002 (RNCP36888), and one open
    /// RNCP41818 session with C001 convoked.
    static func withSession() throws -> (TemporaryDatabase, JurySessionID) {
        let t = try TemporaryDatabase()
        try t.loadReferentiels()
        _ = try t.importCohort(["candidates.csv": candidates, "events.csv": events])
        let id = try t.database.createJurySession(certification: "RNCP41818", date: Day(iso: "2027-06-30")!,
                                                  place: "Paris", actor: tester)
        try t.database.addJuryMember(JuryMember(name: "Claire Dubois", role: "expert_domaine", external: true), to: id,
                                     actor: tester)
        try t.database.convoke(["C001"], to: id, actor: tester)
        return (t, id)
    }

    static let validBlock = SessionDecision(candidate: "C001", component: .block("RNCP41818BC01"), decision: .valide,
                                            motive: nil)

    @Test func decisionsCountOnlyOnceTheSessionIsClosedDatedTheSessionDate() throws {
        let (t, id) = try Self.withSession()
        try t.database.recordDecisions([Self.validBlock], in: id, actor: tester)
        #expect(try t.database.candidateRecord("C001")!.decisions.isEmpty)
        // Entered again: the draft is replaced, not added.
        try t.database.recordDecisions([Self.validBlock], in: id, actor: tester)
        #expect(try t.database.draftDecisions(id).count == 1)

        try t.database.closeJurySession(id, actor: tester)
        let decisions = try t.database.candidateRecord("C001")!.decisions
        #expect(decisions.count == 1)
        #expect(decisions.first?.date == Day(iso: "2027-06-30"))
        #expect(decisions.first?.component == .block("RNCP41818BC01"))
        #expect(try t.database.draftDecisions(id).isEmpty)
        #expect(try t.database.sessionDecisions(id).map(\.decision) == [Self.validBlock])
    }

    @Test func aClosedSessionIsLockedEvenAgainstDirectSQL() throws {
        let (t, id) = try Self.withSession()
        try t.database.recordDecisions([Self.validBlock], in: id, actor: tester)
        try t.database.closeJurySession(id, actor: tester)
        let member = JuryMember(name: "Nadia Berrada", role: "professionnel_ess", external: true)
        #expect(throws: JuryError.sessionClosed(id)) { try t.database.addJuryMember(member, to: id, actor: tester) }
        #expect(throws: JuryError.sessionClosed(id)) { try t.database.convoke(["C001"], to: id, actor: tester) }
        #expect(throws: JuryError.sessionClosed(id)) {
            try t.database.recordDecisions([Self.validBlock], in: id, actor: tester)
        }
        #expect(throws: JuryError.sessionClosed(id)) { try t.database.closeJurySession(id, actor: tester) }
        for sql in ["UPDATE jury_session SET place = 'Lyon'", "DELETE FROM jury_member",
                    "INSERT INTO jury_member (session_id, name, role, external) VALUES (1, 'X', 'expert_domaine', 1)",
                    "DELETE FROM jury_decision", "UPDATE jury_decision SET decision = 'ajourne'"] {
            #expect(throws: DatabaseError.self, "\(sql)") { try t.database.writer.write { try $0.execute(sql: sql) } }
        }
    }

    @Test func closingNeedsADecisionForEveryConvokedCandidate() throws {
        let (t, id) = try Self.withSession()
        #expect(throws: JuryError.undecided(["C001"], id)) { try t.database.closeJurySession(id, actor: tester) }
        #expect(try t.database.jurySession(id).closedAt == nil)
    }

    @Test func badConvocationsAndMembersChangeNothing() throws {
        let (t, id) = try Self.withSession()
        #expect(throws: JuryError.otherCertification("C002", enrolled: "RNCP36888", session: "RNCP41818")) {
            try t.database.convoke(["C002"], to: id, actor: tester)
        }
        #expect(throws: StoreError.unknownCandidate("C404")) { try t.database.convoke(["C404"], to: id, actor: tester) }
        #expect(throws: JuryError.self) {
            try t.database.addJuryMember(JuryMember(name: "X", role: "enseignant", external: false), to: id, actor: tester)
        }
        #expect(throws: JuryError.memberAlreadyThere("Claire Dubois", id)) {
            try t.database.addJuryMember(JuryMember(name: "Claire Dubois", role: "expert_domaine", external: true),
                                         to: id, actor: tester)
        }
        #expect(throws: JuryError.unknownSession(JurySessionID(99))) { try t.database.jurySession(JurySessionID(99)) }
        #expect(throws: StoreError.unknownCertification("RNCP00000")) {
            try t.database.createJurySession(certification: "RNCP00000", date: Day(iso: "2027-06-30")!, place: "P",
                                             actor: tester)
        }
        #expect(try t.database.jurySession(id).convoked == ["C001"])
        #expect(try t.database.jurySession(id).members.count == 1)
    }

    @Test func anAmendmentRevokesTheSessionDecisionFromItsDate() throws {
        let (t, id) = try Self.withSession()
        try t.database.recordDecisions([Self.validBlock], in: id, actor: tester)
        #expect(throws: JuryError.sessionOpen(id)) {
            try t.database.amendDecision(in: id, candidate: "C001", component: .block("RNCP41818BC01"), decision: .ajourne,
                                         reason: "erreur", date: Day(iso: "2027-07-02")!, actor: tester)
        }
        try t.database.closeJurySession(id, actor: tester)
        #expect(throws: JuryError.amendmentBeforeSession(Day(iso: "2027-06-01")!, session: Day(iso: "2027-06-30")!)) {
            try t.database.amendDecision(in: id, candidate: "C001", component: .block("RNCP41818BC01"), decision: .ajourne,
                                         reason: "erreur", date: Day(iso: "2027-06-01")!, actor: tester)
        }
        #expect(throws: JuryError.nothingToRevoke("C001", component: "title", id)) {
            try t.database.amendDecision(in: id, candidate: "C001", component: .title, decision: .ajourne,
                                         reason: "erreur", date: Day(iso: "2027-07-02")!, actor: tester)
        }
        let original = try t.database.sessionDecisions(id)[0].id
        let amendment = try t.database.amendDecision(in: id, candidate: "C001", component: .block("RNCP41818BC01"),
                                                     decision: .ajourne, reason: "Erreur de saisie",
                                                     date: Day(iso: "2027-07-02")!, actor: tester)
        let decisions = try t.database.sessionDecisions(id)
        #expect(decisions.count == 2)
        #expect(decisions[1].id == amendment)
        #expect(decisions[1].decision.revokes == original)
        #expect(decisions[1].decision.revocationReason == "Erreur de saisie")
        #expect(try t.database.decisionInForce("C001", .block("RNCP41818BC01")) == amendment)
    }

    // MARK: Audit chain

    /// Writes that each append one entry: referentiels (2), cohort import, session, member,
    /// convocation, decision, closing.
    static func auditedDatabase() throws -> (TemporaryDatabase, Int) {
        let (t, id) = try withSession()
        try t.database.recordDecisions([validBlock], in: id, actor: Actor("secretaire@exemple.fr"))
        try t.database.closeJurySession(id, actor: Actor("secretaire@exemple.fr"))
        guard case .intact(let count) = try t.database.verifyAudit() else { throw CancellationError() }
        return (t, count)
    }

    @Test func everyWriteAppendsAnEntryWithWhoWhenAndWhat() throws {
        let (t, count) = try Self.auditedDatabase()
        #expect(count == 8)
        let entries = try t.database.auditEntries()
        #expect(entries.map(\.action) == ["referentiel.import", "referentiel.import", "cohort.import", "jury.create",
                                          "jury.member", "jury.convoke", "jury.decide", "jury.close"])
        #expect(entries.last?.actor == "secretaire@exemple.fr")
        #expect(entries[6].details.contains("\"candidate\":\"C001\""))
        // A re-import that changes nothing writes nothing.
        try t.loadReferentiels()
        #expect(try t.database.verifyAudit() == .intact(entries: 8))
    }

    /// Tampers with the file as an attacker would: straight SQL, triggers dropped first.
    static func tamper(_ t: TemporaryDatabase, _ sql: String) throws {
        let queue = try DatabaseQueue(path: t.path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete")
            try db.execute(sql: sql)
        }
    }

    struct Tampering: Sendable, CustomTestStringConvertible {
        let name: String
        let sql: String
        let entry: Int64
        let problem: AuditProblem
        var testDescription: String { name }
    }

    static let tamperings: [Tampering] = [
        Tampering(name: "a detail changed", sql: "UPDATE audit_entry SET details = replace(details, 'valide', 'ajourne') WHERE id = 7",
                  entry: 7, problem: .altered),
        Tampering(name: "the actor changed", sql: "UPDATE audit_entry SET actor = 'quelqu''un' WHERE id = 4",
                  entry: 4, problem: .altered),
        Tampering(name: "an entry removed", sql: "DELETE FROM audit_entry WHERE id = 5",
                  entry: 5, problem: .removed(next: 6)),
        Tampering(name: "the last entries removed", sql: "DELETE FROM audit_entry WHERE id >= 7",
                  entry: 7, problem: .truncated(expected: 8)),
        Tampering(name: "two entries swapped",
                  sql: "UPDATE audit_entry SET id = -3 WHERE id = 3; UPDATE audit_entry SET id = 3 WHERE id = 6; "
                      + "UPDATE audit_entry SET id = 6 WHERE id = -3",
                  entry: 3, problem: .altered),
        Tampering(name: "an entry rewritten with a recomputed hash",
                  sql: "UPDATE audit_entry SET subject = 'session 2', hash = '\(String(repeating: "a", count: 64))' WHERE id = 6",
                  entry: 6, problem: .altered),
        Tampering(name: "the head rewound", sql: "UPDATE audit_head SET entries = 7",
                  entry: 8, problem: .headMismatch),
    ]

    @Test(arguments: tamperings)
    func auditVerifyNamesTheBrokenEntry(_ c: Tampering) throws {
        let (t, _) = try Self.auditedDatabase()
        try Self.tamper(t, c.sql)
        let reopened = try AppDatabase.open(path: t.path)
        #expect(try reopened.verifyAudit() == .broken(entry: c.entry, problem: c.problem))
        let message = AuditChainBroken(entry: c.entry, problem: c.problem).message
        #expect(message.contains("entrée n° \(c.entry)"))
    }

    @Test func aForgedEntryWithAValidOwnHashBreaksTheLinkOfTheNextOne() throws {
        let (t, _) = try Self.auditedDatabase()
        // Rewrite entry 4 consistently (its own hash recomputed): entry 5 no longer follows it.
        let forged = try t.database.writer.read { db -> AuditLog.Entry in
            let row = try Row.fetchOne(db, sql: "SELECT * FROM audit_entry WHERE id = 4")!
            var e = AuditLog.Entry(id: 4, at: row["at"], actor: "faussaire", action: row["action"], subject: row["subject"],
                                   details: row["details"], previousHash: row["previous_hash"], hash: "")
            e.hash = AuditLog.hash(e)
            return e
        }
        try Self.tamper(t, "UPDATE audit_entry SET actor = 'faussaire', hash = '\(forged.hash)' WHERE id = 4")
        #expect(try t.database.verifyAudit() == .broken(entry: 5, problem: .unchained))
    }
}
