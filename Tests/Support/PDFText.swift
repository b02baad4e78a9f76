import Foundation

/// A PDF read back the way a reader would get it: poppler-utils' pdftotext and pdfinfo
/// (installed by .ci/run). Shared by the tests of every target that writes PDFs.
public enum PDFText {
    /// The text of the whole document, pages separated by form feeds: laid out as on the page,
    /// or in reading order (a table cell's lines together).
    public static func extract(_ path: String, layout: Bool = true) throws -> String {
        try run("/usr/bin/pdftotext", (layout ? ["-layout"] : []) + [path, "-"])
    }

    /// The text of each page.
    public static func pages(_ path: String) throws -> [String] {
        var pages = try extract(path).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    /// The document's text in reading order with single spaces between words: where lines
    /// break does not matter.
    public static func flat(_ path: String) throws -> String {
        flat(text: try extract(path, layout: false))
    }

    public static func flat(text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The number of pages pdfinfo reports.
    public static func pageCount(_ path: String) throws -> Int {
        let line = try run("/usr/bin/pdfinfo", [path]).split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? 0
    }

    private static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
