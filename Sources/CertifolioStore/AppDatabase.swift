import CertifolioCore
import Foundation
import GRDB

/// The one door to Certifolio's SQLite database: use-case methods, each in one transaction.
///
/// Migrations are the numbered SQL files of `Schema/`, applied in order and recorded by GRDB's
/// migrator. Foreign keys are on; file databases use WAL.
public final class AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// The deposited files, beside the database.
    public let vault: FileVault

    init(_ writer: any DatabaseWriter, files: URL) throws {
        self.writer = writer
        self.vault = FileVault(root: files)
        try Self.migrator().migrate(writer)
    }

    /// Creates the database at `path` if there is none, and brings its schema up to date
    /// (`certifolio init`, the demo, the benchmark: the only ways a database comes to be).
    public static func create(path: String) throws -> AppDatabase {
        do {
            return try AppDatabase(DatabasePool(path: path, configuration: configuration()),
                                   files: URL(fileURLWithPath: path + ".files", isDirectory: true))
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, detail: error.message ?? "\(error)")
        }
    }

    /// Opens the existing database at `path` and brings its schema up to date; refuses a path
    /// where there is none (a mistyped `--db` must not leave an empty database behind).
    public static func open(path: String) throws -> AppDatabase {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missingDatabase(path: path) }
        return try create(path: path)
    }

    /// A private in-memory database (tests, demo); its files go to a fresh temporary folder.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration()),
                        files: FileManager.default.temporaryDirectory
                            .appendingPathComponent("certifolio-files-\(UUID().uuidString)", isDirectory: true))
    }

    /// How long a write waits for another process's write before giving up, in seconds.
    public static let busyTimeout: TimeInterval = 60

    private static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        // Another process writing (two imports at once, the server and a command): wait for it
        // rather than fail with "database is locked"; a write transaction is taken immediately
        // (GRDB's DatabasePool), so waiting is enough — SQLite never asks to retry it.
        config.busyMode = .timeout(AppDatabase.busyTimeout)
        config.prepareDatabase { db in
            // WAL makes a commit one sequential write; NORMAL is durable in WAL mode.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
            // 64 MiB of page cache: large imports and full scans stay in memory.
            try db.execute(sql: "PRAGMA cache_size = -\(cacheKiB)")
        }
        return config
    }

    private static let cacheKiB = 65_536

    /// Runs `body`, a read that walks the whole database once (the statistics, the list of the
    /// CPF declarations), with 8 MiB of page cache instead of 64, then the usual cache again.
    /// Such a read would fill the cache to its 64 MiB without reading a page twice, and SQLite
    /// sorts in memory up to the cache's size before it spills to temporary files: a million
    /// holders then cost 55 to 120 MiB more than 20 000 (docs/performance.md).
    static func scanning<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA cache_size = -8192")
        defer { try? db.execute(sql: "PRAGMA cache_size = -\(cacheKiB)") }
        return try body()
    }

    /// The migration files, read once per process (every open and `appliedMigrations` use them).
    private static let schema = Result { try SchemaFiles.all() }

    /// The migrations: every `NNN_name.sql` of Schema/, in numeric order.
    static func migrator() throws -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in try schema.get() {
            migrator.registerMigration(migration.name) { db in
                try db.execute(sql: migration.sql)
            }
        }
        return migrator
    }

    /// The names of the migrations applied to this database, in order.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try Self.migrator().appliedMigrations(db) }
    }
}

/// The SQL migration files shipped with the store.
enum SchemaFiles {
    struct Migration: Sendable {
        let name: String
        let sql: String
    }

    static func all() throws -> [Migration] {
        guard let folder = Bundle.module.url(forResource: "Schema", withExtension: nil) else {
            throw StoreError.missingSchema
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".sql") }
            .sorted()
        return try names.map { name in
            Migration(name: String(name.dropLast(4)),
                      sql: try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
        }
    }
}
