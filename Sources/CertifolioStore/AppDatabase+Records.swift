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

    /// The records of one cohort, sorted by candidate id.
    public func candidateRecords(cohort: String) throws -> [CandidateRecord] {
        try writer.read { db in try RecordLoader.load(db, .cohort(cohort)) }
    }

    /// Records an evaluation that corrects an earlier one; the earlier one then no longer
    /// counts. Nothing is updated in place.
    @discardableResult
    public func correctEvent(_ correctedID: Int64, with event: EvaluationEvent, reason: String,
                             actor: Actor) throws -> Int64 {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw StoreError.emptyReason }
        return try writer.write { db in
            guard let candidate = try String.fetchOne(db, sql: "SELECT candidate_id FROM evaluation_event WHERE id = ?",
                                                      arguments: [correctedID]) else {
                throw StoreError.unknownEvent(correctedID)
            }
            if try Bool.fetchOne(db, sql: "SELECT COUNT(*) FROM evaluation_event WHERE corrects_event_id = ?",
                                 arguments: [correctedID]) ?? false {
                throw StoreError.eventAlreadyCorrected(correctedID)
            }
            try Self.checkEvaluated(event, of: CandidateID(candidate), db)
            try db.execute(sql: """
                INSERT INTO evaluation_event (candidate_id, component, modality, date, score, max_score, result,
                    evaluator, corrects_event_id, correction_reason, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [candidate, event.component.fileValue, event.modality.rawValue, event.date.iso,
                                 event.score?.description, event.maxScore.description, event.result?.rawValue,
                                 event.evaluator, correctedID, reason, Timestamp.now()])
            let id = db.lastInsertedRowID
            try AuditLog.append(db, actor: actor, action: "event.correct", subject: candidate, details: [
                "event": String(id), "corrects": String(correctedID), "reason": reason,
                "component": event.component.fileValue, "modality": event.modality.rawValue, "date": event.date.iso,
            ])
            return id
        }
    }
}

extension AppDatabase {
    /// Refuses an event whose block, modality or final exam is not in the candidate's
    /// certification (the whole-block modality counts for every block).
    fileprivate static func checkEvaluated(_ event: EvaluationEvent, of candidate: CandidateID, _ db: Database) throws {
        let certification = try String.fetchOne(db, sql: "SELECT certification FROM enrolment WHERE candidate_id = ?",
                                                arguments: [candidate.rawValue]) ?? ""
        let known: Bool
        switch event.component {
        case .final:
            known = try Bool.fetchOne(db, sql: "SELECT COUNT(*) FROM final_exam WHERE certification = ? AND id = ?",
                                      arguments: [certification, event.modality.rawValue]) ?? false
        case .block(let code):
            known = try Bool.fetchOne(db, sql: """
                SELECT COUNT(*) FROM block b JOIN certification c ON c.code = b.certification
                WHERE b.code = ? AND b.certification = ?
                  AND (c.whole_block_modality_id = ? OR EXISTS (SELECT 1 FROM modality m WHERE m.block = b.code AND m.id = ?))
                """, arguments: [code.rawValue, certification, event.modality.rawValue, event.modality.rawValue]) ?? false
        }
        guard known else {
            throw StoreError.unknownEvaluated(candidate, component: event.component.fileValue, modality: event.modality)
        }
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
/// thousands of candidates stays a handful of sequential scans.
enum RecordLoader {
    static func load(_ db: Database, _ scope: RecordScope) throws -> [CandidateRecord] {
        let (filter, arguments) = scope.filter("candidate_id")
        let (peopleFilter, _) = scope.filter("c.id")
        var records: [String: CandidateRecord] = [:]
        var order: [String] = []
        let people = try Row.fetchCursor(db, sql: """
            SELECT c.id, c.family_name, c.given_names, c.birth_date, c.email,
                   n.certification, n.route, n.enrolled_on, n.cohort
            FROM candidate c JOIN enrolment n ON n.candidate_id = c.id
            \(peopleFilter) ORDER BY c.id
            """, arguments: arguments)
        while let row = try people.next() {
            let id: String = row[0]
            order.append(id)
            records[id] = CandidateRecord(
                candidate: Candidate(id: CandidateID(id), familyName: row[1], givenNames: row[2],
                                     birthDate: try StoredDay.parse(row[3]), email: row[4]),
                enrolment: Enrolment(certification: CertificationCode(row[5] as String), route: AccessRouteID(row[6] as String),
                                     enrolledOn: try StoredDay.parse(row[7]), cohort: row[8]))
        }
        let events = try Row.fetchCursor(db, sql: """
            SELECT candidate_id, id, component, modality, date, score, max_score, result, evaluator, corrects_event_id
            FROM evaluation_event \(filter) ORDER BY id
            """, arguments: arguments)
        while let row = try events.next() {
            let id: String = row[0]
            guard records[id] != nil else { continue }
            let component: String = row[2]
            let score: String? = row[5]
            let result: String? = row[7]
            records[id]!.events.append(EvaluationEvent(
                sequence: row[1], component: component == "final" ? .final : .block(BlockCode(component)),
                modality: ModalityID(row[3] as String), date: try StoredDay.parse(row[4]),
                score: try score.map(StoredDecimal.parse), maxScore: try StoredDecimal.parse(row[6]),
                result: result.flatMap(EvaluationResult.init(rawValue:)), evaluator: row[8], corrects: row[9]))
        }
        let stages = try Row.fetchCursor(db, sql: "SELECT candidate_id, start, \"end\" FROM stage \(filter) ORDER BY id",
                                         arguments: arguments)
        while let row = try stages.next() {
            let id: String = row[0]
            records[id]?.stages.append(Stage(start: try StoredDay.parse(row[1]), end: try StoredDay.parse(row[2])))
        }
        let experiences = try Row.fetchCursor(db, sql: "SELECT candidate_id, years FROM experience \(filter) ORDER BY id",
                                              arguments: arguments)
        while let row = try experiences.next() {
            let id: String = row[0]
            records[id]?.experiences.append(ExperienceLine(years: try StoredDecimal.parse(row[1])))
        }
        let decisions = try Row.fetchCursor(db, sql: """
            SELECT candidate_id, id, component, decision, date, revokes_decision_id FROM jury_decision \(filter) ORDER BY id
            """, arguments: arguments)
        while let row = try decisions.next() {
            let id: String = row[0]
            let component: String = row[2]
            guard let kind = DecisionKind(rawValue: row[3]) else { continue }
            records[id]?.decisions.append(JuryDecision(
                id: row[1], component: component == "title" ? .title : .block(BlockCode(component)),
                decision: kind, date: try StoredDay.parse(row[4]), revokes: row[5]))
        }
        return order.compactMap { records[$0] }
    }
}
