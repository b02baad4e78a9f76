import CertifolioCore
import CertifolioInterchange
import CertifolioRules
import CertifolioStore
import Foundation

/// A cohort's calendar: the deadlines of the works to hand in and the dates and places of the
/// épreuves sat (issue 12).
extension Certifolio {
    /// Reads, checks and records a `calendar.csv` (contract §7), all or nothing.
    public func importCalendar(file: String, actor: Actor) throws -> CalendarSummary {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputError(SourceLocation(file: file), "fichier introuvable ou illisible.")
        }
        return try importCalendar(bytes: [UInt8](data), name: file, actor: actor)
    }

    /// The same for a file's content (a web upload); `name` names it in errors and in the audit.
    public func importCalendar(bytes: [UInt8], name: String, actor: Actor) throws -> CalendarSummary {
        let entries = try CalendarReader.read(file: name, bytes: bytes, check: try calendarCheck())
        return try database.recordCalendar(entries, source: name, actor: actor)
    }

    /// Records one épreuve's dates from the gestionnaire's page: the same check as a line of
    /// `calendar.csv`; a refusal is a `CalendarRefused` naming each field at fault.
    @discardableResult
    public func setCalendarEntry(_ draft: CalendarDraft, actor: Actor) throws -> CalendarSummary {
        let entry = try calendarCheck().check(draft).get()
        return try database.recordCalendar([entry], source: "page Calendrier", actor: actor)
    }

    /// The check of a calendar line against the cohorts recorded and their référentiels.
    public func calendarCheck() throws -> CalendarCheck {
        let referentiels = try database.referentiels()
        return CalendarCheck(cohorts: try database.cohortCertifications().mapValues { codes in
            codes.compactMap { referentiels[$0] }
        })
    }

    /// A cohort's calendar (every cohort's when nil), by cohort then épreuve.
    public func calendar(cohort: String? = nil) throws -> [CalendarEntry] {
        try database.calendar(cohort: cohort)
    }
}
