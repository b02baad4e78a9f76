/// A calendar day with no time zone: exam dates, jury dates, stage bounds.
///
/// Stored as `year * 10_000 + month * 100 + day` so that comparing two days is comparing
/// two integers (the rules engine compares dates in its hot loop).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil when the triple is not a real calendar day (2026-02-30, month 13…).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A day typed by a person in a form: ISO (what a date field sends) or French "23/11/2026".
    public init?(typed text: String) {
        var text = Substring(text)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        if let day = Day(iso: text) {
            self = day
            return
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3, let day = parts[0], let month = parts[1], let year = parts[2], year >= 1000 else {
            return nil
        }
        self.init(year: year, month: month, day: day)
    }

    /// Parses exactly `YYYY-MM-DD`; nil for anything else, including impossible days.
    public init?(iso text: some StringProtocol) {
        // Hot path of every import: read the UTF-8 bytes in place, no intermediate array.
        var text = String(text)
        let parsed: (Int, Int, Int)?? = text.withUTF8 { u in
            guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return .some(nil) }
            func digits(_ r: Range<Int>) -> Int? {
                var v = 0
                for i in r {
                    let c = u[i]
                    guard c >= 48, c <= 57 else { return nil }
                    v = v * 10 + Int(c - 48)
                }
                return v
            }
            guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return .some(nil) }
            return (y, m, d)
        }
        guard let triple = parsed ?? nil else { return nil }
        self.init(year: triple.0, month: triple.1, day: triple.2)
    }

    public var key: Int { year * 10_000 + month * 100 + day }

    public static func < (a: Day, b: Day) -> Bool { a.key < b.key }

    public var description: String { iso }

    public var iso: String {
        String(unsafeUninitializedCapacity: 10) { buffer in
            func put(_ value: Int, at end: Int, width: Int) {
                var v = value
                for i in stride(from: end, to: end - width, by: -1) {
                    buffer[i] = UInt8(48 + v % 10)
                    v /= 10
                }
            }
            put(year, at: 3, width: 4)
            buffer[4] = UInt8(ascii: "-")
            put(month, at: 6, width: 2)
            buffer[7] = UInt8(ascii: "-")
            put(day, at: 9, width: 2)
            return 10
        }
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for day arithmetic.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(ordinal z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.year = y
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Same day `months` calendar months later; a day that does not exist in the target month
    /// is clamped to its last day (31 January + 1 month = 28 or 29 February). Past year 9999 (a
    /// date typed 9999-…, found by fuzzing) the answer is 31 December 9999, the last day there is.
    public func adding(months: Int) -> Day {
        let total = (year * 12 + (month - 1)) + months
        if total > 9999 * 12 + 11 { return Day(year: 9999, month: 12, day: 31)! }
        let y = total / 12
        let m = total % 12 + 1
        let d = min(day, Day.daysIn(month: m, year: y))
        return Day(year: y, month: m, day: d)!
    }

    /// Number of days from `self` to `other`, both included (a one-day stage lasts 1 day).
    public func inclusiveDays(to other: Day) -> Int { other.ordinal - ordinal + 1 }

    private static let frenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                                       "août", "septembre", "octobre", "novembre", "décembre"]

    /// "23 novembre 2026", "1er mars 2027".
    public var french: String {
        "\(day == 1 ? "1er" : String(day)) \(Day.frenchMonths[month - 1]) \(year)"
    }
}

/// A day is written "2027-06-30" (the JSON a rectification keeps).
extension Day: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "date « \(text) » invalide")
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
