import Foundation
import Testing
@testable import CertifolioPDF

/// The typesetter's own promises: accents survive, tables flow onto new pages with their
/// header, and a file that cannot be written is refused without leaving anything behind.
struct PDFDocumentTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("certifolio-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    @Test func frenchTextComesBackFromTheFile() throws {
        let path = folder.appendingPathComponent("accents.pdf").path
        let pdf = try PDFDocument(path: path, title: "Essai")
        pdf.paragraph("Procès-verbal du jury : Hélène Façon, épreuve « étude de cas », 12,5/20 — Œuvre à côté.")
        try pdf.finish()
        let text = PDFText.flat(try PDFText.extract(path))
        #expect(text.contains("Procès-verbal du jury : Hélène Façon, épreuve « étude de cas », 12,5/20 — Œuvre à côté."))
    }

    @Test func aLongTableFlowsOntoNewPagesWithItsHeader() throws {
        let path = folder.appendingPathComponent("table.pdf").path
        let pdf = try PDFDocument(path: path, title: "Table", footer: "Essai")
        let table = PDFTable(pdf, columns: [.init("Candidat", weight: 1), .init("Décision", weight: 2)])
        table.begin()
        for i in 1...200 { table.row(["C\(i)", "validé"]) }
        table.end()
        try pdf.finish()
        #expect(pdf.pageNumber > 3)
        let pages = try PDFText.pages(path)
        #expect(pages.count == pdf.pageNumber)
        for page in pages { #expect(page.contains("Candidat")) }
        #expect(pages.last!.contains("C200"))
        #expect(pages[1].contains("Essai — page 2"))
    }

    @Test func anUnwritablePathIsRefusedAndLeavesNothing() throws {
        let missing = folder.appendingPathComponent("absent/pv.pdf").path
        #expect(throws: PDFError.self) { _ = try PDFDocument(path: missing, title: "x") }
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func anAbandonedDocumentLeavesNoTemporaryFile() throws {
        let path = folder.appendingPathComponent("abandon.pdf").path
        do {
            let pdf = try PDFDocument(path: path, title: "x")
            pdf.paragraph("rien")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}

/// pdftotext (poppler-utils), the way a reader would get the text back.
enum PDFText {
    static func extract(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-layout", path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Words separated by single spaces: line breaks of the layout do not matter.
    static func flat(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func pages(_ path: String) throws -> [String] {
        var pages = try extract(path).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }
}
