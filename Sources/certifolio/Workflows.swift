import CertifolioCore
import CertifolioInterchange
import CertifolioRules
import CertifolioStore
import Foundation

/// The few steps that several commands share: read a file, check it, hand it to the store.
enum Workflows {
    static func importReferentiel(file: String, into database: AppDatabase) throws
        -> (Referentiel, ReferentielImportOutcome) {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputError(SourceLocation(file: file), "fichier introuvable ou illisible.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(SourceLocation(file: file), "le fichier n'est pas en UTF-8.")
        }
        let referentiel = try ReferentielReader.read(yaml: text, file: file)
        return (referentiel, try database.importReferentiel(referentiel, sourceText: text))
    }

    static func importCohort(folder: String, into database: AppDatabase,
                             progress: ProgressReporter? = nil) throws -> ImportSummary {
        let reader = CohortReader(referentiels: try database.referentiels(),
                                  knownCandidates: try database.enrolledCertifications())
        let batch = try reader.read(folder: folder, progress: progress)
        return try database.importCohort(batch)
    }

    static func describe(_ s: ImportSummary, folder: String) -> String {
        var text = "Import de \(folder) : \(s.newCandidates) candidat(s) nouveau(x)"
        if s.knownCandidates > 0 { text += ", \(s.knownCandidates) déjà enregistré(s)" }
        text += ", \(s.events) évaluation(s), \(s.stages) stage(s), \(s.experiences) expérience(s), "
            + "\(s.decisions) décision(s) de jury."
        if s.duplicateEvents > 0 { text += " \(s.duplicateEvents) évaluation(s) déjà présente(s) ignorée(s)." }
        return text
    }

    static func verdicts(_ records: [CandidateRecord], referentiels: [CertificationCode: Referentiel],
                         asOf: Day) -> [(record: CandidateRecord, verdict: Verdict)] {
        records.compactMap { record in
            guard let referentiel = referentiels[record.enrolment.certification] else { return nil }
            return (record, VerdictEngine.verdict(for: record, referentiel: referentiel, asOf: asOf))
        }
    }
}

/// Today's date on this machine's calendar (what "today" means to the person at it).
enum Today {
    static func day() -> Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

/// stdout written in large chunks: tens of thousands of JSON lines without a syscall each.
final class BufferedOutput {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
