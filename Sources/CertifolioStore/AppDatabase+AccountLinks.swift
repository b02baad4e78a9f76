import CertifolioCore
import Crypto
import Foundation
import GRDB

/// One-time links (invitations and resets), deactivation and password changes: each one
/// transaction with its audit entry. Tokens are never stored, only their SHA-256.
extension AppDatabase {
    /// Opens the accounts, all or nothing, each with an invitation link; `placeholderHash` is a
    /// bcrypt hash no one knows the password of (the account cannot sign in before its owner
    /// chooses one).
    ///
    /// A draft the account rules refuse (an e-mail another account has, an implausible one) is
    /// returned with its reason and the others are opened: one refusal per person, no cascade.
    public func inviteAccounts(_ drafts: [AccountDraft], tokens: [String], placeholderHash: String, expires: ParisTime,
                               actor: Actor) throws -> (opened: [UserAccount], refused: [(AccountDraft, AccountError)]) {
        precondition(drafts.count == tokens.count)
        return try writer.write { db in
            var opened: [UserAccount] = []
            var refused: [(AccountDraft, AccountError)] = []
            for (draft, token) in zip(drafts, tokens) {
                do {
                    // insertAccount checks everything before it writes: a refusal leaves nothing behind.
                    let account = try Self.insertAccount(draft, passwordHash: placeholderHash, passwordSet: false,
                                                         actor: actor, db)
                    try Self.insertLink(token, for: account, purpose: .invitation, expires: expires, actor: actor, db)
                    opened.append(account)
                } catch let error as AccountError {
                    refused.append((draft, error))
                }
            }
            return (opened, refused)
        }
    }

    /// A new link for an account (voiding its earlier ones): a reset, or a new invitation for an
    /// account whose owner never chose a password.
    public func newAccountLink(_ accountID: Int64, token: String, expires: ParisTime, actor: Actor) throws
        -> (UserAccount, AccountLink.Purpose) {
        try writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT deactivated_at, password_set_at FROM user_account WHERE id = ?",
                                             arguments: [accountID]) else { throw AccountError.unknownAccount(accountID) }
            guard (row["deactivated_at"] as String?) == nil, let account = try AccountRows.account(db, id: accountID) else {
                throw AccountLinkError.deactivated
            }
            let purpose: AccountLink.Purpose = (row["password_set_at"] as String?) == nil ? .invitation : .reset
            try Self.insertLink(token, for: account, purpose: purpose, expires: expires, actor: actor, db)
            return (account, purpose)
        }
    }

    /// Follows a link: sets the password (already hashed), marks the link used. Refused when the
    /// link is unknown, used, voided or expired, or the account deactivated.
    public func useAccountLink(token: String, passwordHash: String, now: ParisTime) throws -> UserAccount {
        try writer.write { db in
            guard let link = try Row.fetchOne(db, sql: """
                SELECT account_id, purpose, expires_at FROM account_link
                WHERE token_sha256 = ? AND used_at IS NULL AND voided_at IS NULL
                """, arguments: [Self.sha256(token)]) else { throw AccountLinkError.unknownOrUsed }
            let expires: ParisTime = try link.decode(forColumn: "expires_at")
            guard now < expires else { throw AccountLinkError.expired }
            let id: Int64 = try link.decode(forColumn: "account_id")
            guard let account = try AccountRows.account(db, id: id) else { throw AccountLinkError.deactivated }
            let stamp = Timestamp.now()
            try db.execute(sql: "UPDATE user_account SET password_hash = ?, password_set_at = ? WHERE id = ?",
                           arguments: [passwordHash, stamp, id])
            try db.execute(sql: "UPDATE account_link SET used_at = ? WHERE token_sha256 = ?",
                           arguments: [stamp, Self.sha256(token)])
            try AuditLog.append(db, actor: account.actor, action: "account.password", subject: AuditLog.account(account.id),
                                details: ["by": link["purpose"] as String])
            return account
        }
    }

    /// Replaces the password of its owner's account (the caller checked the current one).
    public func changePassword(_ accountID: Int64, passwordHash: String, actor: Actor) throws {
        try writer.write { db in
            guard let account = try AccountRows.account(db, id: accountID) else { throw AccountLinkError.deactivated }
            try db.execute(sql: "UPDATE user_account SET password_hash = ?, password_set_at = ? WHERE id = ?",
                           arguments: [passwordHash, Timestamp.now(), accountID])
            try Self.voidLinks(of: accountID, db)
            try AuditLog.append(db, actor: actor, action: "account.password", subject: AuditLog.account(account.id),
                                details: ["by": "owner"])
        }
    }

    /// The current password hash of an active account (to check the owner's current password).
    public func passwordHash(of accountID: Int64) throws -> String? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT password_hash FROM user_account WHERE id = ? AND deactivated_at IS NULL",
                                arguments: [accountID])
        }
    }

    /// Deactivates an account: it no longer signs in, its links are void; nothing is deleted.
    public func deactivateAccount(_ accountID: Int64, actor: Actor) throws {
        try writer.write { db in
            guard let account = try AccountRows.account(db, id: accountID) else { throw AccountError.unknownAccount(accountID) }
            try db.execute(sql: "UPDATE user_account SET deactivated_at = ? WHERE id = ?",
                           arguments: [Timestamp.now(), accountID])
            try Self.voidLinks(of: accountID, db)
            try AuditLog.append(db, actor: actor, action: "account.deactivate", subject: AuditLog.account(account.id), details: [:])
        }
    }

    /// Where each account stands, by id; deactivated accounts included.
    public func accountStates(now: ParisTime) throws -> [Int64: AccountState] {
        try writer.read { db in
            var links: [Int64: ParisTime] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT account_id, MAX(expires_at) AS until FROM account_link
                WHERE used_at IS NULL AND voided_at IS NULL GROUP BY account_id
                """) {
                let until: ParisTime = try row.decode(forColumn: "until")
                if now < until { links[try row.decode(forColumn: "account_id")] = until }
            }
            var states: [Int64: AccountState] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, deactivated_at, password_set_at FROM user_account") {
                let id: Int64 = try row.decode(forColumn: "id")
                if let off: String = row["deactivated_at"] {
                    states[id] = .deactivated(on: off)
                } else if (row["password_set_at"] as String?) == nil {
                    states[id] = .invited(until: links[id])
                } else {
                    states[id] = .active
                }
            }
            return states
        }
    }

    /// The candidates of a cohort who have no account yet, with what an account needs.
    public func candidatesWithoutAccount(cohort: String) throws -> [Candidate] {
        try writer.read { db in
            try CandidateRow.fetchAll(db, sql: """
                SELECT c.* FROM candidate c
                JOIN enrolment e ON e.candidate_id = c.id
                WHERE e.cohort = ? AND NOT EXISTS (SELECT 1 FROM user_account a WHERE a.candidate_id = c.id)
                ORDER BY c.id
                """, arguments: [cohort]).map(\.candidate)
        }
    }

    /// How many candidates a cohort has.
    public func cohortCandidateCount(_ cohort: String) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM enrolment WHERE cohort = ?", arguments: [cohort]) ?? 0
        }
    }

    /// A cohort's candidate accounts whose owner has not chosen a password yet.
    public func pendingInvitations(cohort: String) throws -> [Int64] {
        try writer.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT a.id FROM user_account a JOIN enrolment e ON e.candidate_id = a.candidate_id
                WHERE e.cohort = ? AND a.password_set_at IS NULL AND a.deactivated_at IS NULL ORDER BY a.candidate_id
                """, arguments: [cohort])
        }
    }

    private static func insertLink(_ token: String, for account: UserAccount, purpose: AccountLink.Purpose,
                                   expires: ParisTime, actor: Actor, _ db: Database) throws {
        try voidLinks(of: account.id, db)
        try db.execute(sql: """
            INSERT INTO account_link (token_sha256, account_id, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
            """, arguments: [sha256(token), account.id, purpose.rawValue, Timestamp.now(), expires])
        try AuditLog.append(db, actor: actor, action: "account.link", subject: AuditLog.account(account.id),
                            details: ["purpose": purpose.rawValue, "expires": expires.stored])
    }

    private static func voidLinks(of accountID: Int64, _ db: Database) throws {
        try db.execute(sql: "UPDATE account_link SET voided_at = ? WHERE account_id = ? AND used_at IS NULL AND voided_at IS NULL",
                       arguments: [Timestamp.now(), accountID])
    }

    static func sha256(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
