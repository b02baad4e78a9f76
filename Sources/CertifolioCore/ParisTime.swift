import Foundation

/// A moment as people in France read it: the legal time of metropolitan France (Europe/Paris),
/// UTC+1 in winter and UTC+2 from the last Sunday of March to the last Sunday of October, the
/// change at 01:00 UTC (EU rule in force since 1996). Computed here rather than read from the
/// system's time-zone database, so that every machine writes the same documents.
public struct ParisTime: Sendable, Equatable {
    public var day: Day
    public var hour: Int
    public var minute: Int

    /// From a UTC date and time of day.
    public init(utc day: Day, hour: Int, minute: Int) {
        let offset = Self.isSummerTime(utc: day, hour: hour) ? 2 : 1
        let minutes = hour * 60 + minute + offset * 60
        self.day = day.adding(days: minutes / (24 * 60))
        self.hour = minutes % (24 * 60) / 60
        self.minute = minutes % 60
    }

    /// A Paris time as people write it (a deadline): nil for an hour or minute out of range.
    public init?(paris day: Day, hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// "2027-05-31 23:59", "2027-05-31T23:59", or a day alone "2027-05-31" (its last minute,
    /// 23:59): a Paris time as a file or a form writes it.
    public init?(typed text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let day = Day(iso: String(t.prefix(10))) else { return nil }
        if t.count == 10 {
            self.init(paris: day, hour: 23, minute: 59)
            return
        }
        let rest = t.dropFirst(10)
        guard rest.count == 6, rest.first == " " || rest.first == "T", rest.dropFirst(3).first == ":",
              let hour = Int(rest.dropFirst().prefix(2)), let minute = Int(rest.suffix(2)) else { return nil }
        self.init(paris: day, hour: hour, minute: minute)
    }

    /// "2027-05-31T23:59", Paris time, as the calendar stores it (sorts as it reads).
    public var stored: String { "\(day.iso)T\(Self.two(hour)):\(Self.two(minute))" }

    /// From a stored timestamp "2027-06-30T16:05:12Z" (UTC); nil when it is not one.
    public init?(stored: String) {
        let parts = Array(stored.utf8)
        guard parts.count >= 16, let day = Day(iso: String(stored.prefix(10))),
              let hour = Int(String(stored.dropFirst(11).prefix(2))), (0..<24).contains(hour),
              let minute = Int(String(stored.dropFirst(14).prefix(2))), (0..<60).contains(minute) else { return nil }
        self.init(utc: day, hour: hour, minute: minute)
    }

    /// "30 juin 2027 à 18:05 (heure de Paris)".
    public var french: String {
        "\(day.french) à \(Self.two(hour)):\(Self.two(minute)) (heure de Paris)"
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// "2026-12-04T10:15:07+01:00": a UTC moment in Paris time with its explicit offset, to the
    /// second (an xsd:dateTime as the Caisse des Dépôts' schema takes it: no "Z", no fraction).
    public static func offsetDateTime(utc day: Day, hour: Int, minute: Int, second: Int) -> String {
        let paris = ParisTime(utc: day, hour: hour, minute: minute)
        let offset = isSummerTime(utc: day, hour: hour) ? 2 : 1
        return "\(paris.stored):\(two(second))+0\(offset):00"
    }

    static func isSummerTime(utc day: Day, hour: Int) -> Bool {
        let start = lastSunday(month: 3, year: day.year)
        let end = lastSunday(month: 10, year: day.year)
        let afterStart = day > start || (day == start && hour >= 1)
        let beforeEnd = day < end || (day == end && hour < 1)
        return afterStart && beforeEnd
    }

    static func lastSunday(month: Int, year: Int) -> Day {
        let last = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
        // 1970-01-01 was a Thursday: ordinal 0 is weekday 4 (Sunday = 0).
        let weekday = ((last.ordinal % 7) + 7 + 4) % 7
        return last.adding(days: -weekday)
    }
}

extension ParisTime: Comparable {
    /// Earlier first: by day, then hour, then minute (two Paris times, one clock).
    public static func < (a: ParisTime, b: ParisTime) -> Bool {
        (a.day, a.hour, a.minute) < (b.day, b.hour, b.minute)
    }
}
