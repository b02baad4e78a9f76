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

    /// Every candidate's record, sorted by candidate id, handed to `body` a page at a time from one
    /// snapshot: memory holds one page of records, whatever the number of candidates.
    public func forEachCandidateRecord(pageSize: Int = 2000, _ body: (CandidateRecord) throws -> Void) throws {
        try writer.read { db in
            var last: String?
            while true {
                let page = try RecordLoader.load(db, .page(after: last, limit: pageSize))
                guard let final = page.last else { return }
                for record in page { try body(record) }
                last = final.candidate.id.rawValue
            }
        }
    }

    /// Every candidate with their enrolment, without their evaluations: a list to search.
    public func enrolledCandidates() throws -> [(candidate: Candidate, enrolment: Enrolment)] {
        try writer.read { db in try RecordLoader.people(db, .all) }
    }

    /// The next `limit` candidates by id after `after` (nil: from the first), with their
    /// enrolments: a page of the whole list, for exports that stream.
    public func enrolledCandidates(after: CandidateID?, limit: Int) throws -> [(candidate: Candidate, enrolment: Enrolment)] {
        try writer.read { db in try RecordLoader.people(db, .page(after: after?.rawValue, limit: limit)) }
    }

    /// The records of one cohort, sorted by candidate id.
    public func candidateRecords(cohort: String) throws -> [CandidateRecord] {
        try writer.read { db in try RecordLoader.load(db, .cohort(cohort)) }
    }

    /// Records one evaluation entered by hand (the web form); returns its number. (The event
    /// is checked against the certification by the caller, `Certifolio.recordEvaluation`.)
    @discardableResult
    public func recordEvent(_ event: EvaluationEvent, of candidate: CandidateID, grid: [CompetenceAssessment] = [],
                            deposit: DepositID? = nil, comment: String?, actor: Actor) throws -> Int64 {
        try writer.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT COUNT(*) FROM enrolment WHERE candidate_id = ?",
                                    arguments: [candidate.rawValue]) ?? false else {
                throw StoreError.unknownCandidate(candidate)
            }
            let id = try Self.insert(event, of: candidate, grid: grid, deposit: deposit, comment: comment,
                                     correcting: nil, actor: actor, db)
            try AuditLog.append(db, actor: actor, action: "event.record", subject: candidate.rawValue, details: [
                "event": String(id), "component": event.component.fileValue, "modality": event.modality.rawValue,
                "date": event.date.iso,
            ].merging(Self.gridDetails(grid, deposit)) { a, _ in a })
            return id
        }
    }

    /// Records several evaluations at once (a whole promotion's for one épreuve), in one
    /// transaction: all or none; one audit entry each.
    public func recordEvents(_ items: [(candidate: CandidateID, event: EvaluationEvent, grid: [CompetenceAssessment],
                                        comment: String?)], actor: Actor) throws -> [Int64] {
        try writer.write { db in
            try items.map { item in
                guard try Bool.fetchOne(db, sql: "SELECT COUNT(*) FROM enrolment WHERE candidate_id = ?",
                                        arguments: [item.candidate.rawValue]) ?? false else {
                    throw StoreError.unknownCandidate(item.candidate)
                }
                let id = try Self.insert(item.event, of: item.candidate, grid: item.grid, deposit: nil, comment: item.comment,
                                         correcting: nil, actor: actor, db)
                try AuditLog.append(db, actor: actor, action: "event.record", subject: item.candidate.rawValue, details: [
                    "event": String(id), "component": item.event.component.fileValue,
                    "modality": item.event.modality.rawValue, "date": item.event.date.iso,
                    "entry": "promotion",
                ].merging(Self.gridDetails(item.grid, nil)) { a, _ in a })
                return id
            }
        }
    }

    /// What the audit entry says of a grid and a deposit ("acquis 3, partiellement_acquis 1…").
    private static func gridDetails(_ grid: [CompetenceAssessment], _ deposit: DepositID?) -> [String: String] {
        var details: [String: String] = [:]
        if let deposit { details["deposit"] = deposit.description }
        if !grid.isEmpty {
            details["grid"] = CompetenceRating.allCases.map { rating in
                "\(rating.rawValue) \(grid.filter { $0.rating == rating }.count)"
            }.joined(separator: ", ")
        }
        return details
    }

    /// Records an evaluation of `candidate` that corrects their earlier one; the earlier one
    /// then no longer counts. Nothing is updated in place. (The event is checked against the
    /// certification by the caller, `Certifolio.correctEvaluation`.)
    @discardableResult
    public func correctEvent(_ correctedID: Int64, of candidate: CandidateID, with event: EvaluationEvent,
                             grid: [CompetenceAssessment] = [], deposit: DepositID? = nil,
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
            let id = try Self.insert(event, of: candidate, grid: grid, deposit: deposit, comment: comment,
                                     correcting: (correctedID, reason), actor: actor, db)
            try AuditLog.append(db, actor: actor, action: "event.correct", subject: candidate.rawValue, details: [
                "event": String(id), "corrects": String(correctedID),
                "component": event.component.fileValue, "modality": event.modality.rawValue, "date": event.date.iso,
            ].merging(Self.gridDetails(grid, deposit)) { a, _ in a })
            return id
        }
    }

    /// A candidate's evaluations as recorded, oldest first, with who corrected what.
    public func evaluationHistory(_ candidate: CandidateID) throws -> [EvaluationEntry] {
        try writer.read { db in try RecordLoader.history(candidate, db) }
    }

    /// A candidate's record and evaluation history, read together (one snapshot): what a
    /// record page shows.
    public func recordWithHistory(_ id: CandidateID) throws -> (record: CandidateRecord, history: [EvaluationEntry])? {
        try writer.read { db in
            // The history holds every event: the record takes its events from it, not from a
            // second read of the same rows.
            guard var record = try RecordLoader.load(db, .candidate(id), events: false).first else { return nil }
            let history = try RecordLoader.history(id, db)
            record.events = history.sorted { $0.id < $1.id }.map(\.event)
            return (record, history)
        }
    }

    private static func insert(_ event: EvaluationEvent, of candidate: CandidateID, grid: [CompetenceAssessment],
                               deposit: DepositID?, comment: String?,
                               correcting: (id: Int64, reason: String)?, actor: Actor, _ db: Database) throws -> Int64 {
        // The deposit assessed is the candidate's own, for this very épreuve.
        if let deposit, !(try Bool.fetchOne(db, sql: """
            SELECT COUNT(*) FROM deposit WHERE id = ? AND candidate = ? AND component = ? AND modality = ?
            """, arguments: [deposit, candidate, event.component, event.modality]) ?? false) {
            throw EvaluationRefused(problems: [.unknownDeposit(deposit.description)])
        }
        let comment = comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        try db.execute(sql: """
            INSERT INTO evaluation_event (candidate_id, component, modality, date, score, max_score, result,
                evaluator, corrects_event_id, correction_reason, comment, recorded_at, deposit_id, recorded_by_account)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [candidate, event.component, event.modality, event.date, event.score, event.maxScore,
                             event.result, event.evaluator, correcting?.id, correcting?.reason,
                             comment?.isEmpty == false ? comment : nil, Timestamp.now(), deposit, actor.account])
        let id = db.lastInsertedRowID
        for (position, line) in grid.enumerated() {
            try db.execute(sql: """
                INSERT INTO evaluation_grid (event_id, position, competence, rating, comment) VALUES (?, ?, ?, ?, ?)
                """, arguments: [id, position + 1, line.competence, line.rating, line.comment])
        }
        return id
    }
}

/// Which candidates' records to read.
enum RecordScope {
    case all
    case candidate(CandidateID)
    case cohort(String)
    case session(Int64)
    /// The next `limit` candidates by id after `after` (nil: from the first): a page of the whole.
    case page(after: String?, limit: Int)
    /// The next `limit` candidates convoked to a session, by id, after `after`.
    case sessionPage(Int64, after: String?, limit: Int)
    /// These candidates (a page of another list).
    case ids([CandidateID])

    /// A WHERE clause on the column holding the candidate id, with its arguments.
    func filter(_ column: String) -> (sql: String, arguments: StatementArguments) {
        switch self {
        case .all: return ("", [])
        case .candidate(let id): return ("WHERE \(column) = ?", [id.rawValue])
        case .cohort(let name):
            return ("WHERE \(column) IN (SELECT candidate_id FROM enrolment WHERE cohort = ?)", [name])
        case .session(let id):
            return ("WHERE \(column) IN (SELECT candidate_id FROM jury_convocation WHERE session_id = ?)", [id])
        case let .page(after, limit):
            return ("WHERE \(column) IN (SELECT id FROM candidate WHERE id > ? ORDER BY id LIMIT ?)", [after ?? "", limit])
        case .ids(let ids):
            return ("WHERE \(column) IN (SELECT value FROM json_each(?))", [JSONList.of(ids.map(\.rawValue))])
        case let .sessionPage(session, after, limit):
            return ("WHERE \(column) IN (SELECT candidate_id FROM jury_convocation WHERE session_id = ? "
                    + "AND candidate_id > ? ORDER BY candidate_id LIMIT ?)", [session, after ?? "", limit])
        }
    }
}
