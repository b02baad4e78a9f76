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

    /// A fiche's holders on `asOf` (its titles awarded and in force, as the CPF declares them),
    /// a page of `pageSize` at a time by candidate, each with their route and their survey
    /// answers in recording order, from one snapshot: the statistics count a million holders in
    /// the memory of a page.
    public func forEachHolder(of certification: CertificationCode, asOf: Day, pageSize: Int = 1000,
                              _ body: (Holder) throws -> Void) throws {
        try writer.read { db in
            try Self.scanning(db) {
                var after = CPFAwardRows.Start()
                while true {
                    // The CPF's reading of the awards in force, walked by candidate as its export does.
                    let page = CPFAwardRows.page(of: certification, from: after, limit: pageSize)
                    let awards = try Row.fetchAll(db, sql: CPFAwardRows.select + page.sql, arguments: [asOf] + page.arguments)
                    guard let last = awards.last else { return }
                    let ids = awards.map { $0["candidate_id"] as String }
                    let answers = Dictionary(grouping: try Row.fetchAll(db, sql: """
                        SELECT * FROM insertion_survey WHERE candidate_id IN (SELECT value FROM json_each(?)) ORDER BY id
                        """, arguments: [JSONList.of(ids)]).map(Self.survey), by: \.candidate)
                    for award in awards {
                        let candidate: CandidateID = try award.decode(forColumn: "candidate_id")
                        try body(Holder(candidate: candidate, awardedOn: try award.decode(forColumn: "date"),
                                        route: try award.decode(forColumn: "route"), surveys: answers[candidate] ?? []))
                    }
                    after = CPFAwardRows.Start(candidate: last["candidate_id"], decision: last["decision_id"])
                }
            }
        }
    }

    /// A holder of a title as the statistics count them.
    public struct Holder: Sendable {
        public var candidate: CandidateID
        public var awardedOn: Day
        public var route: AccessRouteID
        /// Their answers to the insertion surveys, in recording order.
        public var surveys: [InsertionSurvey]
    }

    private static func survey(_ row: Row) throws -> InsertionSurvey {
        InsertionSurvey(candidate: try row.decode(forColumn: "candidate_id"), date: try row.decode(forColumn: "surveyed_on"),
                        horizon: SurveyHorizon(rawValue: row["horizon"])!,
                        situation: EmploymentSituation(rawValue: row["situation"])!,
                        targetJob: row["target_job"],
                        contract: (row["contract"] as String?).flatMap(EmploymentContract.init(rawValue:)))
    }

    /// The ids of every candidate recorded.
    public func candidateIDs() throws -> Set<CandidateID> {
        try writer.read { db in Set(try CandidateID.fetchAll(db, sql: "SELECT id FROM candidate")) }
    }
}
