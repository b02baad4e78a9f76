import CertifolioCore
import Foundation
import Testing
@testable import CertifolioApp

/// A cohort's calendar: a deadline for each work handed in, a day and place for each épreuve
/// sat, as the référentiel says each is taken; all or nothing, every change audited.
@Suite struct CalendarTests {
    static let header = "cohort,component,modality,deadline,date,place\n"

    func sandbox() throws -> ImportPipelineTests.Sandbox {
        let sandbox = try ImportPipelineTests.Sandbox()
        _ = try sandbox.database.importCohort(folder: try sandbox.cohort(candidates: 2, eventsPerCandidate: 1), actor: tester)
        return sandbox
    }

    func file(_ s: ImportPipelineTests.Sandbox, _ lines: String) throws -> String {
        let path = s.folder.appendingPathComponent("calendar-\(UUID().uuidString).csv").path
        try (Self.header + lines).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func datesAreRecordedThenReplacedWithWhatTheyReplacedInTheAudit() throws {
        let s = try sandbox()
        // Cohort P is RNCP36888: its note de synthèse is handed in, its exposé oral is sat.
        let first = try file(s, "P,RNCP36888BC01,note_synthese,2026-01-16 12:00,,\nP,RNCP36888BC01,expose_oral,,2026-03-05,Lyon\n")
        #expect(try s.database.importCalendar(file: first, actor: tester) == CalendarSummary(added: 2))
        #expect(try s.database.importCalendar(file: first, actor: tester) == CalendarSummary(unchanged: 2))
        #expect(try s.database.calendar(cohort: "P").map(\.schedule) == [
            .deadline(ParisTime(paris: Day(iso: "2026-01-16")!, hour: 12, minute: 0)!),
            .sitting(Day(iso: "2026-03-05")!, place: "Lyon"),
        ])
        // A day alone is its last minute.
        let later = try file(s, "P,RNCP36888BC01,note_synthese,2026-01-23,,\n")
        #expect(try s.database.importCalendar(file: later, actor: tester) == CalendarSummary(changed: 1))
        let audit = try #require(try s.database.auditEntries().last)
        #expect(audit.action == "calendar.change")
        #expect(audit.details.contains("2026-01-23T23:59") && audit.details.contains("2026-01-16T12:00"))
    }

    @Test func aFileWithOneBadLineRecordsNothing() throws {
        let s = try sandbox()
        let audit = try s.database.auditEntries().count
        let bad = try file(s, "P,RNCP36888BC01,note_synthese,2026-01-16 12:00,,\nP,RNCP36888BC01,expose_oral,2026-02-01,,\n"
                           + "Q,final,memoire,2027-05-28,,\nP,RNCP41818BC01,note_synthese,2026-01-16,,\n")
        do {
            _ = try s.database.importCalendar(file: bad, actor: tester)
            Issue.record("a bad calendar was accepted")
        } catch let error as InputErrors {
            #expect(error.errors.map { [$0.location.line, $0.location.column ?? 0] }
                    == [[3, 4], [3, 5], [3, 6], [4, 1], [5, 3]])
            #expect(error.message.hasSuffix("Aucune date du calendrier n'a été enregistrée."))
        }
        #expect(try s.database.calendar().isEmpty)
        #expect(try s.database.auditEntries().count == audit)
    }

    @Test func aCohortFolderCarriesItsCalendarAndABadOneRefusesTheWholeFolder() throws {
        let s = try ImportPipelineTests.Sandbox()
        // A new cohort's calendar can date its épreuves: its candidates are written first.
        let good = try s.cohort(candidates: 2, eventsPerCandidate: 1)
        try (Self.header + "P,RNCP36888BC01,note_synthese,2026-01-16 12:00,,\n")
            .write(toFile: good + "/calendar.csv", atomically: true, encoding: .utf8)
        let summary = try s.database.importCohort(folder: good, actor: tester)
        #expect(summary.calendar == CalendarSummary(added: 1))
        #expect(try s.database.calendar(cohort: "P").count == 1)

        let bad = try s.cohort(candidates: 3, eventsPerCandidate: 1)
        try (Self.header + "P,RNCP36888BC01,expose_oral,2026-02-01,,\n")
            .write(toFile: bad + "/calendar.csv", atomically: true, encoding: .utf8)
        let candidates = try s.database.enrolledCandidates().count
        #expect(throws: InputErrors.self) { try s.database.importCohort(folder: bad, actor: tester) }
        #expect(try s.database.enrolledCandidates().count == candidates)
    }
}
