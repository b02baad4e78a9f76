import CertifolioCore
import GRDB
import Testing
@testable import CertifolioStore

/// The CPF declarations are listed most urgent first by SQLite (a million of them stream from
/// one sorted cursor), so its reckoning of the limit must be `CPFAward.limit`'s to the day.
struct CPFUrgencyTests {
    @Test func sqliteReckonsEveryLimitAsCPFAwardDoes() throws {
        let db = try DatabaseQueue()
        var day = Day(iso: "2023-01-01")!
        var checked = 0
        try db.read { db in
            let statement = try db.makeStatement(sql: "SELECT \(CPFAwardRows.limit(of: "x")) FROM (SELECT ? AS x)")
            while day <= Day(iso: "2029-12-31")! {
                let award = CPFAward(candidate: "C", name: "", certification: "RNCP41818", decision: 1, awardedOn: day,
                                     idTechnique: nil, status: .toSend)
                let limit = try String.fetchOne(statement, arguments: [day.iso])
                #expect(limit == award.limit.iso, "award of \(day.iso)")
                checked += 1
                day = day.adding(days: 1)
            }
        }
        #expect(checked == 2557)  // seven years, two of them leap: every month's end, 29 February
    }
}

/// A read that walks the whole database once (the statistics, the declarations' list) runs with
/// a small page cache, and leaves its connection with the usual one, even when it fails.
struct ScanningCacheTests {
    struct Stop: Error {}

    @Test func aScanShrinksTheCacheThenGivesItBack() throws {
        let t = try TemporaryDatabase()
        func cacheSize(_ db: Database) throws -> Int? { try Int.fetchOne(db, sql: "PRAGMA cache_size") }
        let sizes: [Int?] = try t.database.writer.read { db in
            let before = try cacheSize(db)
            let inside = try AppDatabase.scanning(db) { try cacheSize(db) }
            let after = try cacheSize(db)
            var failed = false
            do { try AppDatabase.scanning(db) { throw Stop() } } catch is Stop { failed = true }
            return [before, inside, after, failed ? try cacheSize(db) : nil]
        }
        #expect(sizes == [-65_536, -8_192, -65_536, -65_536])
    }
}
