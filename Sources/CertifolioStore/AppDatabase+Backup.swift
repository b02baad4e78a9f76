import CertifolioCore
import Foundation
import GRDB

extension AppDatabase {
    /// A consistent copy of the database at `path` while it is in use (SQLite's online backup,
    /// through GRDB), and beside it, in `path.files/`, every stored file the copy records. Kept
    /// files never change once stored (they are named by their SHA-256), so copying them after
    /// the snapshot gives exactly the files the snapshot names. Returns how many files.
    public func backup(to path: String) throws -> Int {
        let target = try DatabaseQueue(path: path)
        try writer.backup(to: target)
        let contents = try target.read { db in
            Set(try String.fetchAll(db, sql: PurgeSQL.keptContents))
        }
        try target.close()
        let copy = FileVault(root: URL(fileURLWithPath: path + ".files", isDirectory: true))
        for sha256 in contents.sorted() {
            let destination = URL(fileURLWithPath: copy.path(of: sha256))
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            do {
                try FileManager.default.copyItem(atPath: vault.path(of: sha256), toPath: destination.path)
            } catch {
                throw StoreError.fileNotKept(name: sha256, detail: "absent de la base sauvegardée : \(error.localizedDescription)")
            }
        }
        return contents.count
    }

    /// SQLite's own check of the file (`PRAGMA integrity_check`): empty when sound.
    public func integrityProblems() throws -> [String] {
        try writer.read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
        }
    }
}
