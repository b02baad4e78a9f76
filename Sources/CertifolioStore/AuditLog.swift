import CertifolioCore
import Crypto
import Foundation
import GRDB

/// The tamper-evident audit trail: every write appends an entry inside its own transaction.
///
/// Each entry's hash is the SHA-256 of its fields and of the previous entry's hash, so that
/// changing, removing or reordering an entry breaks the chain at that entry. `audit_head`
/// keeps the count and the last hash: removing the last entries breaks it too.
enum AuditLog {
    /// The "previous hash" of the first entry.
    static let genesis = String(repeating: "0", count: 64)

    /// An `audit_entry` row, read and written by column name.
    struct Entry: Codable, FetchableRecord, PersistableRecord {
        static let databaseTableName = "audit_entry"
        var id: Int64
        var at: String
        var actor: String
        var action: String
        var subject: String
        var details: String
        var previousHash: String
        var hash: String

        enum CodingKeys: String, CodingKey {
            case id, at, actor, action, subject, details, previousHash = "previous_hash", hash
        }

        var published: AuditEntry {
            AuditEntry(id: id, at: at, actor: actor, action: action, subject: subject, details: details)
        }
    }

    /// How an entry names an account: by id, never by address or name (the trail holds ids only;
    /// `gdpr purge` can then anonymise an account without touching the chain).
    static func account(_ id: Int64) -> String { "compte \(id)" }

    /// Appends one entry. `details` are written as JSON with sorted keys. They hold ids, codes,
    /// dates, counts and hashes — never a person's name, address, free text or file name.
    static func append(_ db: Database, actor: Actor, action: String, subject: String,
                       details: [String: String] = [:]) throws {
        let head = try Row.fetchOne(db, sql: "SELECT entries, last_hash FROM audit_head WHERE singleton = 1")
        let count: Int64 = head?["entries"] ?? 0
        let previous: String = head?["last_hash"] ?? genesis
        var entry = Entry(id: count + 1, at: Timestamp.now(), actor: actor.name, action: action, subject: subject,
                          details: json(details), previousHash: previous, hash: "")
        entry.hash = hash(entry)
        try entry.insert(db)
        try db.execute(sql: """
            INSERT INTO audit_head (singleton, entries, last_hash) VALUES (1, ?, ?)
            ON CONFLICT (singleton) DO UPDATE SET entries = excluded.entries, last_hash = excluded.last_hash
            """, arguments: [entry.id, entry.hash])
    }

    /// SHA-256 over length-prefixed fields: no two different entries hash the same text.
    static func hash(_ e: Entry) -> String {
        var text = ""
        for field in [String(e.id), e.at, e.actor, e.action, e.subject, e.details, e.previousHash] {
            text += "\(field.utf8.count):\(field)\n"
        }
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func json(_ details: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(details)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Walks the chain in id order and names the first entry that breaks it.
    static func verify(_ db: Database) throws -> AuditVerification {
        let entries = try Entry.order(Column("id")).fetchCursor(db)
        var expectedID: Int64 = 1
        var previous = genesis
        while let entry = try entries.next() {
            if entry.id != expectedID {
                return .broken(entry: expectedID, problem: .removed(next: entry.id))
            }
            if hash(entry) != entry.hash {
                return .broken(entry: entry.id, problem: .altered)
            }
            if entry.previousHash != previous {
                return .broken(entry: entry.id, problem: .unchained)
            }
            previous = entry.hash
            expectedID += 1
        }
        let count = expectedID - 1
        let head = try Row.fetchOne(db, sql: "SELECT entries, last_hash FROM audit_head WHERE singleton = 1")
        let headCount: Int64 = head?["entries"] ?? 0
        let headHash: String = head?["last_hash"] ?? genesis
        if headCount > count {
            return .broken(entry: count + 1, problem: .truncated(expected: headCount))
        }
        if headCount != count || headHash != previous {
            return .broken(entry: count, problem: .headMismatch)
        }
        return .intact(entries: Int(count))
    }
}

extension AppDatabase {
    /// Checks the whole audit chain.
    public func verifyAudit() throws -> AuditVerification {
        try writer.read { db in try AuditLog.verify(db) }
    }

    /// The audit entries in order (the latest `limit` when given).
    public func auditEntries(limit: Int? = nil) throws -> [AuditEntry] {
        try writer.read { db in
            guard let limit else { return try AuditLog.Entry.order(Column("id")).fetchAll(db).map(\.published) }
            return try AuditLog.Entry.order(Column("id").desc).limit(limit).fetchAll(db).reversed().map(\.published)
        }
    }
}
