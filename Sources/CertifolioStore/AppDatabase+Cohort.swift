import CertifolioCore
import GRDB

/// A cohort folder's calendar, read once the candidates are written (inside the import's
/// transaction): given every cohort's certifications, the checked entries and their file.
public typealias CalendarFeed = (_ cohorts: [String: [CertificationCode]]) throws -> (source: String, entries: [CalendarEntry])

extension AppDatabase {
    /// Candidates already recorded, with the certification each is enrolled in.
    public func enrolledCertifications() throws -> [CandidateID: CertificationCode] {
        try writer.read { db in
            var result: [CandidateID: CertificationCode] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT candidate_id, certification FROM enrolment")
            while let row = try rows.next() {
                result[try row.decode(forColumn: "candidate_id")] = try row.decode(CertificationCode.self, forColumn: "certification")
            }
            return result
        }
    }

    /// Writes a checked cohort in one transaction: all or nothing. A candidate already recorded
    /// with the same details is kept as is; with other details the whole import is refused.
    /// Re-importing the same folder adds nothing: identical event, stage, experience and
    /// decision lines of known candidates are skipped.
    public func importCohort(_ batch: CohortBatch, actor: Actor,
                             calendar: CalendarFeed? = nil)
        throws -> ImportSummary {
        try importCohort(source: batch.source, actor: actor, feed: { write in try write(batch) }, calendar: calendar)
    }

    /// What `importCohort` would write, computed in a transaction that is rolled back: the
    /// preview of a web upload, with the store's own refusals (conflicting candidates).
    public func previewCohort(_ batch: CohortBatch, calendar: CalendarFeed? = nil) throws -> ImportSummary {
        try writer.writeWithoutTransaction { db in
            var summary: ImportSummary?
            try db.inTransaction {
                let session = try CohortWriter(db, source: batch.source, actor: Actor("aperçu"))
                try session.write(batch)
                summary = try session.finish()
                if let calendar {
                    let (file, entries) = try calendar(try CalendarWriter.cohortCertifications(db))
                    summary?.calendar = try CalendarWriter.record(db, entries, source: file, actor: Actor("aperçu"))
                }
                return .rollback
            }
            return summary!
        }
    }

    /// The same, fed in chunks (candidates first, as `CohortReader` delivers them), so that
    /// reading and writing a large folder can overlap. If `feed` throws, nothing is written.
    ///
    /// `calendar`, when the folder has a `calendar.csv`, is given the cohorts' certifications
    /// once the candidates are written (a new cohort's calendar can date its épreuves) and
    /// returns the checked entries, recorded in the same transaction: all or nothing.
    public func importCohort(source: String, actor: Actor,
                             feed: (_ write: (CohortBatch) throws -> Void) throws -> Void,
                             calendar: CalendarFeed? = nil)
        throws -> ImportSummary {
        try writer.write { db in
            let session = try CohortWriter(db, source: source, actor: actor)
            try feed { try session.write($0) }
            var summary = try session.finish()
            // One entry per import: every row written carries the batch id it names.
            try AuditLog.append(db, actor: actor, action: "cohort.import", subject: source, details: [
                "batch": String(summary.batchID), "new_candidates": String(summary.newCandidates),
                "events": String(summary.events), "stages": String(summary.stages),
                "experiences": String(summary.experiences), "decisions": String(summary.decisions),
            ])
            if let calendar {
                let (file, entries) = try calendar(try CalendarWriter.cohortCertifications(db))
                summary.calendar = try CalendarWriter.record(db, entries, source: file, actor: actor)
            }
            return summary
        }
    }
}
