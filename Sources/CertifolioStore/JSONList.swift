import Foundation

/// A list of strings as one SQL argument, read back with `IN (SELECT value FROM json_each(?))`:
/// one statement whatever the list's length, every value quoted as JSON requires (a hand-built
/// array broke on a quote).
enum JSONList {
    static func of(_ values: [String]) -> String {
        // Encoding strings into a JSON array cannot fail: there is nothing a string cannot hold.
        String(decoding: (try? JSONEncoder().encode(values)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
