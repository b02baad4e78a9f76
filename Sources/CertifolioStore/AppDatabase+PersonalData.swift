import CertifolioCore
import Foundation
import GRDB

extension AppDatabase {
    /// Every row that names `candidate`, by table (`gdpr export`), each as its columns and values;
    /// an account's password hash and links' token hashes are left out. `PersonalDataTests`
    /// checks that every table with a candidate column is here.
    public func personalData(of candidate: CandidateID) throws -> [String: [[String: Any]]] {
        try writer.read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM candidate WHERE id = ?", arguments: [candidate]) == true else {
                throw StoreError.unknownCandidate(candidate)
            }
            var tables: [String: [[String: Any]]] = [:]
            for (table, query) in PersonalDataSQL.queries {
                let rows = try Row.fetchAll(db, sql: query, arguments: [candidate]).map { row in
                    Dictionary(uniqueKeysWithValues: row.columnNames.compactMap { name -> (String, Any)? in
                        guard !PersonalDataSQL.withheld.contains(name) else { return nil }
                        switch (row[name] as DatabaseValue).storage {
                        case .null: return (name, NSNull())
                        case .int64(let n): return (name, n)
                        case .double(let x): return (name, x)
                        case .string(let text): return (name, text)
                        case .blob(let bytes): return (name, bytes.base64EncodedString())
                        }
                    })
                }
                if !rows.isEmpty { tables[table] = rows }
            }
            return tables
        }
    }
}

/// The rows of a candidate, table by table: the tables with a candidate column, and those that
/// hang from them (a deposit's files, an evaluation's grid, an account's cohorts and links).
enum PersonalDataSQL {
    /// Columns never given out: secrets, not data about the person.
    static let withheld: Set<String> = ["password_hash", "token_sha256"]

    static let candidateColumns: [(table: String, column: String)] = [
        ("candidate", "id"), ("enrolment", "candidate_id"), ("evaluation_event", "candidate_id"),
        ("stage", "candidate_id"), ("experience", "candidate_id"), ("jury_convocation", "candidate_id"),
        ("jury_draft_decision", "candidate_id"), ("jury_decision", "candidate_id"), ("deposit", "candidate"),
        ("deadline_extension", "candidate"), ("candidate_rectification", "candidate_id"),
        ("parchemin", "candidate_id"), ("cpf_passage", "candidate_id"), ("insertion_survey", "candidate_id"),
        ("user_account", "candidate_id"), ("anonymised_candidate", "candidate_id"),
    ]

    static let queries: [(String, String)] = candidateColumns.map {
        ($0.table, "SELECT * FROM \($0.table) WHERE \($0.column) = ? ORDER BY rowid")
    } + [
        ("deposit_file", "SELECT * FROM deposit_file WHERE deposit IN (SELECT id FROM deposit WHERE candidate = ?)"),
        ("evaluation_grid", "SELECT * FROM evaluation_grid WHERE event_id IN (SELECT id FROM evaluation_event WHERE candidate_id = ?)"),
        ("cpf_passage_event", "SELECT * FROM cpf_passage_event WHERE id_technique IN (SELECT id_technique FROM cpf_passage WHERE candidate_id = ?)"),
        ("account_link", "SELECT * FROM account_link WHERE account_id IN (SELECT id FROM user_account WHERE candidate_id = ?)"),
    ]
}
