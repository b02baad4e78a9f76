import CertifolioCore
import Foundation

/// Today's date on this machine's calendar (what "today" means to the person at it).
public enum Today {
    public static func day() -> Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
