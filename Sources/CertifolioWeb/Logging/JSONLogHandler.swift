import Foundation
import Logging

/// One JSON object per line on the standard error: `at`, `level`, `label`, `message` and the
/// metadata's keys, for a log collector to read without parsing prose. What the server logs holds
/// no personal data (RequestLogMiddleware, ErrorPageMiddleware): routes, statuses, durations,
/// account ids.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let label: String
    private let write: @Sendable (String) -> Void

    public init(label: String, write: @escaping @Sendable (String) -> Void = JSONLogHandler.standardError) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?,
                    source: String, file: String, function: String, line: UInt) {
        var object: [String: String] = [:]
        for (key, value) in metadata.merging(extra ?? [:], uniquingKeysWith: { _, new in new }) {
            object[key] = "\(value)"
        }
        // A format style, not a formatter made per line: this runs at every request.
        object["at"] = Date().formatted(.iso8601)
        object["level"] = level.rawValue
        object["label"] = label
        object["message"] = message.description
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
        write(String(decoding: data, as: UTF8.self))
    }

    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
