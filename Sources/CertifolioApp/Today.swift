import CertifolioCore
import Foundation

/// Today's date in Paris (what "today" means to a French certifier, whatever the machine's
/// time zone).
public enum Today {
    public static func day() -> Day { moment().day }

    /// The present minute, Paris time (a deposit's moment, checked against its deadline).
    public static func moment() -> ParisTime {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let parts = utc.dateComponents([.year, .month, .day, .hour, .minute], from: Date())
        return ParisTime(utc: Day(year: parts.year!, month: parts.month!, day: parts.day!)!,
                         hour: parts.hour!, minute: parts.minute!)
    }

    /// The present second as an xsd:dateTime in Paris time with its offset ("…T10:15:07+01:00").
    public static func offsetDateTime() -> String {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let parts = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date())
        return ParisTime.offsetDateTime(utc: Day(year: parts.year!, month: parts.month!, day: parts.day!)!,
                                        hour: parts.hour!, minute: parts.minute!, second: parts.second!)
    }
}
