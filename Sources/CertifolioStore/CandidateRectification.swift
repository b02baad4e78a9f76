import CertifolioCore
import GRDB

/// A change of a recorded identity: the candidate row is updated and the change kept for good in
/// `candidate_rectification`, with the row before and after, who and why; the audit trail names
/// the candidate and the columns changed, never their values.
enum CandidateRectification {
    static func record(_ db: Database, from before: CandidateRow, to after: CandidateRow, actor: Actor,
                       reason: String) throws {
        let changed = try after.changedColumns(from: before)
        guard !changed.isEmpty else { return }
        try after.update(db)
        try db.execute(sql: """
            INSERT INTO candidate_rectification (candidate_id, rectified_at, actor, reason, before, after)
            VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [after.id, Timestamp.now(), actor.name, reason, before.json, after.json])
        try AuditLog.append(db, actor: actor, action: "candidate.rectify", subject: after.id.rawValue, details: [
            "rectification": String(db.lastInsertedRowID), "columns": changed.joined(separator: ","),
        ])
    }

    /// The identity as first recorded, before any rectification; nil when never rectified.
    static func original(of id: CandidateID, _ db: Database) throws -> CandidateRow? {
        try String.fetchOne(db, sql: """
            SELECT before FROM candidate_rectification WHERE candidate_id = ? ORDER BY id LIMIT 1
            """, arguments: [id]).map(CandidateRow.fromJSON)
    }
}
