import CertifolioCore
import GRDB
import GRDBSQLite

/// Inserts the evaluation events of an import, 64 rows per statement, binding each value
/// straight into SQLite.
///
/// Why: with one statement per row, or with `StatementArguments` built per chunk, the call and
/// value-boxing overhead cost several times what SQLite spends storing the rows (260 000 events:
/// 1.1 s against 0.23 s; see docs/performance.md). GRDB still runs every statement, so its
/// transaction bookkeeping is unchanged.
final class EventInserter {
    static let columns: Int32 = 10
    static let rowsPerStatement = 64

    private let db: Database
    private let full: Statement
    private let batchID: Int64
    private let recordedAt: String
    private var rowsBound = 0
    private var pending: [CohortBatch.EventEntry] = []

    init(_ db: Database, batchID: Int64, recordedAt: String) throws {
        self.db = db
        self.batchID = batchID
        self.recordedAt = recordedAt
        full = try Self.statement(db, rows: Self.rowsPerStatement)
        pending.reserveCapacity(Self.rowsPerStatement)
    }

    /// The columns that make two event lines "the same line" (a folder imported twice).
    static func identity(_ entry: CohortBatch.EventEntry) -> [DatabaseValue] {
        let e = entry.event
        return [entry.candidateID.rawValue.databaseValue, e.component.fileValue.databaseValue,
                e.modality.rawValue.databaseValue, e.date.iso.databaseValue, e.score?.description.databaseValue ?? .null,
                e.maxScore.description.databaseValue, e.result?.rawValue.databaseValue ?? .null,
                e.evaluator.databaseValue]
    }

    func add(_ entry: CohortBatch.EventEntry) throws {
        bind(entry, row: rowsBound, into: full)
        pending.append(entry)
        rowsBound += 1
        if rowsBound == Self.rowsPerStatement {
            try run(full)
            rowsBound = 0
            pending.removeAll(keepingCapacity: true)
        }
    }

    /// Writes the rows of the last, partial chunk.
    func finish() throws {
        guard rowsBound > 0 else { return }
        sqlite3_clear_bindings(full.sqliteStatement)
        let tail = try Self.statement(db, rows: rowsBound)
        for (row, entry) in pending.enumerated() { bind(entry, row: row, into: tail) }
        try run(tail)
        rowsBound = 0
        pending.removeAll()
    }

    private static func statement(_ db: Database, rows: Int) throws -> Statement {
        let row = "(" + Array(repeating: "?", count: Int(columns)).joined(separator: ", ") + ")"
        let statement = try db.cachedStatement(sql: """
            INSERT INTO evaluation_event (candidate_id, component, modality, date, score, max_score, result,
                evaluator, batch_id, recorded_at) VALUES
            """ + Array(repeating: row, count: rows).joined(separator: ", "))
        // Tells GRDB the bindings are ours: `execute()` then runs them as they are.
        statement.setUncheckedArguments(StatementArguments())
        return statement
    }

    private func run(_ statement: Statement) throws {
        try statement.execute()
        // Binding again is only allowed on a reset statement.
        sqlite3_reset(statement.sqliteStatement)
    }

    private func bind(_ entry: CohortBatch.EventEntry, row: Int, into statement: Statement) {
        let s = statement.sqliteStatement
        let base = Int32(row) * Self.columns
        let e = entry.event
        Self.bind(entry.candidateID.rawValue, s, base + 1)
        Self.bind(e.component.fileValue, s, base + 2)
        Self.bind(e.modality.rawValue, s, base + 3)
        Self.bind(e.date.iso, s, base + 4)
        if let score = e.score { Self.bind(score.description, s, base + 5) } else { sqlite3_bind_null(s, base + 5) }
        Self.bind(e.maxScore.description, s, base + 6)
        if let result = e.result { Self.bind(result.rawValue, s, base + 7) } else { sqlite3_bind_null(s, base + 7) }
        Self.bind(e.evaluator, s, base + 8)
        sqlite3_bind_int64(s, base + 9, batchID)
        Self.bind(recordedAt, s, base + 10)
    }

    /// SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func bind(_ text: String, _ statement: OpaquePointer?, _ index: Int32) {
        var text = text
        text.withUTF8 { bytes in
            if let base = bytes.baseAddress {
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    _ = sqlite3_bind_text(statement, index, $0, Int32(bytes.count), transient)
                }
            } else {
                // An empty text is "", never NULL.
                _ = sqlite3_bind_text(statement, index, "", 0, transient)
            }
        }
    }
}
