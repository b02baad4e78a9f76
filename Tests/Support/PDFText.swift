import Foundation

/// A PDF read back the way a reader gets it, in Swift (no poppler needed): the project's own
/// PDFs, as cairo writes them. Shared by the tests of every target that writes PDFs; where
/// poppler-utils is installed (.ci/run), a test checks this reading against pdftotext's.
public enum PDFText {
    /// The text of the whole document, pages separated by form feeds.
    public static func extract(_ path: String) throws -> String {
        try pages(path).joined(separator: "\u{0C}")
    }

    /// The text of each page, a line per line drawn.
    public static func pages(_ path: String) throws -> [String] {
        let file = try PDFFile(path: path)
        return try file.pages().map { try PDFPageText.read($0, in: file) }
    }

    /// The document's text in reading order with single spaces between words: where lines
    /// break does not matter.
    public static func flat(_ path: String) throws -> String {
        flat(text: try extract(path))
    }

    /// The flat text of a PDF received as bytes (a download).
    public static func flat(bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pdftext-\(UUID().uuidString).pdf").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try flat(path)
    }

    public static func flat(text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The base names of the fonts the pages use, subset tags removed ("DejaVuSans-Bold").
    public static func fontNames(_ path: String) throws -> Set<String> {
        let file = try PDFFile(path: path)
        var names = Set<String>()
        for page in try file.pages() {
            let resources = try page["Resources"].map(file.resolve)?.dictionary ?? [:]
            for font in (try resources["Font"].map(file.resolve)?.dictionary ?? [:]).values {
                guard let base = try file.resolve(font).dictionary?["BaseFont"]?.name else { continue }
                names.insert(String(base.split(separator: "+").last ?? ""))
            }
        }
        return names
    }

    /// The number of pages of the page tree.
    public static func pageCount(_ path: String) throws -> Int {
        try PDFFile(path: path).pages().count
    }
}
