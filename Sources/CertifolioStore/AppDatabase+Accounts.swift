import CertifolioCore
import Foundation
import GRDB

extension AppDatabase {
    /// Creates a web account; `passwordHash` is the bcrypt hash (the store never sees a password).
    @discardableResult
    public func addUserAccount(_ new: AccountDraft, passwordHash: String, actor: Actor) throws -> UserAccount {
        try writer.write { db in try Self.insertAccount(new, passwordHash: passwordHash, passwordSet: true, actor: actor, db) }
    }

    /// Checks and inserts one account inside the caller's transaction; `passwordSet` false for an
    /// invited account whose owner has not chosen a password yet.
    static func insertAccount(_ new: AccountDraft, passwordHash: String, passwordSet: Bool, actor: Actor,
                              _ db: Database) throws -> UserAccount {
        let email = new.email.trimmingCharacters(in: .whitespacesAndNewlines)
        let name = new.displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard EmailAddress.isPlausible(email) else { throw AccountError.invalidEmail(email) }
        guard !name.isEmpty else { throw AccountError.emptyName }
        switch (new.role, new.candidateID) {
        case (.candidate, nil): throw AccountError.candidateRequired
        case (.candidate, _), (_, nil): break
        case (let role, _): throw AccountError.candidateNotAllowed(role)
        }
        if new.role != .evaluator, !new.cohorts.isEmpty { throw AccountError.cohortsOnlyForEvaluators(new.role) }
        do {
            if try Bool.fetchOne(db, sql: "SELECT COUNT(*) FROM user_account WHERE email = ?", arguments: [email]) ?? false {
                throw AccountError.emailTaken(email)
            }
            if let candidate = new.candidateID {
                guard try Bool.fetchOne(db, sql: "SELECT COUNT(*) FROM candidate WHERE id = ?",
                                        arguments: [candidate.rawValue]) ?? false else {
                    throw StoreError.unknownCandidate(candidate)
                }
                if try Bool.fetchOne(db, sql: "SELECT COUNT(*) FROM user_account WHERE candidate_id = ?",
                                     arguments: [candidate.rawValue]) ?? false {
                    throw AccountError.candidateHasAccount(candidate)
                }
            }
            let now = Timestamp.now()
            try db.execute(sql: """
                INSERT INTO user_account (email, display_name, role, candidate_id, password_hash, created_at, password_set_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [email, name, new.role.rawValue, new.candidateID?.rawValue, passwordHash, now,
                                 passwordSet ? now : nil])
            let id = db.lastInsertedRowID
            let cohorts = try Self.assign(new.cohorts, to: id, db)
            try AuditLog.append(db, actor: actor, action: "account.add", subject: AuditLog.account(id), details: [
                "role": new.role.rawValue, "candidate": new.candidateID?.rawValue ?? "",
                "cohorts": cohorts.joined(separator: ", "), "invited": passwordSet ? "non" : "oui",
            ])
            return UserAccount(id: id, email: email, displayName: name, role: new.role, candidateID: new.candidateID,
                               cohorts: cohorts)
        }
    }

    /// Replaces the cohorts an évaluateur is assigned to.
    public func assignCohorts(_ cohorts: [String], to accountID: Int64, actor: Actor) throws {
        try writer.write { db in
            guard let account = try AccountRows.account(db, id: accountID) else {
                throw AccountError.unknownAccount(accountID)
            }
            guard account.role == .evaluator else { throw AccountError.cohortsOnlyForEvaluators(account.role) }
            try db.execute(sql: "DELETE FROM evaluator_cohort WHERE user_id = ?", arguments: [accountID])
            let assigned = try Self.assign(cohorts, to: accountID, db)
            try AuditLog.append(db, actor: actor, action: "account.cohorts", subject: AuditLog.account(accountID),
                                details: ["cohorts": assigned.joined(separator: ", ")])
        }
    }

    /// The account with this e-mail (any case) and its password hash, for signing in.
    public func credentials(email: String) throws -> (account: UserAccount, passwordHash: String)? {
        try writer.read { db in
            let email = email.trimmingCharacters(in: .whitespacesAndNewlines)
            // A deactivated account, or one whose owner has not chosen a password, cannot sign in.
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, password_hash FROM user_account
                WHERE email = ? AND deactivated_at IS NULL AND password_set_at IS NOT NULL
                """, arguments: [email]),
                  let account = try AccountRows.account(db, id: try row.decode(forColumn: "id")) else { return nil }
            return (account, try row.decode(forColumn: "password_hash"))
        }
    }

    public func userAccount(id: Int64) throws -> UserAccount? {
        try writer.read { db in try AccountRows.account(db, id: id) }
    }

    /// The account of a session opened at `signedInAt` (a stored timestamp): nil when the account
    /// is deactivated or its password changed since — a new password signs out every session.
    public func userAccount(id: Int64, signedInAt: String) throws -> UserAccount? {
        try writer.read { db in try AccountRows.account(db, id: id, signedInAt: signedInAt) }
    }

    /// Every account, by role then e-mail (two queries, whatever the number of accounts).
    public func userAccounts() throws -> [UserAccount] {
        try writer.read { db in
            var cohorts: [Int64: [String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT user_id, cohort FROM evaluator_cohort ORDER BY cohort") {
                cohorts[try row.decode(forColumn: "user_id"), default: []].append(try row.decode(forColumn: "cohort"))
            }
            return try Row.fetchAll(db, sql: """
                SELECT id, email, display_name, role, candidate_id FROM user_account ORDER BY role, email
                """).map { row in try AccountRows.account(row, cohorts: cohorts[try row.decode(forColumn: "id")] ?? []) }
        }
    }

    /// The cohorts of enrolled candidates, by name.
    public func cohortNames() throws -> [String] {
        try writer.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT cohort FROM enrolment WHERE cohort <> '' ORDER BY cohort")
        }
    }

    /// A candidate's enrolment (certification, route, cohort), or nil for an unknown candidate:
    /// enough to decide who may see the record and which référentiel applies, without loading it.
    public func enrolment(of candidate: CandidateID) throws -> Enrolment? {
        try writer.read { db in
            try EnrolmentRow.fetchOne(db, sql: """
                SELECT certification, route, enrolled_on, cohort FROM enrolment WHERE candidate_id = ?
                """, arguments: [candidate])?.value
        }
    }

    /// Inserts the assignments (each cohort must have candidates); returns them sorted.
    private static func assign(_ cohorts: [String], to accountID: Int64, _ db: Database) throws -> [String] {
        let names = Set(cohorts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }).sorted()
        for name in names {
            guard try Bool.fetchOne(db, sql: "SELECT COUNT(*) FROM enrolment WHERE cohort = ?", arguments: [name]) ?? false
            else { throw AccountError.unknownCohort(name) }
            try db.execute(sql: "INSERT INTO evaluator_cohort (user_id, cohort) VALUES (?, ?)", arguments: [accountID, name])
        }
        return names
    }
}

/// An `enrolment` row, decoded by column name.
struct EnrolmentRow: FetchableRecord {
    var value: Enrolment

    init(row: Row) throws {
        value = Enrolment(certification: try row.decode(forColumn: "certification"),
                          route: try row.decode(forColumn: "route"),
                          enrolledOn: try row.decode(forColumn: "enrolled_on"),
                          cohort: try row.decode(forColumn: "cohort"))
    }
}

/// Reading accounts back.
enum AccountRows {
    /// Read at every signed-in request: the statements are prepared once per connection.
    /// `signedInAt`: the session's opening; an account whose password is newer has no identity
    /// for it (one query either way: this runs at every signed-in request).
    static func account(_ db: Database, id: Int64, signedInAt: String? = nil) throws -> UserAccount? {
        // A deactivated account has no identity: its open sessions end at their next request.
        let sql = "SELECT id, email, display_name, role, candidate_id FROM user_account WHERE id = ? AND deactivated_at IS NULL"
        let row = try signedInAt.map { opened in
            try Row.fetchOne(db.cachedStatement(sql: sql + " AND (password_set_at IS NULL OR password_set_at <= ?)"),
                             arguments: [id, opened])
        } ?? Row.fetchOne(db.cachedStatement(sql: sql), arguments: [id])
        guard let row else { return nil }
        let cohorts = try String.fetchAll(
            db.cachedStatement(sql: "SELECT cohort FROM evaluator_cohort WHERE user_id = ? ORDER BY cohort"),
            arguments: [id])
        return try account(row, cohorts: cohorts)
    }

    /// A `user_account` row, by column name, with the account's cohorts.
    static func account(_ row: Row, cohorts: [String]) throws -> UserAccount {
        UserAccount(id: try row.decode(forColumn: "id"), email: try row.decode(forColumn: "email"),
                    displayName: try row.decode(forColumn: "display_name"), role: try row.decode(forColumn: "role"),
                    candidateID: try row.decode(forColumn: "candidate_id"), cohorts: cohorts)
    }
}
