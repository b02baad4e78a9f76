import CertifolioCore
import CertifolioInterchange
import CertifolioRules
import Foundation

/// The readers a person's file reaches, each fed one input. The first byte of a fuzzing input
/// chooses the reader; the rest is the file. A reader must return a value or refuse with a French
/// message that names the file: anything else stops the program (libFuzzer records it as a crash,
/// with the input that caused it).
struct Readers {
    static let names = ["candidates.csv", "events.csv", "calendar.csv", "surveys.csv", "decisions.csv",
                        "referentiel.yaml", "rapport.xml", "document"]

    let referentiels: [CertificationCode: Referentiel]
    let calendar: CalendarCheck
    let decisions: SessionDecisionCheck
    let folder: String

    /// Loads the two fiches' référentiels from `SampleCohorts/referentiels` under `root`.
    init(root: String) throws {
        var referentiels: [CertificationCode: Referentiel] = [:]
        for code in ["RNCP41818", "RNCP36888"] {
            let path = "\(root)/SampleCohorts/referentiels/\(code).yaml"
            referentiels[CertificationCode(code)] = try ReferentielReader.read(
                yaml: try String(contentsOfFile: path, encoding: .utf8), file: path)
        }
        self.referentiels = referentiels
        let fiche = referentiels[CertificationCode("RNCP41818")]!
        calendar = CalendarCheck(cohorts: ["P2025": [fiche]])
        decisions = SessionDecisionCheck(session: JurySessionID(1), referentiel: fiche, known: ["C001", "C002"],
                                         proposals: [:])
        folder = NSTemporaryDirectory() + "certifolio-fuzz-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// Runs one input; returns whether it was accepted.
    @discardableResult
    func run(_ input: [UInt8]) -> Bool {
        guard let selector = input.first else { return false }
        let reader = Int(selector) % Self.names.count
        let file = Self.names[reader]
        let bytes = Array(input.dropFirst())
        do {
            try read(reader, file: file, bytes: bytes)
            return true
        } catch let error as UserFacingError {
            let message = error.message
            guard message.contains(file) else { fatalError("the refusal does not name \(file): \(message)") }
            guard !message.contains("Error"), !message.contains("error:") else {
                fatalError("the refusal is not in French: \(message)")
            }
            return false
        } catch {
            fatalError("\(file): not a refusal a person can read: \(error)")
        }
    }

    private func read(_ reader: Int, file: String, bytes: [UInt8]) throws {
        let text = { String(decoding: bytes, as: UTF8.self) }
        switch reader {
        case 0, 1:
            // The events need candidates: a valid one, unless the candidates are what is fuzzed.
            let candidates = reader == 0 ? try CSVTable(file: file, bytes: bytes)
                : try CSVTable(file: "candidates.csv", bytes: Array(Self.oneCandidate.utf8))
            let events = reader == 1 ? try CSVTable(file: file, bytes: bytes) : nil
            _ = try CohortReader(referentiels: referentiels, knownCandidates: [:])
                .read(source: "fuzz", candidates: candidates, events: events, requirements: nil, decisions: nil)
        case 2: _ = try CalendarReader.read(file: file, bytes: bytes, check: calendar)
        case 3: _ = try SurveyReader.read(file: file, bytes: bytes, known: ["C001"])
        case 4:
            // Bad lines come back in the sheet, each at its line, for the use case to refuse.
            for problem in try DecisionSheetReader(check: decisions).read(file: file, bytes: bytes).problems
            where problem.location.file != file || problem.location.line == nil {
                fatalError("a bad line of the sheet is not placed: \(problem.message)")
            }
        case 5: _ = try ReferentielReader.read(yaml: text(), file: file)
        case 6: _ = try CPFReportReader.read(data: Data(bytes), file: file)
        default:
            // The sniffer reads a stored file: it answers "PDF, ODT, DOCX or not", never crashes.
            let path = folder + "/document"
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            _ = DocumentSniffer.kind(ofFileAt: path)
        }
    }

    static let oneCandidate = "candidate_id,family_name,given_names,birth_date,email,certification,access_route,"
        + "enrolled_on,cohort\nC001,Lefèvre,Zoé,1990-02-03,zoe@exemple.fr,RNCP41818,apprentissage,2025-09-15,P2025\n"
}
