import CertifolioCore
import GRDB

/// What a cohort's candidates see of their evaluations: an épreuve's results reach them once
/// the gestionnaire publishes them (every evaluation recorded up to then); an evaluation
/// imported with a cohort folder is the certifier's record already, published.
public struct PublicationState: Sendable, Equatable {
    public var cohort: String
    public var component: Component
    public var modality: ModalityID
    /// Evaluations of the cohort's candidates recorded on the web since the last publication.
    public var unpublished: Int
    public var published: Int
    public var lastPublishedAt: String?
}

/// See `AppDatabase.candidateSnapshot`.
public struct CandidateSnapshot: Sendable {
    public var record: CandidateRecord
    public var history: [EvaluationEntry]
    public var published: Set<Int64>
    public var deposit: DepositContext
    public var deposits: [Deposit]
    public var convocations: [(date: Day, place: String)]
}

extension AppDatabase {
    /// Publishes to a cohort's candidates every evaluation of an épreuve recorded so far;
    /// audited with the number of evaluations it makes visible. Returns that number.
    @discardableResult
    public func publish(cohort: String, component: Component, modality: ModalityID, actor: Actor) throws -> Int {
        try writer.write { db in
            let newly = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM evaluation_event e JOIN enrolment n ON n.candidate_id = e.candidate_id
                WHERE n.cohort = ? AND e.component = ? AND e.modality = ? AND e.batch_id IS NULL
                  AND e.id > coalesce((SELECT up_to_event FROM publication WHERE cohort = ? AND component = ? AND modality = ?), 0)
                """, arguments: [cohort, component, modality, cohort, component, modality]) ?? 0
            let last = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM evaluation_event") ?? 0
            try db.execute(sql: """
                INSERT INTO publication (cohort, component, modality, up_to_event, published_at, published_by)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (cohort, component, modality) DO UPDATE SET up_to_event = excluded.up_to_event,
                    published_at = excluded.published_at, published_by = excluded.published_by
                """, arguments: [cohort, component, modality, last, Timestamp.now(), actor.name])
            try AuditLog.append(db, actor: actor, action: "results.publish", subject: cohort, details: [
                "component": component.fileValue, "modality": modality.rawValue, "up_to_event": String(last),
                "evaluations": String(newly),
            ])
            return newly
        }
    }

    /// Everything the candidate's own page shows, in one snapshot: the record and its history,
    /// which evaluations are published, what deposits are checked against, the deposits, and the
    /// open sessions they are convoked to (the référentiel comes from the caller's cache).
    public func candidateSnapshot(_ id: CandidateID) throws -> CandidateSnapshot? {
        try writer.read { db in
            guard var record = try RecordLoader.load(db, .candidate(id), events: false).first else { return nil }
            let history = try RecordLoader.history(id, db)
            record.events = history.sorted { $0.id < $1.id }.map(\.event)
            guard let context = try DepositRows.context(id, loadReferentiel: false, db) else { return nil }
            return CandidateSnapshot(record: record, history: history, published: try Self.publishedEvents(id, db),
                                     deposit: context, deposits: try DepositRows.deposits(db, where: "candidate = ?", [id]),
                                     convocations: try JuryRows.openConvocations(id, db))
        }
    }

    /// A record, its history and which of its evaluations are published, in one snapshot.
    public func recordWithPublishedEvents(_ id: CandidateID) throws
        -> (record: CandidateRecord, history: [EvaluationEntry], published: Set<Int64>)? {
        try writer.read { db in
            guard var record = try RecordLoader.load(db, .candidate(id), events: false).first else { return nil }
            let history = try RecordLoader.history(id, db)
            record.events = history.sorted { $0.id < $1.id }.map(\.event)
            return (record, history, try Self.publishedEvents(id, db))
        }
    }

    /// The evaluations of a candidate their own page may show (imported, or published).
    static func publishedEvents(_ candidate: CandidateID, _ db: Database) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT e.id FROM evaluation_event e JOIN enrolment n ON n.candidate_id = e.candidate_id
                LEFT JOIN publication p ON p.cohort = n.cohort AND p.component = e.component AND p.modality = e.modality
                WHERE e.candidate_id = ? AND (e.batch_id IS NOT NULL OR e.id <= coalesce(p.up_to_event, 0))
                """), arguments: [candidate]))
    }

    /// For each cohort and épreuve with evaluations recorded on the web: how many are published,
    /// how many wait.
    public func publicationStates() throws -> [PublicationState] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT n.cohort, e.component, e.modality,
                       sum(e.id > coalesce(p.up_to_event, 0)) AS unpublished,
                       sum(e.id <= coalesce(p.up_to_event, 0)) AS published, p.published_at
                FROM evaluation_event e JOIN enrolment n ON n.candidate_id = e.candidate_id
                LEFT JOIN publication p ON p.cohort = n.cohort AND p.component = e.component AND p.modality = e.modality
                WHERE e.batch_id IS NULL
                GROUP BY n.cohort, e.component, e.modality ORDER BY n.cohort, e.component, e.modality
                """).map { row in
                PublicationState(cohort: try row.decode(forColumn: "cohort"), component: try row.decode(forColumn: "component"),
                                 modality: try row.decode(forColumn: "modality"),
                                 unpublished: try row.decode(forColumn: "unpublished"),
                                 published: try row.decode(forColumn: "published"),
                                 lastPublishedAt: try row.decode(forColumn: "published_at"))
            }
        }
    }
}
