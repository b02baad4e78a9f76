import CertifolioCore
import Crypto
import Foundation
import GRDB

/// A document issued: its number, and the SHA-256 of the file written under it.
public struct IssuedDocument: Sendable, Equatable {
    public var number: String
    public var sha256: String
}

extension AppDatabase {
    /// The number the next document `prefix-N` takes (N from 1).
    public func nextDocumentNumber(prefix: String) throws -> String {
        try writer.read { db in try Self.nextNumber(prefix, db) }
    }

    /// Issues document `number` (as `nextDocumentNumber` gave it), written beforehand at `file`,
    /// in one transaction: its SHA-256 is recorded with the number and in the audit trail
    /// (`document.issue`), and `place` puts the file where it goes before the transaction ends.
    /// Nil when another document took the number since: the caller writes it again under the
    /// next one. The document is written outside the transaction, so a PV of a whole national
    /// session does not hold the other writers waiting while it is drawn.
    public func issueDocument(number: String, prefix: String, kind: String, subject: String, file: String,
                              actor: Actor, place: () throws -> Void) throws -> IssuedDocument? {
        try writer.write { db in
            guard try Self.nextNumber(prefix, db) == number else { return nil }
            let (sha, bytes) = try Self.digest(file)
            try db.execute(sql: """
                INSERT INTO issued_document (number, kind, subject, sha256, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [number, kind, subject, sha, Timestamp.now(), actor.name])
            try AuditLog.append(db, actor: actor, action: "document.issue", subject: subject,
                                details: ["number": number, "kind": kind, "sha256": sha, "bytes": String(bytes)])
            try place()
            return IssuedDocument(number: number, sha256: sha)
        }
    }

    private static func nextNumber(_ prefix: String, _ db: Database) throws -> String {
        let issued = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM issued_document WHERE number LIKE ? ESCAPE '\\'",
                                      arguments: [prefix.replacingOccurrences(of: "%", with: "\\%")
                                          .replacingOccurrences(of: "_", with: "\\_") + "-%"]) ?? 0
        return "\(prefix)-\(issued + 1)"
    }

    /// The SHA-256 of a file, read a chunk at a time, and its size.
    private static func digest(_ path: String) throws -> (sha256: String, bytes: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.fileNotKept(name: path, detail: "le document écrit est illisible")
        }
        defer { try? handle.close() }
        var hash = SHA256()
        var bytes = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hash.update(data: chunk)
            bytes += chunk.count
        }
        return (hash.finalize().map { String(format: "%02x", $0) }.joined(), bytes)
    }
}
