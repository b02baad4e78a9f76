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
