import CertifolioCore
import GRDB

extension AppDatabase {
    /// The certifications of each cohort's candidates (what its calendar may date).
    public func cohortCertifications() throws -> [String: [CertificationCode]] {
        try writer.read { db in try CalendarWriter.cohortCertifications(db) }
    }

    /// Records checked calendar entries in one transaction: an épreuve's dates are replaced,
    /// each addition or change audited with what it replaced; the same dates again change nothing.
    public func recordCalendar(_ entries: [CalendarEntry], source: String, actor: Actor) throws -> CalendarSummary {
        try writer.write { db in try CalendarWriter.record(db, entries, source: source, actor: actor) }
    }

    /// A cohort's calendar (every cohort's when nil), by cohort then épreuve.
    public func calendar(cohort: String? = nil) throws -> [CalendarEntry] {
        try writer.read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM calendar_entry \(cohort == nil ? "" : "WHERE cohort = ?") ORDER BY cohort, component, coalesce(deadline, sitting_date), modality
                """), arguments: cohort.map { [$0] } ?? []).map(CalendarRow.entry)
        }
    }
}

/// The calendar's writes, inside a transaction the caller holds (its own, or a cohort import's
/// when the folder carries a `calendar.csv`).
enum CalendarWriter {
    static func cohortCertifications(_ db: Database) throws -> [String: [CertificationCode]] {
        var result: [String: [CertificationCode]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT DISTINCT cohort, certification FROM enrolment WHERE cohort <> '' ORDER BY cohort, certification
            """) {
            result[try row.decode(forColumn: "cohort"), default: []].append(try row.decode(forColumn: "certification"))
        }
        return result
    }

    static func record(_ db: Database, _ entries: [CalendarEntry], source: String, actor: Actor) throws -> CalendarSummary {
        var summary = CalendarSummary()
        for entry in entries {
            let key: StatementArguments = [entry.cohort, entry.component, entry.modality]
            let before = try Row.fetchOne(db, sql: """
                SELECT * FROM calendar_entry WHERE cohort = ? AND component = ? AND modality = ?
                """, arguments: key).map(CalendarRow.entry)
            if before == entry {
                summary.unchanged += 1
                continue
            }
            let (deadline, day, place) = CalendarRow.columns(entry.schedule)
            try db.execute(sql: """
                INSERT INTO calendar_entry (cohort, component, modality, deadline, sitting_date, place, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (cohort, component, modality) DO UPDATE SET deadline = excluded.deadline,
                    sitting_date = excluded.sitting_date, place = excluded.place, updated_at = excluded.updated_at
                """, arguments: key + [deadline, day, place, Timestamp.now()])
            var details = ["source": source, "component": entry.component.fileValue,
                           "modality": entry.modality.rawValue, "schedule": CalendarRow.describe(entry.schedule)]
            if let before { details["replaces"] = CalendarRow.describe(before.schedule) }
            try AuditLog.append(db, actor: actor, action: before == nil ? "calendar.add" : "calendar.change",
                                subject: entry.cohort, details: details)
            if before == nil { summary.added += 1 } else { summary.changed += 1 }
        }
        return summary
    }
}

/// A `calendar_entry` row, by column name.
enum CalendarRow {
    static func entry(_ row: Row) throws -> CalendarEntry {
        let schedule: CalendarEntry.Schedule
        if let time: ParisTime = try row.decode(forColumn: "deadline") {
            schedule = .deadline(time)
        } else {
            schedule = .sitting(try row.decode(forColumn: "sitting_date"), place: try row.decode(forColumn: "place"))
        }
        return CalendarEntry(cohort: try row.decode(forColumn: "cohort"), component: try row.decode(forColumn: "component"),
                             modality: try row.decode(forColumn: "modality"), schedule: schedule)
    }

    static func columns(_ schedule: CalendarEntry.Schedule) -> (deadline: ParisTime?, day: Day?, place: String?) {
        switch schedule {
        case .deadline(let time): return (time, nil, nil)
        case let .sitting(day, place): return (nil, day, place)
        }
    }

    /// For the audit trail: "échéance 2027-05-31T23:59" or "épreuve 2027-06-15, Lyon".
    static func describe(_ schedule: CalendarEntry.Schedule) -> String {
        switch schedule {
        case .deadline(let time): return "échéance \(time.stored)"
        case let .sitting(day, place): return "épreuve \(day.iso), \(place)"
        }
    }
}
