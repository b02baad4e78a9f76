import CertifolioCore
import Foundation
import Testing
@testable import CertifolioApp

/// Deposits: a PDF, ODT or DOCX by its content, for an épreuve of the candidate's certification
/// that is handed in, before the deadline in force; each a new version with its receipt and
/// audit entry; a refusal writes nothing and leaves no file; every recorded file is checked.
@Suite struct DepositTests {
    /// Cohort P (RNCP36888): BC01's note de synthèse is handed in (deadline 16 January 2026,
    /// noon), its exposé oral is sat.
    final class Portfolio {
        let sandbox: ImportPipelineTests.Sandbox
        let app: Certifolio
        var folder: URL { sandbox.folder }

        init(limit: Int64? = nil) throws {
            sandbox = try ImportPipelineTests.Sandbox()
            app = try Certifolio.create(path: sandbox.folder.appendingPathComponent("t.sqlite").path, depositLimit: limit)
            _ = try app.importCohort(folder: try sandbox.cohort(candidates: 2, eventsPerCandidate: 1), actor: tester)
            let calendar = sandbox.folder.appendingPathComponent("calendar.csv").path
            try "cohort,component,modality,deadline,date,place\nP,RNCP36888BC01,note_synthese,2026-01-16 12:00,,\n"
                .write(toFile: calendar, atomically: true, encoding: .utf8)
            _ = try app.importCalendar(file: calendar, actor: tester)
        }

        func file(_ name: String, _ bytes: [UInt8]) throws -> String {
            let path = folder.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }

        func draft(_ component: String = "RNCP36888BC01", _ modality: String = "note_synthese",
                   candidate: String = "K0", files: [String]) throws -> DepositDraft {
            DepositDraft(candidate: CandidateID(candidate), component: component, modality: modality,
                         files: try files.map { try app.receiveFile(copying: $0) })
        }

        var incoming: [String] {
            (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("t.sqlite.files/incoming").path)) ?? []
        }
    }

    static let onTime = ParisTime(paris: Day(iso: "2026-01-16")!, hour: 12, minute: 0)!
    static let late = ParisTime(paris: Day(iso: "2026-01-16")!, hour: 12, minute: 1)!
    static let pdf = Array("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".utf8)

    /// A ZIP with the given entries, stored (no compression), as office suites write them.
    static func zip(_ entries: [(String, String)]) -> [UInt8] {
        var out: [UInt8] = [], directory: [UInt8] = []
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16) }
        for (name, content) in entries {
            let n = Array(name.utf8), c = Array(content.utf8), offset = out.count
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(c.count)
                + le32(c.count) + le16(n.count) + le16(0) + n + c
            directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0)
                + le32(c.count) + le32(c.count) + le16(n.count) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0)
                + le32(offset) + n
        }
        let start = out.count
        out += directory
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(entries.count) + le16(entries.count)
            + le32(directory.count) + le32(start) + le16(0)
        return out
    }

    static let odt = zip([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office/>")])
    static let docx = zip([("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")])

    @Test func depositsAreVersionsWithTheirFilesKeptByHashAndAudited() throws {
        let p = try Portfolio()
        let first = try p.app.deposit(try p.draft(files: [try p.file("note.pdf", Self.pdf), try p.file("annexe.odt", Self.odt),
                                                         try p.file("fiche.docx", Self.docx)]), at: Self.onTime, actor: tester)
        #expect(first.version == 1 && first.files.map(\.kind) == [.pdf, .odt, .docx])
        #expect(first.deadline == Self.onTime)
        let second = try p.app.deposit(try p.draft(files: [try p.file("note-v2.pdf", Self.pdf + [10])]), at: Self.onTime,
                                       actor: tester)
        #expect(second.version == 2)
        #expect(try p.app.deposits(of: "K0").map(\.version) == [1, 2])
        for file in first.files + second.files {
            #expect(FileManager.default.contents(atPath: p.app.storedFilePath(file)).map { $0.count } == Int(file.size))
        }
        #expect(p.incoming.isEmpty)
        let audit = try p.app.auditEntries().filter { $0.action == "deposit.add" }
        #expect(audit.count == 2 && audit[0].details.contains(first.files[0].sha256))
        let check = try p.app.verifyDepositedFiles()
        #expect(check.files == 4 && check.problems.isEmpty)
        let receipt = p.folder.appendingPathComponent("accuse.pdf").path
        try p.app.writeReceipt(second.id, of: "K0", to: receipt)
        #expect(FileManager.default.contents(atPath: receipt)?.starts(with: Array("%PDF".utf8)) == true)
        // Another candidate cannot have it.
        #expect(throws: StoreError.unknownDeposit(second.id)) { try p.app.writeReceipt(second.id, of: "K1", to: receipt) }
    }

    @Test func eachBadDepositIsRefusedWithItsReasonAndLeavesNothing() throws {
        let p = try Portfolio(limit: 100)
        let audit = try p.app.auditEntries().count
        let executable = try p.file("programme.pdf", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + Array(repeating: 0, count: 40))
        let cases: [(DepositDraft, DepositProblem)] = [
            (try p.draft(files: [executable]), .notADocument(name: "programme.pdf")),
            (try p.draft(files: [try p.file("vide.pdf", [])]), .emptyFile(name: "vide.pdf")),
            (try p.draft(files: [try p.file("gros.pdf", Self.pdf + Array(repeating: 32, count: 100))]),
             .tooLarge(name: "gros.pdf", size: Int64(Self.pdf.count + 100), limit: 100)),
            (try p.draft(files: []), .noFile),
            (try p.draft("RNCP36888BC01", "expose_oral", files: [try p.file("a.pdf", Self.pdf)]),
             .takesNoDeposit(epreuve: "RNCP36888BC01 — Exposé écrit présenté oralement (30 minutes)")),
            (try p.draft("RNCP41818BC01", "note_synthese", files: [try p.file("b.pdf", Self.pdf)]),
             .notAnEpreuve(component: "RNCP41818BC01", modality: "note_synthese", certification: "RNCP36888")),
            (try p.draft(candidate: "X9", files: [try p.file("c.pdf", Self.pdf)]), .unknownCandidate("X9")),
        ]
        for (draft, problem) in cases {
            #expect(throws: DepositRefused(problems: [problem])) { try p.app.deposit(draft, at: Self.onTime, actor: tester) }
        }
        let late = try p.draft(files: [try p.file("d.pdf", Self.pdf)])
        #expect(throws: DepositRefused(problems: [.deadlinePassed(
            epreuve: "RNCP36888BC01 — Note de synthèse (présentation d'un projet d'établissement)",
            deadline: Self.onTime, at: Self.late)])) { try p.app.deposit(late, at: Self.late, actor: tester) }
        #expect(try p.app.deposits(of: "K0").isEmpty)
        #expect(try p.app.auditEntries().count == audit)
        #expect(p.incoming.isEmpty)
    }

    @Test func anExtensionLetsOneCandidateDepositLateAndIsAudited() throws {
        let p = try Portfolio()
        try p.app.grantExtension(candidate: "K0", component: "RNCP36888BC01", modality: "note_synthese",
                                 until: "2026-01-23", reason: "Hospitalisation", actor: tester)
        let deposit = try p.app.deposit(try p.draft(files: [try p.file("n.pdf", Self.pdf)]), at: Self.late, actor: tester)
        #expect(deposit.deadline == ParisTime(paris: Day(iso: "2026-01-23")!, hour: 23, minute: 59))
        // Only K0's deadline moved.
        #expect(throws: DepositRefused.self) {
            try p.app.deposit(try p.draft(candidate: "K1", files: [try p.file("m.pdf", Self.pdf)]), at: Self.late, actor: tester)
        }
        // Audited without its reason (an illness is nobody's business in the trail), kept in its row.
        #expect(try p.app.auditEntries().contains { $0.action == "deposit.extension" && $0.details.contains("2026-01-23") })
        #expect(try !p.app.auditEntries().contains { $0.details.contains("Hospitalisation") })
        #expect(throws: DepositRefused.self) {
            try p.app.grantExtension(candidate: "K0", component: "RNCP36888BC01", modality: "expose_oral",
                                     until: "2026-01-23", reason: "x", actor: tester)
        }
    }

    @Test func aMissingOrAlteredFileIsNamedAndStrayFilesAreSwept() throws {
        let p = try Portfolio()
        let a = try p.app.deposit(try p.draft(files: [try p.file("a.pdf", Self.pdf)]), at: Self.onTime, actor: tester)
        let b = try p.app.deposit(try p.draft(files: [try p.file("b.pdf", Self.pdf + [1])]), at: Self.onTime, actor: tester)
        try FileManager.default.removeItem(atPath: p.app.storedFilePath(a.files[0]))
        try Data("altéré".utf8).write(to: URL(fileURLWithPath: p.app.storedFilePath(b.files[0])))
        let problems = try p.app.verifyDepositedFiles().problems
        #expect(problems.map(\.deposit.id) == [a.id, b.id] && problems.map(\.missing) == [true, false])
        #expect(DepositFilesBroken(problems: problems).message.contains("dépôt n° \(a.id)"))

        // What a crash leaves: a received file never recorded, a content moved in but not committed.
        let stray = try p.app.receiveFile(copying: try p.file("s.pdf", Self.pdf + [2]))
        let orphan = p.app.storedFilePath(DepositedFile(name: "o", kind: .pdf, size: 1, sha256: String(repeating: "a", count: 64)))
        try FileManager.default.createDirectory(atPath: (orphan as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data([1]).write(to: URL(fileURLWithPath: orphan))
        #expect(try p.app.sweepStrayFiles(olderThan: 3600) == 0)
        #expect(try p.app.sweepStrayFiles(olderThan: 0) == 2)
        #expect(!FileManager.default.fileExists(atPath: stray.path) && !FileManager.default.fileExists(atPath: orphan))
        #expect(FileManager.default.fileExists(atPath: p.app.storedFilePath(b.files[0])))
    }

    @Test func thePortfolioExportHoldsEveryFileItsReceiptAndASummary() throws {
        let p = try Portfolio()
        _ = try p.app.deposit(try p.draft(files: [try p.file("note.pdf", Self.pdf), try p.file("../annexe.docx", Self.docx)]),
                              at: Self.onTime, actor: tester)
        let out = p.folder.appendingPathComponent("export").path
        #expect(try p.app.exportPortfolio("K0", to: out, asOf: Day(iso: "2026-02-01")!) == 2)
        let v1 = out + "/depots/RNCP36888BC01_note_synthese/v1/"
        #expect(FileManager.default.contents(atPath: v1 + "note.pdf").map(Array.init) == Self.pdf)
        #expect(FileManager.default.fileExists(atPath: v1 + "annexe.docx"))
        #expect(FileManager.default.fileExists(atPath: v1 + "accuse-de-depot.pdf"))
        let summary = try String(contentsOfFile: out + "/resume.txt", encoding: .utf8)
        #expect(summary.contains("Note de synthèse") && summary.contains("version 1"))
        #expect(FileManager.default.fileExists(atPath: out + "/dossier.json"))
    }

    @Test func contentNotNameTellsTheKind() throws {
        let p = try Portfolio()
        let renamed = try p.app.receiveFile(copying: try p.file("rapport.pdf", Self.docx))
        #expect(renamed.kind == .docx)
        let zipOnly = try p.app.receiveFile(copying: try p.file("archive.docx", Self.zip([("a.txt", "a")])))
        #expect(zipOnly.kind == nil)
        p.app.discard([renamed, zipOnly])
    }
}
