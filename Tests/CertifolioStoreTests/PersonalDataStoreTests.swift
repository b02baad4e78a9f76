import CertifolioCore
import Foundation
import GRDB
import Testing
@testable import CertifolioStore

/// Issue 15 (RGPD): the candidate's export covers every table that names a candidate — a table
/// added later with a candidate column and forgotten in PersonalDataSQL fails here.
@Suite struct PersonalDataStoreTests {
    @Test func everyTableWithACandidateColumnIsExported() throws {
        let database = try AppDatabase.inMemory()
        let columns = try database.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.name AS table_name, p.name AS column_name FROM sqlite_master m, pragma_table_info(m.name) p
                WHERE m.type = 'table' AND (p.name LIKE '%candidate%') AND p.name <> 'candidates'
                """).map { ($0["table_name"] as String, $0["column_name"] as String) }
        }
        #expect(columns.count >= 15)
        let exported = Set(PersonalDataSQL.candidateColumns.map { "\($0.table).\($0.column)" })
        for (table, column) in columns {
            #expect(exported.contains("\(table).\(column)"), "\(table).\(column) names a candidate but is not exported")
        }
    }
}
