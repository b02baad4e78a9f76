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
            var summary = ImportSummary(batchID: batchID, newCandidates: 0, knownCandidates: 0, events: 0,
                                        duplicateEvents: 0, stages: 0, experiences: 0, decisions: 0)

            var preexisting = Set<CandidateID>()
            try CohortRows.insertCandidates(batch, batchID: batchID, db, preexisting: &preexisting)
            summary.knownCandidates = preexisting.count
            summary.newCandidates = batch.candidates.count - preexisting.count
            let known = try CohortRows.existingLines(of: batch, among: preexisting.union(Self.outsideCandidates(batch)), db)

            let inserter = try EventInserter(db, batchID: batchID, recordedAt: now)
            for entry in batch.events {
                if known.contains(entry.candidateID),
                   known.events.contains(CohortRows.key(EventInserter.identity(entry))) {
                    summary.duplicateEvents += 1
                    continue
                }
                try inserter.add(entry)
                summary.events += 1
            }
            try inserter.finish()
            for entry in batch.stages {
                let values = [entry.candidateID.rawValue, entry.stage.start.iso, entry.stage.end.iso].map(\.databaseValue)
                if known.contains(entry.candidateID), known.stages.contains(CohortRows.key(values)) { continue }
                try db.execute(sql: "INSERT INTO stage (candidate_id, start, \"end\", batch_id) VALUES (?, ?, ?, ?)",
                               arguments: StatementArguments(values + [batchID.databaseValue]))
                summary.stages += 1
            }
            for entry in batch.experiences {
                let values = [entry.candidateID.rawValue, entry.experience.years.description].map(\.databaseValue)
                if known.contains(entry.candidateID), known.experiences.contains(CohortRows.key(values)) { continue }
                try db.execute(sql: "INSERT INTO experience (candidate_id, years, batch_id) VALUES (?, ?, ?)",
                               arguments: StatementArguments(values + [batchID.databaseValue]))
                summary.experiences += 1
            }
            for entry in batch.decisions {
                let d = entry.decision
                let values = [entry.candidateID.rawValue, d.component.fileValue, d.decision.rawValue, d.date.iso]
                    .map(\.databaseValue)
                if known.contains(entry.candidateID), known.decisions.contains(CohortRows.key(values)) { continue }
                try db.execute(sql: """
                    INSERT INTO jury_decision (candidate_id, component, decision, date, batch_id, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: StatementArguments(values + [batchID.databaseValue, now.databaseValue]))
                summary.decisions += 1
            }
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

    static func key(_ values: [DatabaseValue]) -> String {
        values.map(\.description).joined(separator: "\u{1F}")
    }

    static func insertCandidates(_ batch: CohortBatch, batchID: Int64, _ db: Database,
                                 preexisting: inout Set<CandidateID>) throws {
        let insertCandidate = try db.cachedStatement(sql: """
            INSERT INTO candidate (id, family_name, given_names, birth_date, email) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (id) DO NOTHING
            """)
        let insertEnrolment = try db.cachedStatement(sql: """
            INSERT INTO enrolment (candidate_id, certification, route, enrolled_on, cohort, batch_id)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        for entry in batch.candidates {
            let c = entry.candidate
            let n = entry.enrolment
            try insertCandidate.execute(arguments: [c.id.rawValue, c.familyName, c.givenNames, c.birthDate.iso, c.email])
            if db.changesCount == 0 {
                let same = try Bool.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM candidate c JOIN enrolment n ON n.candidate_id = c.id
                    WHERE c.id = ? AND c.family_name = ? AND c.given_names = ? AND c.birth_date = ? AND c.email = ?
                      AND n.certification = ? AND n.route = ? AND n.enrolled_on = ? AND n.cohort = ?
                    """, arguments: [c.id.rawValue, c.familyName, c.givenNames, c.birthDate.iso, c.email,
                                     n.certification.rawValue, n.route.rawValue, n.enrolledOn.iso, n.cohort]) ?? false
                guard same else {
                    throw StoreError.candidateConflict(c.id, file: "candidates.csv", line: entry.line)
                }
                preexisting.insert(c.id)
                continue
            }
            try insertEnrolment.execute(arguments: [c.id.rawValue, n.certification.rawValue, n.route.rawValue,
                                                    n.enrolledOn.iso, n.cohort, batchID])
        }
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
                known.events.insert(key(Array(row.databaseValues)))
            }
            for row in try Row.fetchAll(db, sql: "SELECT candidate_id, start, \"end\" FROM stage WHERE candidate_id = ?",
                                        arguments: args) {
                known.stages.insert(key(Array(row.databaseValues)))
            }
            for row in try Row.fetchAll(db, sql: "SELECT candidate_id, years FROM experience WHERE candidate_id = ?",
                                        arguments: args) {
                known.experiences.insert(key(Array(row.databaseValues)))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT candidate_id, component, decision, date FROM jury_decision
                WHERE candidate_id = ? AND revokes_decision_id IS NULL
                """, arguments: args) {
                known.decisions.insert(key(Array(row.databaseValues)))
            }
        }
        return known
    }
}
