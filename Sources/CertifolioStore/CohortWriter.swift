import CertifolioCore
import GRDB

/// One cohort import inside a write transaction: takes checked chunks (candidates first) and
/// writes them with bulk inserts. A candidate's rows are written only after the candidate.
final class CohortWriter {
    private let db: Database
    private let batchID: Int64
    private let recordedAt: String
    private let source: String
    /// Who imports: named by the rectifications that complete a recorded identity.
    private let actor: Actor
    /// Recorded candidates whose empty civil-identity columns this import filled.
    private var completedIdentities = 0
    /// Candidates recorded before this import began.
    private let recorded: Set<CandidateID>
    /// Candidates of this import's candidates.csv that were already recorded, identical.
    private var preexisting = Set<CandidateID>()
    private var newCandidates = 0
    private var duplicateEvents = 0
    /// Lines already recorded for candidates that existed before, by candidate (loaded once).
    private var existing: [CandidateID: ExistingLines] = [:]

    private let candidates: BulkInsert<CohortBatch.CandidateEntry>
    private let enrolments: BulkInsert<CohortBatch.CandidateEntry>
    private let events: BulkInsert<CohortBatch.EventEntry>
    private let stages: BulkInsert<CohortBatch.StageEntry>
    private let experiences: BulkInsert<CohortBatch.ExperienceEntry>
    private let decisions: BulkInsert<CohortBatch.DecisionEntry>

    init(_ db: Database, source: String, actor: Actor) throws {
        self.db = db
        self.source = source
        self.actor = actor
        let now = Timestamp.now()
        recordedAt = now
        try db.execute(sql: """
            INSERT INTO import_batch (source, imported_at, candidates, events, stages, experiences, decisions)
            VALUES (?, ?, 0, 0, 0, 0, 0)
            """, arguments: [source, now])
        let batchID = db.lastInsertedRowID
        self.batchID = batchID
        recorded = Set(try String.fetchAll(db, sql: "SELECT id FROM candidate").map(CandidateID.init))
        candidates = try BulkInsert(db, table: "candidate", columns: CandidateRow.columns) { entry, row in
            let c = CandidateRow(entry.candidate)
            row.text(1, c.id.rawValue)
            row.text(2, c.familyName)
            row.text(3, c.givenNames)
            row.text(4, c.birthDate.iso)
            row.text(5, c.email)
            row.text(6, c.birthName)
            row.text(7, c.usageName)
            row.text(8, c.firstNames)
            row.text(9, c.sex?.rawValue)
            row.text(10, c.birthPlaceCode)
            row.text(11, c.birthPlace)
            row.text(12, c.birthCountryCode)
            row.text(13, c.birthCountry)
            row.text(14, c.postalAddress)
        }
        enrolments = try BulkInsert(db, table: "enrolment",
                                    columns: ["candidate_id", "certification", "route", "enrolled_on", "cohort",
                                              "batch_id"]) { entry, row in
            let n = entry.enrolment
            row.text(1, entry.candidate.id.rawValue)
            row.text(2, n.certification.rawValue)
            row.text(3, n.route.rawValue)
            row.text(4, n.enrolledOn.iso)
            row.text(5, n.cohort)
            row.int(6, batchID)
        }
        events = try BulkInsert(db, table: "evaluation_event",
                                columns: ["candidate_id", "component", "modality", "date", "score", "max_score",
                                          "result", "evaluator", "batch_id", "recorded_at"]) { entry, row in
            let e = entry.event
            row.text(1, entry.candidateID.rawValue)
            row.text(2, e.component.fileValue)
            row.text(3, e.modality.rawValue)
            row.text(4, e.date.iso)
            row.text(5, e.score?.description)
            row.text(6, e.maxScore.description)
            row.text(7, e.result?.rawValue)
            row.text(8, e.evaluator)
            row.int(9, batchID)
            row.text(10, now)
        }
        stages = try BulkInsert(db, table: "stage", columns: ["candidate_id", "start", "end", "batch_id"]) { entry, row in
            row.text(1, entry.candidateID.rawValue)
            row.text(2, entry.stage.start.iso)
            row.text(3, entry.stage.end.iso)
            row.int(4, batchID)
        }
        experiences = try BulkInsert(db, table: "experience", columns: ["candidate_id", "years", "batch_id"]) { entry, row in
            row.text(1, entry.candidateID.rawValue)
            row.text(2, entry.experience.years.description)
            row.int(3, batchID)
        }
        decisions = try BulkInsert(db, table: "jury_decision",
                                   columns: ["candidate_id", "component", "decision", "date", "batch_id",
                                             "recorded_at"]) { entry, row in
            row.text(1, entry.candidateID.rawValue)
            row.text(2, entry.decision.component.fileValue)
            row.text(3, entry.decision.decision.rawValue)
            row.text(4, entry.decision.date.iso)
            row.int(5, batchID)
            row.text(6, now)
        }
    }

    func write(_ chunk: CohortBatch) throws {
        for entry in chunk.candidates { try add(entry) }
        if !chunk.candidates.isEmpty {
            // Every later row points at a candidate: write the buffered ones now.
            try candidates.flush()
            try enrolments.flush()
        }
        for entry in chunk.events {
            if try isRecorded(entry.candidateID, \.events, Self.identity(entry)) {
                duplicateEvents += 1
            } else {
                try events.add(entry)
            }
        }
        for entry in chunk.stages {
            let line = [entry.candidateID.rawValue, entry.stage.start.iso, entry.stage.end.iso]
            if try !isRecorded(entry.candidateID, \.stages, line) { try stages.add(entry) }
        }
        for entry in chunk.experiences {
            let line = [entry.candidateID.rawValue, entry.experience.years.description]
            if try !isRecorded(entry.candidateID, \.experiences, line) { try experiences.add(entry) }
        }
        for entry in chunk.decisions {
            let d = entry.decision
            let line = [entry.candidateID.rawValue, d.component.fileValue, d.decision.rawValue, d.date.iso]
            if try !isRecorded(entry.candidateID, \.decisions, line) { try decisions.add(entry) }
        }
    }

    func finish() throws -> ImportSummary {
        for inserter in [candidates.flush, enrolments.flush, events.flush, stages.flush, experiences.flush,
                         decisions.flush] {
            try inserter()
        }
        var summary = ImportSummary(
            batchID: batchID, newCandidates: newCandidates, knownCandidates: preexisting.count,
            events: events.inserted, duplicateEvents: duplicateEvents, stages: stages.inserted,
            experiences: experiences.inserted, decisions: decisions.inserted)
        summary.completedIdentities = completedIdentities
        try db.execute(sql: """
            UPDATE import_batch SET candidates = ?, events = ?, stages = ?, experiences = ?, decisions = ? WHERE id = ?
            """, arguments: [newCandidates + preexisting.count, summary.events, summary.stages, summary.experiences,
                             summary.decisions, batchID])
        return summary
    }

    /// A new candidate is inserted; one recorded with these details is kept; one recorded with
    /// other details refuses the whole import. "These details" allows for civil-identity columns
    /// (contract §8): a line that leaves them out is the same candidate; a line that fills columns
    /// the record leaves empty completes the record (kept as a rectification, before and after);
    /// a line that says what the record said before a rectification is the same candidate too.
    private func add(_ entry: CohortBatch.CandidateEntry) throws {
        guard recorded.contains(entry.candidate.id) else {
            try candidates.add(entry)
            try enrolments.add(entry)
            newCandidates += 1
            return
        }
        let id = entry.candidate.id
        let line = CandidateRow(entry.candidate)
        let n = entry.enrolment
        let sameEnrolment = try Bool.fetchOne(db, sql: """
            SELECT COUNT(*) FROM enrolment WHERE candidate_id = ? AND certification = ? AND route = ?
              AND enrolled_on = ? AND cohort = ?
            """, arguments: [id, n.certification, n.route, n.enrolledOn, n.cohort]) ?? false
        guard sameEnrolment, let stored = try CandidateRow.fetchOne(db, key: id.rawValue) else {
            throw StoreError.candidateConflict(id, file: "candidates.csv", line: entry.line)
        }
        if let completed = stored.completed(by: line) {
            if completed != stored {
                try CandidateRectification.record(db, from: stored, to: completed, actor: actor,
                                                  reason: "Complété par l'import de \(source)")
                completedIdentities += 1
            }
        } else {
            let original = try CandidateRectification.original(of: id, db)
            guard let original, original.completed(by: line) == original else {
                throw StoreError.candidateConflict(id, file: "candidates.csv", line: entry.line)
            }
        }
        preexisting.insert(id)
    }

    /// Whether this exact line is already recorded for a candidate that existed before the
    /// import (a folder imported twice adds nothing). New candidates have nothing recorded.
    private func isRecorded(_ id: CandidateID, _ kind: KeyPath<ExistingLines, Set<String>>, _ line: [String?]) throws -> Bool {
        guard recorded.contains(id) else { return false }
        if existing[id] == nil { existing[id] = try ExistingLines(id, db) }
        return existing[id]![keyPath: kind].contains(ExistingLines.key(line))
    }

    /// The columns that make two event lines "the same line".
    static func identity(_ entry: CohortBatch.EventEntry) -> [String?] {
        let e = entry.event
        return [entry.candidateID.rawValue, e.component.fileValue, e.modality.rawValue, e.date.iso,
                e.score?.description, e.maxScore.description, e.result?.rawValue, e.evaluator]
    }
}

/// The lines recorded for one candidate, as comparable keys.
struct ExistingLines {
    var events: Set<String> = []
    var stages: Set<String> = []
    var experiences: Set<String> = []
    var decisions: Set<String> = []

    static func key(_ values: [String?]) -> String {
        values.map { $0 ?? "\u{0}" }.joined(separator: "\u{1F}")
    }

    init(_ id: CandidateID, _ db: Database) throws {
        let args: StatementArguments = [id.rawValue]
        func keys(_ sql: String) throws -> Set<String> {
            Set(try Row.fetchAll(db, sql: sql, arguments: args).map { row in
                ExistingLines.key(row.databaseValues.map { String.fromDatabaseValue($0) })
            })
        }
        events = try keys("""
            SELECT candidate_id, component, modality, date, score, max_score, result, evaluator
            FROM evaluation_event WHERE candidate_id = ?
            """)
        stages = try keys("SELECT candidate_id, start, \"end\" FROM stage WHERE candidate_id = ?")
        experiences = try keys("SELECT candidate_id, years FROM experience WHERE candidate_id = ?")
        decisions = try keys("""
            SELECT candidate_id, component, decision, date FROM jury_decision
            WHERE candidate_id = ? AND revokes_decision_id IS NULL
            """)
    }
}
