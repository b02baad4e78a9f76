import CertifolioCore
import CertifolioRules
import Foundation
import CertifolioTestSupport
import Testing
@testable import CertifolioInterchange

/// Issue 15: every reader, fed thousands of seeded mutations of a valid input (byte flips,
/// truncation, a BOM, CRLF, another separator, a huge field, invalid UTF-8, an unbalanced quote, a
/// repeated header, impossible dates, NaN and negative scores), never crashes: it returns a value
/// or refuses with a French message that names its file (and, for a CSV line, its line).
@Suite struct FuzzTests {
    /// Runs `cases` mutations of `input` through `read`; every refusal must be a French,
    /// located `UserFacingError`. Returns (accepted, refused).
    static func fuzz(_ input: String, cases: Int, seed: UInt64, file: String,
                     _ read: ([UInt8]) throws -> Void) -> (Int, Int) {
        var g = Seeded(state: seed)
        var accepted = 0
        var refused = 0
        for n in 0..<cases {
            let mutated = Mutator.mutate(Array(input.utf8), &g)
            do {
                try read(mutated)
                accepted += 1
            } catch let error as UserFacingError {
                refused += 1
                let message = error.message
                #expect(message.contains(file), "case \(n): the refusal names \(file): \(message.prefix(200))")
                #expect(!message.contains("Error") && !message.contains("error:"), "case \(n): French only: \(message.prefix(200))")
            } catch {
                Issue.record("case \(n): not a user-facing refusal: \(error)")
            }
        }
        return (accepted, refused)
    }

    static let referentiels = Fixtures.referentiels

    @Test func cohortFiles() throws {
        let candidates = Fixtures.candidatesHeader + "\n" + Fixtures.candidateLine + "\n"
            + "C002,Noir,Lou,1991-01-10,l@exemple.fr,RNCP41818,vae,2025-09-15,P2025\n"
        let events = Fixtures.eventsHeader + "\nC001,RNCP41818BC01,note_synthese,2026-10-01,12,20,,Mme A\n"
            + "C002,final,memoire,2027-05-20,\"12,5\",20,,\n"
        let (a, r) = Self.fuzz(candidates, cases: 1500, seed: 1, file: "candidates.csv") {
            _ = try Fixtures.read(candidates: String(decoding: $0, as: UTF8.self))
        }
        let (b, s) = Self.fuzz(events, cases: 1500, seed: 2, file: "events.csv") {
            _ = try Fixtures.read(events: String(decoding: $0, as: UTF8.self))
        }
        #expect(r > 500 && s > 500 && a + b > 0, "both outcomes occur: \(a)/\(r), \(b)/\(s)")
    }

    @Test func calendarAndSurveys() throws {
        let check = CalendarCheck(cohorts: ["P2025": [try #require(Self.referentiels["RNCP41818"])]])
        let calendar = "cohort,component,modality,deadline,date,place\nP2025,RNCP41818BC01,note_synthese,2027-05-31 12:00,,\n"
            + "P2025,final,soutenance,,2027-06-24,Cnam\n"
        _ = Self.fuzz(calendar, cases: 1500, seed: 3, file: "calendar.csv") {
            _ = try CalendarReader.read(file: "calendar.csv", bytes: $0, check: check)
        }
        let surveys = "candidate_id,date,horizon,situation,target_job,contract\nC001,2027-01-12,6m,emploi,oui,cdi\n"
            + "C001,2028-07-01,2y,recherche,,\n"
        _ = Self.fuzz(surveys, cases: 1500, seed: 4, file: "surveys.csv") {
            _ = try SurveyReader.read(file: "surveys.csv", bytes: $0, known: ["C001"])
        }
    }

    @Test func decisionSheets() throws {
        let check = SessionDecisionCheck(session: JurySessionID(1), referentiel: try #require(Self.referentiels["RNCP41818"]),
                                         known: ["C001", "C002"], proposals: [:])
        let sheet = "candidate_id,component,decision,motive\nC001,title,valide,\nC002,RNCP41818BC01,ajourne,Absent au jury\n"
        var badLines = 0
        _ = Self.fuzz(sheet, cases: 1500, seed: 8, file: "decisions.csv") { bytes in
            // Bad lines come back in the sheet, each at its line, for the use case to refuse it.
            let read = try DecisionSheetReader(check: check).read(file: "decisions.csv", bytes: bytes)
            for problem in read.problems {
                badLines += 1
                #expect(problem.location.file == "decisions.csv" && problem.location.line != nil, "\(problem.message)")
            }
        }
        #expect(badLines > 100)
    }

    @Test func referentielYAML() throws {
        let yaml = Fixtures.yaml("RNCP36888")
        _ = Self.fuzz(yaml, cases: 1000, seed: 5, file: "RNCP36888.yaml") {
            _ = try ReferentielReader.read(yaml: String(decoding: $0, as: UTF8.self), file: "RNCP36888.yaml")
        }
    }

    @Test func cpfReports() throws {
        let report = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rapport><nomFichier>f.xml</nomFichier>\n"
            + "<PassagesOK><idTechnique>a-12</idTechnique></PassagesOK>\n<PassagesKO><passage><idTechnique>b</idTechnique>"
            + "<messageErreur>Aucun titulaire</messageErreur></passage></PassagesKO></rapport>\n"
        _ = Self.fuzz(report, cases: 2000, seed: 6, file: "rapport.xml") {
            _ = try CPFReportReader.read(data: Data($0), file: "rapport.xml")
        }
    }

    @Test func uploadedDocuments() throws {
        // The sniffer only answers "PDF, ODT, DOCX or not": no input may crash it.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var g = Seeded(state: 7)
        var recognised = 0
        for n in 0..<1000 {
            let start = ["%PDF-1.7\n", "PK\u{3}\u{4}mimetypeapplication/vnd.oasis.opendocument.text", "PK\u{3}\u{4}[Content_Types].xml word/"][n % 3]
            let bytes = Mutator.mutate(Array((start + String(repeating: "z", count: 64)).utf8), &g)
            let path = folder.appendingPathComponent("f\(n)").path
            FileManager.default.createFile(atPath: path, contents: Data(bytes))
            if DocumentSniffer.kind(ofFileAt: path) != nil { recognised += 1 }
        }
        #expect(recognised > 0 && recognised < 1000)
    }
}
