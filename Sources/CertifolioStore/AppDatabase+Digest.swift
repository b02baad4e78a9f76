import Crypto
import Foundation
import GRDB

extension AppDatabase {
    /// A SHA-256 of everything the database records: every table's name and every row's values in
    /// rowid order (GRDB's migration bookkeeping included). Two databases with the same records
    /// have the same digest, whatever their pages look like; one row more, less or changed gives
    /// another. What "nothing changed" means in the refusal and load tests, and in the restore drill.
    public func contentDigest() throws -> String {
        try writer.read { db in
            var hash = SHA256()
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                """)
            for table in tables {
                hash.update(data: Data("table \(table)\n".utf8))
                let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY rowid")
                while let row = try rows.next() {
                    for value in row.databaseValues {
                        // The storage class first: 1 and '1' differ, and a NULL is not an empty text.
                        switch value.storage {
                        case .null: hash.update(data: Data("n;".utf8))
                        case .int64(let n): hash.update(data: Data("i\(n);".utf8))
                        case .double(let x): hash.update(data: Data("d\(x.bitPattern);".utf8))
                        case .string(let s): hash.update(data: Data("s\(s.utf8.count):\(s);".utf8))
                        case .blob(let b): hash.update(data: Data("b\(b.count):".utf8)); hash.update(data: b)
                        }
                    }
                    hash.update(data: Data("\n".utf8))
                }
            }
            return hash.finalize().map { String(format: "%02x", $0) }.joined()
        }
    }
}
