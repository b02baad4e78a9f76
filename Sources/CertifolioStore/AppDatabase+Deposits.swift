import CertifolioCore
import Foundation
import GRDB

/// What a deposit is checked against, read in one snapshot: the candidate's enrolment and
/// référentiel, their cohort's calendar and their extensions.
public struct DepositContext: Sendable {
    public var enrolment: Enrolment
    public var referentiel: Referentiel?
    public var calendar: [CalendarEntry]
    public var extensions: [DeadlineExtension]
}

extension AppDatabase {
    /// `loadReferentiel` false: the caller has the référentiel already (the web keeps them).
    public func depositContext(_ candidate: CandidateID, loadReferentiel: Bool = true) throws -> DepositContext? {
        try writer.read { db in try DepositRows.context(candidate, loadReferentiel: loadReferentiel, db) }
    }

    /// Records a checked deposit as the next version of its épreuve, in one transaction: the
    /// rows, the audit entry, then the files moved into place, flushed, just before the
    /// commit. If anything fails, nothing is recorded and the received files are removed.
    public func recordDeposit(candidate: CandidateID, component: Component, modality: ModalityID, at: ParisTime,
                              deadline: ParisTime?, files: [DepositedFile], received: [ReceivedFile],
                              actor: Actor) throws -> Deposit {
        do {
            return try writer.write { db in
                let version = 1 + (try Int.fetchOne(db, sql: """
                    SELECT max(version) FROM deposit WHERE candidate = ? AND component = ? AND modality = ?
                    """, arguments: [candidate, component, modality]) ?? 0)
                try db.execute(sql: """
                    INSERT INTO deposit (candidate, component, modality, version, deposited_at, deadline, actor, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [candidate, component, modality, version, at, deadline, actor.name, Timestamp.now()])
                let id = DepositID(db.lastInsertedRowID)
                for (position, file) in files.enumerated() {
                    try db.execute(sql: """
                        INSERT INTO deposit_file (deposit, position, name, kind, size, sha256) VALUES (?, ?, ?, ?, ?, ?)
                        """, arguments: [id, position + 1, file.name, file.kind, file.size, file.sha256])
                }
                try AuditLog.append(db, actor: actor, action: "deposit.add", subject: candidate.rawValue, details: [
                    "deposit": id.description, "component": component.fileValue, "modality": modality.rawValue,
                    "version": String(version), "at": at.stored,
                    "files": files.map { "\($0.size) \($0.sha256)" }.joined(separator: "; "),
                ])
                for file in received { try vault.install(file) }
                return Deposit(id: id, candidate: candidate, component: component, modality: modality, version: version,
                               at: at, deadline: deadline, files: files, actor: actor.name)
            }
        } catch {
            vault.discard(received)
            throw error
        }
    }

    /// A candidate's deposits, by épreuve then version.
    public func deposits(of candidate: CandidateID) throws -> [Deposit] {
        try writer.read { db in
            try DepositRows.deposits(db, where: "candidate = ?", [candidate])
        }
    }

    public func deposit(_ id: DepositID) throws -> Deposit? {
        try writer.read { db in try DepositRows.deposits(db, where: "id = ?", [id]).first }
    }

    /// The latest deposit of each épreuve that no evaluation assesses yet, of the candidates of
    /// `cohorts` (every cohort when nil), oldest first: an évaluateur's queue.
    public func awaitingAssessment(cohorts: [String]?) throws -> [Deposit] {
        try writer.read { db in
            var condition = """
                version = (SELECT max(version) FROM deposit x WHERE x.candidate = deposit.candidate
                           AND x.component = deposit.component AND x.modality = deposit.modality)
                AND NOT EXISTS (SELECT 1 FROM evaluation_event v WHERE v.deposit_id = deposit.id)
                """
            var arguments: StatementArguments = []
            if let cohorts {
                condition += " AND candidate IN (SELECT candidate_id FROM enrolment WHERE cohort IN (SELECT value FROM json_each(?)))"
                arguments = [JSONList.of(cohorts)]
            }
            return try DepositRows.deposits(db, where: condition, arguments).sorted { ($0.at, $0.id) < ($1.at, $1.id) }
        }
    }

    /// Every deposit with a file, for `audit verify`.
    public func allDeposits() throws -> [Deposit] {
        try writer.read { db in try DepositRows.deposits(db, where: "1", []) }
    }

    /// The contents some deposit records (what `sweep` must keep).
    public func recordedContents() throws -> Set<String> {
        try writer.read { db in
            Set(try String.fetchAll(db, sql: PurgeSQL.keptContents))
        }
    }

    /// Grants (or replaces) a candidate's extension for an épreuve, audited with its reason and
    /// the deadline it replaces.
    public func grantExtension(_ e: DeadlineExtension, actor: Actor) throws {
        guard !e.reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw StoreError.emptyReason }
        try writer.write { db in
            let before = try ParisTime.fetchOne(db, sql: """
                SELECT until FROM deadline_extension WHERE candidate = ? AND component = ? AND modality = ?
                """, arguments: [e.candidate, e.component, e.modality])
            try db.execute(sql: """
                INSERT INTO deadline_extension (candidate, component, modality, until, reason, granted_by, granted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (candidate, component, modality) DO UPDATE SET until = excluded.until, reason = excluded.reason,
                    granted_by = excluded.granted_by, granted_at = excluded.granted_at
                """, arguments: [e.candidate, e.component, e.modality, e.until, e.reason, actor.name, Timestamp.now()])
            // The reason (an illness, say) stays in its row: the trail holds no free text.
            var details = ["component": e.component.fileValue, "modality": e.modality.rawValue,
                           "until": e.until.stored]
            if let before { details["replaces"] = before.stored }
            try AuditLog.append(db, actor: actor, action: "deposit.extension", subject: e.candidate.rawValue,
                                details: details)
        }
    }
}

/// `deposit`, `deposit_file` and `deadline_extension` rows, by column name.
enum DepositRows {
    static func context(_ candidate: CandidateID, loadReferentiel: Bool, _ db: Database) throws -> DepositContext? {
        // Cached statements: the candidate's page reads this at every request.
        guard let enrolment = try EnrolmentRow.fetchOne(db.cachedStatement(sql: """
            SELECT certification, route, enrolled_on, cohort FROM enrolment WHERE candidate_id = ?
            """), arguments: [candidate])?.value else { return nil }
        let calendar = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM calendar_entry WHERE cohort = ?"),
                                        arguments: [enrolment.cohort]).map(CalendarRow.entry)
        let extensions = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM deadline_extension WHERE candidate = ?"),
                                          arguments: [candidate]).map(extensionValue)
        return DepositContext(enrolment: enrolment,
                              referentiel: loadReferentiel ? try ReferentielRows.load(enrolment.certification, db) : nil,
                              calendar: calendar, extensions: extensions)
    }

    static func deposits(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> [Deposit] {
        var deposits = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM deposit WHERE \(condition) ORDER BY candidate, component, modality, version
            """), arguments: arguments).map { row in
            Deposit(id: try row.decode(forColumn: "id"), candidate: try row.decode(forColumn: "candidate"),
                    component: try row.decode(forColumn: "component"), modality: try row.decode(forColumn: "modality"),
                    version: try row.decode(forColumn: "version"), at: try row.decode(forColumn: "deposited_at"),
                    deadline: try row.decode(forColumn: "deadline"), files: [], actor: try row.decode(forColumn: "actor"))
        }
        guard !deposits.isEmpty else { return [] }
        let index = Dictionary(uniqueKeysWithValues: deposits.enumerated().map { ($1.id, $0) })
        let ids = deposits.map(\.id.rawValue)
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT f.*, e.purge_id IS NOT NULL AS erased FROM deposit_file f
            LEFT JOIN erased_file e ON e.deposit = f.deposit AND e.position = f.position
            WHERE f.deposit IN (SELECT value FROM json_each(?)) ORDER BY f.deposit, f.position
            """), arguments: ["[" + ids.map(String.init).joined(separator: ",") + "]"]) {
            let id: DepositID = try row.decode(forColumn: "deposit")
            guard let at = index[id] else { continue }
            deposits[at].files.append(DepositedFile(name: try row.decode(forColumn: "name"), kind: try row.decode(forColumn: "kind"),
                                                    size: try row.decode(forColumn: "size"),
                                                    sha256: try row.decode(forColumn: "sha256"),
                                                    erased: try row.decode(forColumn: "erased")))
        }
        return deposits
    }

    static func extensionValue(_ row: Row) throws -> DeadlineExtension {
        DeadlineExtension(candidate: try row.decode(forColumn: "candidate"), component: try row.decode(forColumn: "component"),
                          modality: try row.decode(forColumn: "modality"), until: try row.decode(forColumn: "until"),
                          reason: try row.decode(forColumn: "reason"))
    }
}
