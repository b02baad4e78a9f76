import CertifolioCore
import GRDB

extension AppDatabase {
    /// Records answers to insertion surveys (append-only; the latest answer of a holder and horizon
    /// counts), in one transaction with one audit entry that names how many, never who said what.
    public func recordSurveys(_ surveys: [InsertionSurvey], source: String, actor: Actor) throws {
        try writer.write { db in
            let now = Timestamp.now()
            for s in surveys {
                guard try Bool.fetchOne(db, sql: "SELECT COUNT(*) FROM candidate WHERE id = ?", arguments: [s.candidate]) ?? false
                else { throw StoreError.unknownCandidate(s.candidate) }
                try db.execute(sql: """
                    INSERT INTO insertion_survey (candidate_id, surveyed_on, horizon, situation, target_job, contract,
                                                  recorded_at, batch)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [s.candidate, s.date, s.horizon.rawValue, s.situation.rawValue, s.targetJob,
                                     s.contract?.rawValue, now, source])
            }
            try AuditLog.append(db, actor: actor, action: "survey.import", subject: source,
                                details: ["answers": String(surveys.count)])
        }
    }

    /// Every answer recorded, in recording order.
    public func insertionSurveys() throws -> [InsertionSurvey] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM insertion_survey ORDER BY id").map { row in
                InsertionSurvey(candidate: try row.decode(forColumn: "candidate_id"), date: try row.decode(forColumn: "surveyed_on"),
                                horizon: SurveyHorizon(rawValue: row["horizon"])!,
                                situation: EmploymentSituation(rawValue: row["situation"])!,
                                targetJob: row["target_job"],
                                contract: (row["contract"] as String?).flatMap(EmploymentContract.init(rawValue:)))
            }
        }
    }

    /// The ids of every candidate recorded.
    public func candidateIDs() throws -> Set<CandidateID> {
        try writer.read { db in Set(try CandidateID.fetchAll(db, sql: "SELECT id FROM candidate")) }
    }
}
