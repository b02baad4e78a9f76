import Foundation

/// A progress bar on stderr for long imports, shown only when stderr is a terminal and the
/// input is large (a script or a log file gets no control characters). Used by one thread at
/// a time (the one reading the files).
public final class ProgressReporter: @unchecked Sendable {
    private let label: String
    private let minimumTotal: Int
    private var total = 0
    private var done = 0
    private var shownPercent = -1
    private var active = false

    public init(label: String, minimumTotal: Int = 20_000) {
        self.label = label
        self.minimumTotal = minimumTotal
    }

    /// Nil when stderr is not a terminal.
    public static func forTerminal(label: String) -> ProgressReporter? {
        isatty(STDERR_FILENO) == 1 ? ProgressReporter(label: label) : nil
    }

    func start(total: Int) {
        self.total = total
        active = total >= minimumTotal
    }

    func advance() {
        guard active else { return }
        done += 1
        let percent = done * 100 / max(total, 1)
        guard percent != shownPercent else { return }
        shownPercent = percent
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(percent) % (\(done)/\(total) lignes)".utf8))
    }

    func finish() {
        guard active else { return }
        FileHandle.standardError.write(Data("\n".utf8))
        active = false
    }
}
