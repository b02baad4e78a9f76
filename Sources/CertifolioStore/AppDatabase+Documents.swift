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
    /// Issues the next document numbered `prefix-N` (N from 1) in one transaction: `write`
    /// writes the file with that number in it; its SHA-256 is recorded with the number and in the
    /// audit trail (`document.issue`). If writing fails, no number is spent.
    public func issueDocument(kind: String, subject: String, prefix: String, actor: Actor,
                              write: (_ number: String) throws -> String) throws -> IssuedDocument {
        try writer.write { db in
            let issued = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM issued_document WHERE number LIKE ? ESCAPE '\\'",
                                          arguments: [prefix.replacingOccurrences(of: "%", with: "\\%")
                                              .replacingOccurrences(of: "_", with: "\\_") + "-%"]) ?? 0
            let number = "\(prefix)-\(issued + 1)"
            let path = try write(number)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw StoreError.fileNotKept(name: path, detail: "le document écrit est illisible")
            }
            let sha = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            try db.execute(sql: """
                INSERT INTO issued_document (number, kind, subject, sha256, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [number, kind, subject, sha, Timestamp.now(), actor.name])
            try AuditLog.append(db, actor: actor, action: "document.issue", subject: subject,
                                details: ["number": number, "kind": kind, "sha256": sha, "bytes": String(data.count)])
            return IssuedDocument(number: number, sha256: sha)
        }
    }
}
