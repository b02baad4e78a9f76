import Foundation
import CertifolioTestSupport
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
        let text = try PDFText.flat(path)
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
