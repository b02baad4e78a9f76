import Foundation
import GRDB

enum Timestamp {
    /// UTC, to the second: when a row was recorded.
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
