import CertifolioCore
import CertifolioInterchange
import CertifolioRules
import CertifolioStore
import Foundation

/// The use cases that read files, check them and hand them to the store.
extension Certifolio {
    /// Reads, checks and records a référentiel file.
    public func importReferentiel(file: String, actor: Actor) throws
        -> (Referentiel, ReferentielImportOutcome) {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputError(SourceLocation(file: file), "fichier introuvable ou illisible.")
        }
        return try importReferentiel(bytes: [UInt8](data), name: file, actor: actor)
    }

    /// The same for a file's content (a web upload); `name` names it in errors.
    public func importReferentiel(bytes: [UInt8], name: String, actor: Actor) throws
        -> (Referentiel, ReferentielImportOutcome) {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError(SourceLocation(file: name), "le fichier n'est pas en UTF-8.")
        }
        let referentiel = try ReferentielReader.read(yaml: text, file: name)
        do {
            return (referentiel, try database.importReferentiel(referentiel, sourceText: text, actor: actor))
        } catch let refusal as StoreError {
            // The store's refusal, worded at the file (and, for a version, at its line).
            switch refusal {
            case .referentielVersionConflict:
                let line = text.split(separator: "\n", omittingEmptySubsequences: false)
                    .firstIndex { $0.hasPrefix("version:") }.map { $0 + 1 }
                throw InputError(SourceLocation(file: name, line: line, columnName: line.map { _ in "version" }),
                                 refusal.message)
            case .referentielStillUsed: throw InputError(SourceLocation(file: name), refusal.message)
            default: throw refusal
            }
        }
    }

    /// Reads, checks and records a cohort folder, all or nothing.
    ///
    /// Reading and checking run on a second thread and hand over checked chunks while the
    /// write transaction stores the previous ones: on a large folder the two overlap. Any bad
    /// line, or any refusal by the store, rolls the whole transaction back.
    public func importCohort(folder: String, actor: Actor, progress: ProgressReporter? = nil) throws -> ImportSummary {
        let referentiels = try database.referentiels()
        let reader = CohortReader(referentiels: referentiels, knownCandidates: try database.enrolledCertifications())
        let calendarFile = URL(fileURLWithPath: folder).appendingPathComponent("calendar.csv").path
        let calendarBytes = FileManager.default.contents(atPath: calendarFile).map { [UInt8]($0) }
        let channel = ChunkChannel<CohortBatch>(capacity: 4)
        let readerDone = DispatchSemaphore(value: 0)
        let thread = Thread {
            do {
                try reader.read(folder: folder, progress: progress) { try channel.send($0) }
                channel.close(error: nil)
            } catch {
                channel.close(error: error)
            }
            readerDone.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        do {
            let summary = try database.importCohort(source: folder, actor: actor, feed: { write in
                while let chunk = try channel.receive() { try write(chunk) }
            }, calendar: calendarBytes.map { bytes in Self.calendarReader(file: calendarFile, bytes: bytes, referentiels) })
            readerDone.wait()
            return summary
        } catch {
            channel.cancel()
            readerDone.wait()
            throw error
        }
    }

    /// Reads a cohort folder's `calendar.csv` inside the import's transaction, once its
    /// candidates are written: the cohorts it dates may be new.
    static func calendarReader(file: String, bytes: [UInt8], _ referentiels: [CertificationCode: Referentiel])
        -> CalendarFeed {
        { cohorts in
            let check = CalendarCheck(cohorts: cohorts.mapValues { codes in codes.compactMap { referentiels[$0] } })
            return (file, try CalendarReader.read(file: file, bytes: bytes, check: check))
        }
    }

    /// A French sentence saying what an import wrote.
    public static func describe(_ s: ImportSummary, folder: String) -> String {
        let count = French.count
        var text = "Import de \(folder) : " + count(s.newCandidates, "candidat nouveau", "candidats nouveaux")
        if s.knownCandidates > 0 { text += ", " + count(s.knownCandidates, "déjà enregistré", "déjà enregistrés") }
        text += ", " + count(s.events, "évaluation", "évaluations") + ", " + count(s.stages, "stage", "stages") + ", "
            + count(s.experiences, "expérience", "expériences") + ", " + count(s.decisions, "décision de jury", "décisions de jury") + "."
        if s.duplicateEvents > 0 {
            text += " " + count(s.duplicateEvents, "évaluation déjà présente ignorée", "évaluations déjà présentes ignorées") + "."
        }
        if let c = s.calendar {
            text += " Calendrier : " + count(c.added, "date ajoutée", "dates ajoutées") + ", "
                + count(c.changed, "modifiée", "modifiées") + ", " + count(c.unchanged, "inchangée", "inchangées") + "."
        }
        return text
    }

    /// The verdict of each record on a date (records of an unknown certification are skipped).
    public static func verdicts(_ records: [CandidateRecord], referentiels: [CertificationCode: Referentiel],
                                asOf: Day) -> [(record: CandidateRecord, verdict: Verdict)] {
        records.compactMap { record in
            guard let referentiel = referentiels[record.enrolment.certification] else { return nil }
            return (record, VerdictEngine.verdict(for: record, referentiel: referentiel, asOf: asOf))
        }
    }
}
