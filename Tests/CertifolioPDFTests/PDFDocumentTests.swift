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

    /// Ligatures (pango draws "fi" as one glyph, even at the start of a wrapped line) and two
    /// texts side by side on one line come back as words.
    @Test func ligaturesAndSideBySideTextsComeBackAsWords() throws {
        let path = folder.appendingPathComponent("ligatures.pdf").path
        let pdf = try PDFDocument(path: path, title: "Essai")
        pdf.paragraph("Certification : fidéliser, efficace, affluence.", width: 110)
        pdf.draw("Le président du jury", style: .body, x: 48, y: 400, width: 200)
        pdf.draw("Pour le certificateur", style: .body, x: 350, y: 400, width: 200)
        try pdf.finish()
        #expect(try PDFText.flat(path) == "Certification : fidéliser, efficace, affluence. Le président du jury Pour le certificateur Page 1")
    }

    /// Names from every corner of Europe and beyond, typeset in DejaVu (no fallback font that
    /// would draw some letters differently) and read back with their accents.
    @Test func anyUnicodeNameIsTypesetInDejaVuAndComesBack() throws {
        let path = folder.appendingPathComponent("names.pdf").path
        let names = ["Łukasz Wróbel", "Nguyễn Thị Ánh", "Şükrü Öztürk", "Zoë Ødegård"]
        let pdf = try PDFDocument(path: path, title: "Noms")
        for name in names { pdf.paragraph("Candidat : \(name)") }
        let table = PDFTable(pdf, columns: [.init("Nom", weight: 1)])
        table.begin()
        for name in names { table.row([name], bold: true) }
        table.end()
        try pdf.finish()
        let text = try PDFText.flat(path)
        for name in names {
            #expect(text.contains("Candidat : \(name)"))
            #expect(text.components(separatedBy: name).count == 3, "\(name) once in a paragraph, once in the table")
        }
        let fonts = try PDFText.fontNames(path)
        #expect(!fonts.isEmpty)
        for font in fonts { #expect(font.contains("DejaVuSans"), "\(font) is not DejaVu Sans") }
    }

    @Test func withoutTheRuntimeLibrariesAPDFIsRefusedNamingWhatToInstall() throws {
        var libraries = PangoCairo.Libraries()
        libraries.pangoCairo = .init(file: "libpangocairo-absente.so.0", package: "libpangocairo-1.0-0")
        let missing = PangoCairo.load(libraries)
        #expect(throws: PangoCairo.Unavailable.missingLibrary(libraries.pangoCairo)) { try missing.get() }
        let path = folder.appendingPathComponent("pv.pdf").path
        do {
            _ = try PDFDocument(path: path, title: "x", footer: nil, margin: 48, typesetter: missing)
            Issue.record("a PDF was started without pangocairo")
        } catch let error as PDFError {
            #expect(error.message.contains("pv.pdf"))
            #expect(error.message.contains("libpangocairo-absente.so.0 est introuvable"))
            #expect(error.message.contains("installez le paquet Debian libpangocairo-1.0-0"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(throws: Never.self) { try PangoCairo.system.get() }
        #expect(PDFDocument.unavailability == nil)
    }

    /// The Swift reading of the tests (CertifolioTestSupport) against poppler's, where .ci/run
    /// installed it: the same words in the same order.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")))
    func theSwiftReadingAgreesWithPoppler() throws {
        let path = folder.appendingPathComponent("poppler.pdf").path
        let pdf = try PDFDocument(path: path, title: "Comparaison", footer: "Essai")
        pdf.paragraph("Procès-verbal : Hélène Façon, « étude de cas » — Œuvre, Łukasz Wróbel, Nguyễn Thị Ánh. "
                      + String(repeating: "Une phrase assez longue, fidèle et efficace pour passer à la ligne. ", count: 6))
        pdf.draw("Le président du jury", style: .body, x: 48, y: 300, width: 200)
        pdf.draw("Pour le certificateur", style: .body, x: 350, y: 300, width: 200)
        pdf.moveTo(y: 330)
        let table = PDFTable(pdf, columns: [.init("Candidat", weight: 1), .init("Décision", weight: 2)])
        table.begin()
        for i in 1...120 { table.row(["C\(i)", "Validé par décision du jury n° \(i)"]) }
        table.end()
        try pdf.finish()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = [path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let poppler = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(PDFText.flat(text: poppler) == (try PDFText.flat(path)))
        #expect(poppler.components(separatedBy: "\u{0C}").count - 1 == (try PDFText.pageCount(path)))
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

    /// `counted` measures first on a document that draws nothing, then draws: the page count
    /// it found is the one drawn, every page says "x/y", and repeated cells (drawn from the
    /// cache of shaped texts) appear wherever they are due, unique ones once.
    @Test func aCountedDocumentNumbersItsPagesAsDrawn() throws {
        let path = folder.appendingPathComponent("counted.pdf").path
        let words = ["Validé", "Ajourné", "Acquis", "—"]
        let pages = try PDFDocument.counted(path: path, title: "Table", footer: "Essai") { pdf in
            pdf.paragraph("Décisions", style: .heading)
            let table = PDFTable(pdf, columns: [.init("Candidat", weight: 3), .init("BC01", weight: 1, alignment: .center),
                                                .init("Titre", weight: 1, alignment: .center)])
            table.begin()
            for i in 1...400 {
                // Some names wrap onto two lines: the rows' heights vary as they will in a PV.
                let name = "C\(i) — " + (i % 7 == 0 ? "Marie-Hélène de la Tour d'Auvergne-Lauraguais" : "Léa Martin")
                table.row([name, words[i % 4], words[(i / 2) % 4]], shaded: i % 2 == 1)
            }
            table.end()
            pdf.paragraph("Fin du tableau.")
        }
        let drawn = try PDFText.pages(path)
        #expect(pages > 5 && drawn.count == pages)
        for (n, page) in drawn.enumerated() {
            #expect(PDFText.flat(text: page).contains("Essai — page \(n + 1)/\(pages)"), "page \(n + 1)")
        }
        let text = try PDFText.flat(path)
        for i in [1, 7, 200, 399, 400] { #expect(text.contains("C\(i) — "), "row \(i)") }
        #expect(text.components(separatedBy: "Validé").count - 1 == 200)
        #expect(drawn.last.map { PDFText.flat(text: $0).contains("Fin du tableau.") } == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["counted.pdf"])
    }

    /// A text shaped once is drawn again from the cache; a full cache starts again empty, and
    /// a layout in use outlives its eviction.
    @Test func shapedTextsAreKeptUpToTheCacheCapacity() throws {
        let cache = TextLayouts(capacity: 2)
        var shaped = 0
        func layout(_ text: String) -> TextLayouts.Layout {
            cache.layout(.init(text: text, font: "DejaVu Sans 10", alignment: .left, width: 100)) {
                shaped += 1
                return TextLayouts.Layout(pointer: OpaquePointer(bitPattern: 0x1000 + shaped)!, height: Double(shaped),
                                          release: { _ in })
            }
        }
        let first = layout("Validé")
        #expect(layout("Validé") === first && shaped == 1)
        _ = layout("Ajourné")
        _ = layout("Acquis")  // the cache was full: it starts again with this one
        #expect(shaped == 3 && first.height == 1)
        #expect(layout("Validé") !== first && shaped == 4)
        #expect(layout("Acquis").height == 3 && shaped == 4)
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
