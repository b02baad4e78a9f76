import CertifolioCore
import GRDB

extension AppDatabase {
    /// Records a checked identity in place of the one recorded, with the row before and after
    /// and the reason, in one transaction. False when nothing differs (nothing is written).
    public func rectifyIdentity(_ candidate: Candidate, reason: String, actor: Actor) throws -> Bool {
        try writer.write { db in
            guard let stored = try CandidateRow.fetchOne(db, key: candidate.id.rawValue) else {
                throw StoreError.unknownCandidate(candidate.id)
            }
            let after = CandidateRow(candidate)
            guard try !after.changedColumns(from: stored).isEmpty else { return false }
            try CandidateRectification.record(db, from: stored, to: after, actor: actor, reason: reason)
            return true
        }
    }

    /// A candidate's rectifications, oldest first, each with the fields it changed.
    public func identityRectifications(_ id: CandidateID) throws -> [IdentityRectification] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT rectified_at, actor, reason, before, after FROM candidate_rectification
                WHERE candidate_id = ? ORDER BY id
                """, arguments: [id]).map { row in
                let before = try CandidateRow.fromJSON(row["before"])
                let after = try CandidateRow.fromJSON(row["after"])
                let old = try before.databaseDictionary
                let new = try after.databaseDictionary
                let changes = try after.changedColumns(from: before).compactMap { column in
                    EnrolmentField(rawValue: column).map {
                        IdentityRectification.Change(field: $0, before: String.fromDatabaseValue(old[column] ?? .null),
                                                     after: String.fromDatabaseValue(new[column] ?? .null))
                    }
                }
                return IdentityRectification(at: row["rectified_at"], actor: row["actor"], reason: row["reason"],
                                             changes: changes)
            }
        }
    }
}
