import Foundation
import CertifolioCore
import GRDB

extension AppDatabase {
    /// One candidate's whole record, or nil when the id is unknown.
    public func candidateRecord(_ id: CandidateID) throws -> CandidateRecord? {
        try writer.read { db in
            try RecordLoader.load(db, .candidate(id)).first
        }
    }

    /// Every candidate's record, sorted by candidate id.
    public func allCandidateRecords() throws -> [CandidateRecord] {
        try writer.read { db in try RecordLoader.load(db, .all) }
    }

    /// Every candidate with their enrolment, without their evaluations: a list to search.
    public func enrolledCandidates() throws -> [(candidate: Candidate, enrolment: Enrolment)] {
        try writer.read { db in try RecordLoader.people(db, .all) }
    }

    /// The records of one cohort, sorted by candidate id.
    public func candidateRecords(cohort: String) throws -> [CandidateRecord] {
        try writer.read { db in try RecordLoader.load(db, .cohort(cohort)) }
    }

    /// Records one evaluation entered by hand (the web form); returns its number. (The event
    /// is checked against the certification by the caller, `Certifolio.recordEvaluation`.)
    @discardableResult
    public func recordEvent(_ event: EvaluationEvent, of candidate: CandidateID, comment: String?,
                            actor: Actor) throws -> Int64 {
        try writer.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT COUNT(*) FROM enrolment WHERE candidate_id = ?",
                                    arguments: [candidate.rawValue]) ?? false else {
                throw StoreError.unknownCandidate(candidate)
            }
            let id = try Self.insert(event, of: candidate, comment: comment, correcting: nil, db)
            try AuditLog.append(db, actor: actor, action: "event.record", subject: candidate.rawValue, details: [
                "event": String(id), "component": event.component.fileValue, "modality": event.modality.rawValue,
                "date": event.date.iso, "evaluator": event.evaluator,
            ])
            return id
        }
    }

    /// Records an evaluation of `candidate` that corrects their earlier one; the earlier one
    /// then no longer counts. Nothing is updated in place. (The event is checked against the
    /// certification by the caller, `Certifolio.correctEvaluation`.)
    @discardableResult
    public func correctEvent(_ correctedID: Int64, of candidate: CandidateID, with event: EvaluationEvent,
                             reason: String, comment: String? = nil, actor: Actor) throws -> Int64 {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw StoreError.emptyReason }
        return try writer.write { db in
            // Another candidate's evaluation is as unknown as a missing one.
            guard try Bool.fetchOne(db, sql: "SELECT COUNT(*) FROM evaluation_event WHERE id = ? AND candidate_id = ?",
                                    arguments: [correctedID, candidate.rawValue]) ?? false else {
                throw StoreError.unknownEvent(correctedID)
            }
            if try Bool.fetchOne(db, sql: "SELECT COUNT(*) FROM evaluation_event WHERE corrects_event_id = ?",
                                 arguments: [correctedID]) ?? false {
                throw StoreError.eventAlreadyCorrected(correctedID)
            }
            let id = try Self.insert(event, of: candidate, comment: comment, correcting: (correctedID, reason), db)
            try AuditLog.append(db, actor: actor, action: "event.correct", subject: candidate.rawValue, details: [
                "event": String(id), "corrects": String(correctedID), "reason": reason,
                "component": event.component.fileValue, "modality": event.modality.rawValue, "date": event.date.iso,
            ])
            return id
        }
    }

    /// A candidate's evaluations as recorded, oldest first, with who corrected what.
    public func evaluationHistory(_ candidate: CandidateID) throws -> [EvaluationEntry] {
        try writer.read { db in try Self.history(candidate, db) }
    }

    /// A candidate's record and evaluation history, read together (one snapshot): what a
    /// record page shows.
    public func recordWithHistory(_ id: CandidateID) throws -> (record: CandidateRecord, history: [EvaluationEntry])? {
        try writer.read { db in
            // The history holds every event: the record takes its events from it, not from a
            // second read of the same rows.
            guard var record = try RecordLoader.load(db, .candidate(id), events: false).first else { return nil }
            let history = try Self.history(id, db)
            record.events = history.sorted { $0.id < $1.id }.map(\.event)
            return (record, history)
        }
    }

    private static func history(_ candidate: CandidateID, _ db: Database) throws -> [EvaluationEntry] {
        // A page reads this at every request: columns by position (lookups by name cost), rows
        // decoded as the cursor goes (not copied first).
        try Array(Row.fetchCursor(db.cachedStatement(sql: """
            SELECT e.id, e.component, e.modality, e.date, e.score, e.max_score, e.result, e.evaluator,
                   e.corrects_event_id, e.comment, e.correction_reason, c.id AS corrected_by
            FROM evaluation_event e LEFT JOIN evaluation_event c ON c.corrects_event_id = e.id
            WHERE e.candidate_id = ? ORDER BY e.date, e.id
            """), arguments: [candidate.rawValue]).map { row in
            EvaluationEntry(event: try RecordLoader.event(row, from: 0),
                            comment: row[9], correctionReason: row[10], correctedBy: row[11])
        })
    }

    private static func insert(_ event: EvaluationEvent, of candidate: CandidateID, comment: String?,
                               correcting: (id: Int64, reason: String)?, _ db: Database) throws -> Int64 {
        let comment = comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        try db.execute(sql: """
            INSERT INTO evaluation_event (candidate_id, component, modality, date, score, max_score, result,
                evaluator, corrects_event_id, correction_reason, comment, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [candidate.rawValue, event.component.fileValue, event.modality.rawValue, event.date.iso,
                             event.score?.description, event.maxScore.description, event.result?.rawValue,
                             event.evaluator, correcting?.id, correcting?.reason,
                             comment?.isEmpty == false ? comment : nil, Timestamp.now()])
        return db.lastInsertedRowID
    }
}

/// Which candidates' records to read.
enum RecordScope {
    case all
    case candidate(CandidateID)
    case cohort(String)
    case session(Int64)

    /// A WHERE clause on the column holding the candidate id, with its arguments.
    func filter(_ column: String) -> (sql: String, arguments: StatementArguments) {
        switch self {
        case .all: return ("", [])
        case .candidate(let id): return ("WHERE \(column) = ?", [id.rawValue])
        case .cohort(let name):
            return ("WHERE \(column) IN (SELECT candidate_id FROM enrolment WHERE cohort = ?)", [name])
        case .session(let id):
            return ("WHERE \(column) IN (SELECT candidate_id FROM jury_convocation WHERE session_id = ?)", [id])
        }
    }
}

/// Reads records with one query per table (not per candidate): `progress --all` on tens of
/// thousands of candidates stays a handful of sequential scans. The statements are cached per
/// connection: a candidate's page reads one record at every request.
enum RecordLoader {
    /// `events: false` leaves the records' events empty, for a caller that reads them otherwise.
    static func load(_ db: Database, _ scope: RecordScope, events withEvents: Bool = true) throws -> [CandidateRecord] {
        let (filter, arguments) = scope.filter("candidate_id")
        var records: [String: CandidateRecord] = [:]
        var order: [String] = []
        for (candidate, enrolment) in try people(db, scope) {
            order.append(candidate.id.rawValue)
            records[candidate.id.rawValue] = CandidateRecord(candidate: candidate, enrolment: enrolment)
        }
        if withEvents {
            let events = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT candidate_id, id, component, modality, date, score, max_score, result, evaluator,
                       corrects_event_id
                FROM evaluation_event \(filter) ORDER BY id
                """), arguments: arguments)
            while let row = try events.next() {
                let id: String = row[0]
                guard records[id] != nil else { continue }
                records[id]!.events.append(try event(row, from: 1))
            }
        }
        let stages = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT candidate_id, start, \"end\" FROM stage \(filter) ORDER BY id"),
            arguments: arguments)
        while let row = try stages.next() {
            let id: String = row[0]
            records[id]?.stages.append(Stage(start: try StoredDay.parse(row[1]), end: try StoredDay.parse(row[2])))
        }
        let experiences = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT candidate_id, years FROM experience \(filter) ORDER BY id"),
            arguments: arguments)
        while let row = try experiences.next() {
            let id: String = row[0]
            records[id]?.experiences.append(ExperienceLine(years: try StoredDecimal.parse(row[1])))
        }
        let decisions = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT candidate_id, id, component, decision, date, revokes_decision_id FROM jury_decision \(filter) ORDER BY id
            """), arguments: arguments)
        while let row = try decisions.next() {
            let id: String = row[0]
            let component: String = row[2]
            guard let kind = DecisionKind(rawValue: row[3]) else { continue }
            records[id]?.decisions.append(JuryDecision(
                id: row[1], component: DecisionComponent(fileValue: component),
                decision: kind, date: try StoredDay.parse(row[4]), revokes: row[5]))
        }
        return order.compactMap { records[$0] }
    }

    /// An evaluation from the columns `id, component, modality, date, score, max_score, result,
    /// evaluator, corrects_event_id`, the first at `index`.
    static func event(_ row: Row, from index: Int) throws -> EvaluationEvent {
        let component: String = row[index + 1]
        let score: String? = row[index + 4]
        let result: String? = row[index + 6]
        return EvaluationEvent(
            sequence: row[index], component: component == "final" ? .final : .block(BlockCode(component)),
            modality: ModalityID(row[index + 2] as String), date: try StoredDay.parse(row[index + 3]),
            score: try score.map(StoredDecimal.parse), maxScore: try StoredDecimal.parse(row[index + 5]),
            result: result.flatMap(EvaluationResult.init(rawValue:)), evaluator: row[index + 7],
            corrects: row[index + 8])
    }

    /// The candidates and their enrolments alone, sorted by candidate id.
    static func people(_ db: Database, _ scope: RecordScope) throws -> [(candidate: Candidate, enrolment: Enrolment)] {
        let (filter, arguments) = scope.filter("c.id")
        return try Array(Row.fetchCursor(db.cachedStatement(sql: """
            SELECT c.id, c.family_name, c.given_names, c.birth_date, c.email,
                   n.certification, n.route, n.enrolled_on, n.cohort
            FROM candidate c JOIN enrolment n ON n.candidate_id = c.id
            \(filter) ORDER BY c.id
            """), arguments: arguments).map { row in
            (Candidate(id: CandidateID(row[0] as String), familyName: row[1], givenNames: row[2],
                       birthDate: try StoredDay.parse(row[3]), email: row[4]),
             Enrolment(certification: CertificationCode(row[5] as String), route: AccessRouteID(row[6] as String),
                       enrolledOn: try StoredDay.parse(row[7]), cohort: row[8]))
        })
    }
}
