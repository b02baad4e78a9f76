import Testing
@testable import CertifolioCore

@Suite struct DayTests {
    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-4-01", "26-04-01", "2026/04/01", "", "2026-04-1a"])
    func refusesImpossibleOrMalformedDays(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func parsesLeapDayAndPrintsIso() {
        #expect(Day(iso: "2028-02-29")?.iso == "2028-02-29")
        #expect(Day(iso: "2000-02-29") != nil)
        #expect(Day(iso: "1900-02-29") == nil)
    }

    @Test func readsADayTypedInAFormAsIsoOrFrench() {
        #expect(Day(typed: "2026-11-23")?.iso == "2026-11-23")
        #expect(Day(typed: " 23/11/2026 ")?.iso == "2026-11-23")
        #expect(Day(typed: "1/3/2027")?.iso == "2027-03-01")
        for bad in ["31/02/2027", "23/11/26", "23/11", "23-11-2026", "", "le 23 novembre"] {
            #expect(Day(typed: bad) == nil, "\(bad)")
        }
    }

    @Test func ordersChronologically() {
        #expect(Day(iso: "2026-12-31")! < Day(iso: "2027-01-01")!)
        #expect(Day(iso: "2027-01-02")! > Day(iso: "2027-01-01")!)
    }

    @Test func addsCalendarMonthsClampingToMonthEnd() {
        #expect(Day(iso: "2026-03-01")!.adding(months: 4).iso == "2026-07-01")
        #expect(Day(iso: "2026-01-31")!.adding(months: 1).iso == "2026-02-28")
        #expect(Day(iso: "2028-01-31")!.adding(months: 1).iso == "2028-02-29")
        // Found by fuzzing: past the calendar's last year, the last day (no crash).
        #expect(Day(iso: "9999-06-15")!.adding(months: 60).iso == "9999-12-31")
        #expect(Day(iso: "2026-10-31")!.adding(months: 4).iso == "2027-02-28")
        #expect(Day(iso: "2026-11-15")!.adding(months: 14).iso == "2028-01-15")
    }

    @Test func ordinalRoundTripsAndCountsDaysInclusively() {
        var day = Day(iso: "1999-12-25")!
        for _ in 0..<800 {
            #expect(Day(ordinal: day.ordinal) == day)
            day = day.adding(days: 1)
        }
        #expect(day.iso == "2002-03-04")
        #expect(Day(iso: "2026-03-01")!.inclusiveDays(to: Day(iso: "2026-03-01")!) == 1)
        #expect(Day(iso: "2026-02-01")!.inclusiveDays(to: Day(iso: "2026-03-01")!) == 29)
        #expect(Day(iso: "1970-01-01")!.ordinal == 0)
    }

    @Test func writesFrenchDates() {
        #expect(Day(iso: "2026-11-23")!.french == "23 novembre 2026")
        #expect(Day(iso: "2027-03-01")!.french == "1er mars 2027")
        #expect(Day(iso: "2027-08-15")!.french == "15 août 2027")
    }

    @Test func stageOfFourMonthsBoundary() {
        let start = Day(iso: "2026-03-01")!
        #expect(Stage(start: start, end: Day(iso: "2026-06-30")!).lasts(atLeastMonths: 4))
        #expect(!Stage(start: start, end: Day(iso: "2026-06-29")!).lasts(atLeastMonths: 4))
        // 31 October + 4 months = 28 February: a stage to 27 February is exactly 4 months.
        let october = Day(iso: "2026-10-31")!
        #expect(Stage(start: october, end: Day(iso: "2027-02-27")!).lasts(atLeastMonths: 4))
        #expect(!Stage(start: october, end: Day(iso: "2027-02-26")!).lasts(atLeastMonths: 4))
    }
}
