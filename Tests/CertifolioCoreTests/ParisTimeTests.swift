import Testing
@testable import CertifolioCore

/// Times shown to people are Paris time (contract §6): UTC+1, or UTC+2 from the last Sunday of
/// March 01:00 UTC to the last Sunday of October 01:00 UTC.
@Suite struct ParisTimeTests {
    @Test(arguments: [
        ("2027-01-15T10:00:00Z", "15 janvier 2027 à 11:00 (heure de Paris)"),
        ("2027-06-30T16:05:12Z", "30 juin 2027 à 18:05 (heure de Paris)"),
        ("2026-12-31T23:30:00Z", "1er janvier 2027 à 00:30 (heure de Paris)"),
        // 28 March 2027 is the last Sunday of March: 01:59 then 03:00 in Paris.
        ("2027-03-28T00:59:00Z", "28 mars 2027 à 01:59 (heure de Paris)"),
        ("2027-03-28T01:00:00Z", "28 mars 2027 à 03:00 (heure de Paris)"),
        // 31 October 2027 is the last Sunday of October: 02:59 summer time, then 02:00 winter time.
        ("2027-10-31T00:59:00Z", "31 octobre 2027 à 02:59 (heure de Paris)"),
        ("2027-10-31T01:00:00Z", "31 octobre 2027 à 02:00 (heure de Paris)"),
        ("2026-10-25T00:30:00Z", "25 octobre 2026 à 02:30 (heure de Paris)"),
    ])
    func storedUTCTimesReadInParis(_ stored: String, _ french: String) {
        #expect(ParisTime(stored: stored)?.french == french)
    }

    @Test func lastSundaysAreFound() {
        #expect(ParisTime.lastSunday(month: 3, year: 2027).iso == "2027-03-28")
        #expect(ParisTime.lastSunday(month: 10, year: 2026).iso == "2026-10-25")
        #expect(ParisTime.lastSunday(month: 3, year: 2024).iso == "2024-03-31")
    }

    @Test func aTimestampThatIsNotOneIsNotReadAsOne() {
        for bad in ["", "2027-06-30", "2027-06-30T25:00:00Z", "2027-02-30T10:00:00Z", "hier à midi"] {
            #expect(ParisTime(stored: bad) == nil)
        }
    }
}
