import CertifolioCore
import GRDB

/// What a cohort import wrote.
public struct ImportSummary: Equatable, Sendable {
    public var batchID: Int64
    public var newCandidates: Int
    /// Candidates already recorded with exactly the same details (left as they were).
    public var knownCandidates: Int
    public var events: Int
    /// Event lines identical to one already recorded (a folder imported twice).
    public var duplicateEvents: Int
    public var stages: Int
    public var experiences: Int
    public var decisions: Int
}

extension AppDatabase {
    /// Candidates already recorded, with the certification each is enrolled in.
    public func enrolledCertifications() throws -> [CandidateID: CertificationCode] {
        try writer.read { db in
            var result: [CandidateID: CertificationCode] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT candidate_id, certification FROM enrolment")
            while let row = try rows.next() {
                result[CandidateID(row[0] as String)] = CertificationCode(row[1] as String)
            }
            return result
        }
    }

    /// Writes a checked cohort in one transaction: all or nothing. A candidate already recorded
    /// with the same details is kept as is; with other details the whole import is refused.
    /// Re-importing the same folder adds nothing: identical event, stage, experience and
    /// decision lines of known candidates are skipped.
    public func importCohort(_ batch: CohortBatch) throws -> ImportSummary {
        try writer.write { db in
            let now = Timestamp.now()
            try db.execute(sql: """
                INSERT INTO import_batch (source, imported_at, candidates, events, stages, experiences, decisions)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [batch.source, now, batch.candidates.count, batch.events.count, batch.stages.count,
                                 batch.experiences.count, batch.decisions.count])
            let batchID = db.lastInsertedRowID
            let preexisting = try CohortRows.insertCandidates(batch, batchID: batchID, db)
            let known = try CohortRows.existingLines(of: batch, among: preexisting.union(Self.outsideCandidates(batch)), db)
            func isKnown(_ id: CandidateID, _ lines: Set<String>, _ values: [String?]) -> Bool {
                known.contains(id) && lines.contains(CohortRows.key(values))
            }

            let events = try CohortRows.eventInsert(db, batchID: batchID, recordedAt: now)
            var duplicateEvents = 0
            for entry in batch.events {
                if isKnown(entry.candidateID, known.events, CohortRows.identity(entry)) {
                    duplicateEvents += 1
                } else {
                    try events.add(entry)
                }
            }
            try events.finish()

            let stages = try BulkInsert<CohortBatch.StageEntry>(
                db, table: "stage", columns: ["candidate_id", "start", "end", "batch_id"]) { entry, row in
                row.text(1, entry.candidateID.rawValue)
                row.text(2, entry.stage.start.iso)
                row.text(3, entry.stage.end.iso)
                row.int(4, batchID)
            }
            for entry in batch.stages where !isKnown(entry.candidateID, known.stages,
                                                     [entry.candidateID.rawValue, entry.stage.start.iso, entry.stage.end.iso]) {
                try stages.add(entry)
            }
            try stages.finish()

            let experiences = try BulkInsert<CohortBatch.ExperienceEntry>(
                db, table: "experience", columns: ["candidate_id", "years", "batch_id"]) { entry, row in
                row.text(1, entry.candidateID.rawValue)
                row.text(2, entry.experience.years.description)
                row.int(3, batchID)
            }
            for entry in batch.experiences where !isKnown(entry.candidateID, known.experiences,
                                                          [entry.candidateID.rawValue, entry.experience.years.description]) {
                try experiences.add(entry)
            }
            try experiences.finish()

            let decisions = try BulkInsert<CohortBatch.DecisionEntry>(
                db, table: "jury_decision",
                columns: ["candidate_id", "component", "decision", "date", "batch_id", "recorded_at"]) { entry, row in
                row.text(1, entry.candidateID.rawValue)
                row.text(2, entry.decision.component.fileValue)
                row.text(3, entry.decision.decision.rawValue)
                row.text(4, entry.decision.date.iso)
                row.int(5, batchID)
                row.text(6, now)
            }
            for entry in batch.decisions {
                let d = entry.decision
                if !isKnown(entry.candidateID, known.decisions,
                            [entry.candidateID.rawValue, d.component.fileValue, d.decision.rawValue, d.date.iso]) {
                    try decisions.add(entry)
                }
            }
            try decisions.finish()

            let summary = ImportSummary(
                batchID: batchID, newCandidates: batch.candidates.count - preexisting.count,
                knownCandidates: preexisting.count, events: events.inserted, duplicateEvents: duplicateEvents,
                stages: stages.inserted, experiences: experiences.inserted, decisions: decisions.inserted)
            try db.execute(sql: """
                UPDATE import_batch SET events = ?, stages = ?, experiences = ?, decisions = ? WHERE id = ?
                """, arguments: [summary.events, summary.stages, summary.experiences, summary.decisions, batchID])
            return summary
        }
    }

    /// Candidates named by event, requirement or decision lines but not in this folder's
    /// candidates.csv: they are already recorded, and may already have these lines.
    private static func outsideCandidates(_ batch: CohortBatch) -> Set<CandidateID> {
        let inFile = Set(batch.candidates.map(\.candidate.id))
        var ids = Set(batch.events.map(\.candidateID))
        ids.formUnion(batch.stages.map(\.candidateID))
        ids.formUnion(batch.experiences.map(\.candidateID))
        ids.formUnion(batch.decisions.map(\.candidateID))
        return ids.subtracting(inFile)
    }
}

/// Row-level work of a cohort import.
enum CohortRows {
    /// Lines already recorded for candidates that existed before this import, so that a folder
    /// imported twice adds nothing.
    struct KnownLines {
        var candidates: Set<CandidateID> = []
        var events: Set<String> = []
        var stages: Set<String> = []
        var experiences: Set<String> = []
        var decisions: Set<String> = []

        func contains(_ id: CandidateID) -> Bool { candidates.contains(id) }
    }

    static func key(_ values: [String?]) -> String {
        values.map { $0 ?? "\u{0}" }.joined(separator: "\u{1F}")
    }

    /// The columns that make two event lines "the same line" (a folder imported twice).
    static func identity(_ entry: CohortBatch.EventEntry) -> [String?] {
        let e = entry.event
        return [entry.candidateID.rawValue, e.component.fileValue, e.modality.rawValue, e.date.iso,
                e.score?.description, e.maxScore.description, e.result?.rawValue, e.evaluator]
    }

    static func eventInsert(_ db: Database, batchID: Int64, recordedAt: String) throws
        -> BulkInsert<CohortBatch.EventEntry> {
        try BulkInsert(db, table: "evaluation_event",
                       columns: ["candidate_id", "component", "modality", "date", "score", "max_score", "result",
                                 "evaluator", "batch_id", "recorded_at"]) { entry, row in
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
            row.text(10, recordedAt)
        }
    }

    /// Inserts the new candidates and their enrolments; returns the ids already recorded with
    /// exactly the same details, and refuses any recorded with other details.
    static func insertCandidates(_ batch: CohortBatch, batchID: Int64, _ db: Database) throws -> Set<CandidateID> {
        let recorded = Set(try String.fetchAll(db, sql: "SELECT id FROM candidate").map(CandidateID.init))
        var preexisting = Set<CandidateID>()
        let candidates = try BulkInsert<CohortBatch.CandidateEntry>(
            db, table: "candidate", columns: ["id", "family_name", "given_names", "birth_date", "email"]) { entry, row in
            let c = entry.candidate
            row.text(1, c.id.rawValue)
            row.text(2, c.familyName)
            row.text(3, c.givenNames)
            row.text(4, c.birthDate.iso)
            row.text(5, c.email)
        }
        let enrolments = try BulkInsert<CohortBatch.CandidateEntry>(
            db, table: "enrolment",
            columns: ["candidate_id", "certification", "route", "enrolled_on", "cohort", "batch_id"]) { entry, row in
            let n = entry.enrolment
            row.text(1, entry.candidate.id.rawValue)
            row.text(2, n.certification.rawValue)
            row.text(3, n.route.rawValue)
            row.text(4, n.enrolledOn.iso)
            row.text(5, n.cohort)
            row.int(6, batchID)
        }
        for entry in batch.candidates {
            guard recorded.contains(entry.candidate.id) else {
                try candidates.add(entry)
                try enrolments.add(entry)
                continue
            }
            let c = entry.candidate
            let n = entry.enrolment
            let same = try Bool.fetchOne(db, sql: """
                SELECT COUNT(*) FROM candidate c JOIN enrolment n ON n.candidate_id = c.id
                WHERE c.id = ? AND c.family_name = ? AND c.given_names = ? AND c.birth_date = ? AND c.email = ?
                  AND n.certification = ? AND n.route = ? AND n.enrolled_on = ? AND n.cohort = ?
                """, arguments: [c.id.rawValue, c.familyName, c.givenNames, c.birthDate.iso, c.email,
                                 n.certification.rawValue, n.route.rawValue, n.enrolledOn.iso, n.cohort]) ?? false
            guard same else { throw StoreError.candidateConflict(c.id, file: "candidates.csv", line: entry.line) }
            preexisting.insert(c.id)
        }
        try candidates.finish()
        try enrolments.finish()
        return preexisting
    }

    static func existingLines(of batch: CohortBatch, among ids: Set<CandidateID>, _ db: Database) throws -> KnownLines {
        var known = KnownLines(candidates: ids)
        guard !ids.isEmpty else { return known }
        for id in ids {
            let args: StatementArguments = [id.rawValue]
            for row in try Row.fetchAll(db, sql: """
                SELECT candidate_id, component, modality, date, score, max_score, result, evaluator
                FROM evaluation_event WHERE candidate_id = ?
                """, arguments: args) {
                known.events.insert(key(row.databaseValues.map { String.fromDatabaseValue($0) }))
            }
            for row in try Row.fetchAll(db, sql: "SELECT candidate_id, start, \"end\" FROM stage WHERE candidate_id = ?",
                                        arguments: args) {
                known.stages.insert(key(row.databaseValues.map { String.fromDatabaseValue($0) }))
            }
            for row in try Row.fetchAll(db, sql: "SELECT candidate_id, years FROM experience WHERE candidate_id = ?",
                                        arguments: args) {
                known.experiences.insert(key(row.databaseValues.map { String.fromDatabaseValue($0) }))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT candidate_id, component, decision, date FROM jury_decision
                WHERE candidate_id = ? AND revokes_decision_id IS NULL
                """, arguments: args) {
                known.decisions.insert(key(row.databaseValues.map { String.fromDatabaseValue($0) }))
            }
        }
        return known
    }
}
