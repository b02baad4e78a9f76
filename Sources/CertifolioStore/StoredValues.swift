import CertifolioCore
import Foundation
import GRDB

/// Dates and decimals as the schema stores them (TEXT), read back strictly: a bad value in
/// the file is a damaged database, reported as such rather than guessed at.
enum StoredDay {
    static func parse(_ text: String) throws -> Day {
        guard let day = Day(iso: text) else { throw DatabaseError(message: "date stockée invalide : \(text)") }
        return day
    }
}

enum StoredDecimal {
    static func parse(_ text: String) throws -> ExactDecimal {
        guard let value = ExactDecimal(parsing: text) else { throw DatabaseError(message: "nombre stocké invalide : \(text)") }
        return value
    }
}

enum Timestamp {
    /// UTC, to the second: when a row was recorded.
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
