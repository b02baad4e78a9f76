import CertifolioCore
import Foundation
import GRDB

extension AppDatabase {
    /// Issues the parchemin of an award, once: in one transaction, checks that `decision` is
    /// the candidate's title `valide` decision and that nothing revoked it, numbers it (next
    /// serial of its certification and year), draws a verification code, has `make` write the
    /// PDF (given the serial and the code), keeps the file under its SHA-256 and records the
    /// line with an audit entry. When the award already has its parchemin, returns that line
    /// and writes nothing: a parchemin is never issued twice.
    public func issueParchemin(candidate: CandidateID, certification: CertificationCode, decision: Int64,
                               awardedOn: Day, actor: Actor,
                               make: (_ serial: String, _ code: String, _ path: String) throws -> Void)
    throws -> (entry: ParcheminEntry, issuedNow: Bool) {
        var made: ReceivedFile?
        do {
            return try writer.write { db in
                if let existing = try ParcheminRow.fetchOne(db, sql: "SELECT * FROM parchemin WHERE decision_id = ?",
                                                            arguments: [decision]) {
                    return (existing.value, false)
                }
                guard try Bool.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM jury_decision d
                    WHERE d.id = ? AND d.candidate_id = ? AND d.component = 'title' AND d.decision = 'valide'
                      AND NOT EXISTS (SELECT 1 FROM jury_decision r WHERE r.revokes_decision_id = d.id)
                    """, arguments: [decision, candidate]) ?? false else {
                    throw DocumentRefused.noAward(candidate, certification)
                }
                let year = awardedOn.year
                let sequence = (try Int.fetchOne(db, sql: """
                    SELECT MAX(sequence) FROM parchemin WHERE certification = ? AND year = ?
                    """, arguments: [certification, year]) ?? 0) + 1
                let serial = "\(certification)-\(year)-\(String(format: "%04d", sequence))"
                var code = VerificationCode.random()
                while try Bool.fetchOne(db, sql: "SELECT COUNT(*) FROM parchemin WHERE verification_code = ?",
                                        arguments: [code]) ?? false {
                    code = VerificationCode.random()
                }
                let file = try vault.make(name: "parchemin-\(serial).pdf") { try make(serial, code, $0) }
                made = file
                let now = Timestamp.now()
                try db.execute(sql: """
                    INSERT INTO parchemin (serial, certification, year, sequence, candidate_id, decision_id, awarded_on,
                                           verification_code, sha256, size, issued_at, issued_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [serial, certification, year, sequence, candidate, decision, awardedOn, code,
                                     file.sha256, file.size, now, actor.name])
                try AuditLog.append(db, actor: actor, action: "parchemin.issue", subject: "candidate \(candidate)",
                                    details: ["serial": serial, "decision": String(decision), "sha256": file.sha256])
                // Last, just before the commit: the file is in place when the line is.
                try vault.install(file)
                made = nil
                return (ParcheminEntry(serial: serial, certification: certification, candidate: candidate,
                                       decision: decision, awardedOn: awardedOn, verificationCode: code,
                                       sha256: file.sha256, size: file.size, issuedAt: now, issuedBy: actor.name), true)
            }
        } catch {
            if let made { vault.discard([made]) }
            throw error
        }
    }

    /// The session whose decision this is (nil for a decisions.csv line).
    public func session(ofDecision id: Int64) throws -> JurySessionID? {
        try writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT session_id FROM jury_decision WHERE id = ?", arguments: [id])
                .map(JurySessionID.init)
        }
    }

    /// The register, in serial order; one certification's or every one's.
    public func parcheminRegister(certification: CertificationCode? = nil) throws -> [ParcheminEntry] {
        try writer.read { db in
            try ParcheminRow.fetchAll(db, sql: """
                SELECT * FROM parchemin WHERE ?1 IS NULL OR certification = ?1 ORDER BY certification, year, sequence
                """, arguments: [certification]).map(\.value)
        }
    }

    /// One line of the register by its serial.
    public func parchemin(serial: String) throws -> ParcheminEntry? {
        try writer.read { db in
            try ParcheminRow.fetchOne(db, sql: "SELECT * FROM parchemin WHERE serial = ?", arguments: [serial])?.value
        }
    }

    /// The holders' names of the register, in one query ("Noé MOREAU").
    public func parcheminHolders() throws -> [CandidateID: String] {
        try writer.read { db in
            var names: [CandidateID: String] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT DISTINCT k.id, k.family_name, k.given_names FROM parchemin p JOIN candidate k ON k.id = p.candidate_id
                """) {
                names[try row.decode(forColumn: "id")] = Candidate.displayName(givenNames: row["given_names"],
                                                                                familyName: row["family_name"])
            }
            return names
        }
    }

    /// A candidate's parchemins, the latest award last.
    public func parchemins(of candidate: CandidateID) throws -> [ParcheminEntry] {
        try writer.read { db in
            try ParcheminRow.fetchAll(db, sql: "SELECT * FROM parchemin WHERE candidate_id = ? ORDER BY awarded_on, serial",
                                      arguments: [candidate]).map(\.value)
        }
    }

    /// Decisions (among `decisions`) that a recorded decision revokes.
    public func revokedDecisions(among decisions: [Int64]) throws -> Set<Int64> {
        guard !decisions.isEmpty else { return [] }
        return try writer.read { db in
            Set(try Int64.fetchAll(db, sql: """
                SELECT revokes_decision_id FROM jury_decision WHERE revokes_decision_id IN (\
                \(databaseQuestionMarks(count: decisions.count)))
                """, arguments: StatementArguments(decisions)))
        }
    }

    /// What the public page says of a code: the title, the holder's name, the date of award and
    /// whether a later decision revoked it. Nil for a code no parchemin carries.
    public func verifyParchemin(code: String) throws -> ParcheminVerification? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.title, k.family_name, k.given_names, p.awarded_on,
                       EXISTS (SELECT 1 FROM jury_decision r WHERE r.revokes_decision_id = p.decision_id) AS revoked
                FROM parchemin p JOIN certification c ON c.code = p.certification JOIN candidate k ON k.id = p.candidate_id
                WHERE p.verification_code = ?
                """, arguments: [code]) else { return nil }
            return ParcheminVerification(title: row["title"],
                                         holder: Candidate.displayName(givenNames: row["given_names"],
                                                                       familyName: row["family_name"]),
                                         awardedOn: try row.decode(forColumn: "awarded_on"),
                                         status: row["revoked"] ? .annulled : .valid)
        }
    }
}

/// A `parchemin` row, by column name.
struct ParcheminRow: FetchableRecord {
    var value: ParcheminEntry

    init(row: Row) throws {
        value = ParcheminEntry(serial: try row.decode(forColumn: "serial"),
                               certification: try row.decode(forColumn: "certification"),
                               candidate: try row.decode(forColumn: "candidate_id"),
                               decision: try row.decode(forColumn: "decision_id"),
                               awardedOn: try row.decode(forColumn: "awarded_on"),
                               verificationCode: try row.decode(forColumn: "verification_code"),
                               sha256: try row.decode(forColumn: "sha256"), size: try row.decode(forColumn: "size"),
                               issuedAt: try row.decode(forColumn: "issued_at"),
                               issuedBy: try row.decode(forColumn: "issued_by"))
    }
}
