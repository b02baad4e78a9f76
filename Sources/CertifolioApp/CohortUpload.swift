import CertifolioCore
import CertifolioInterchange
import CertifolioStore

/// The files of a cohort folder sent through a form instead of read from a folder: the same
/// names, the same checks, the same all-or-nothing write.
public struct CohortUpload: Sendable {
    /// Names the upload in errors and in the import batch ("envoi web du 23 novembre 2026").
    public var source: String
    public var files: [String: [UInt8]]

    public static let fileNames = ["candidates.csv", "events.csv", "requirements.csv", "decisions.csv", "calendar.csv"]

    public init(source: String, files: [String: [UInt8]]) {
        self.source = source
        self.files = files.filter { !$0.value.isEmpty }
    }
}

extension Certifolio {
    /// Reads and checks every file against the référentiels and the candidates already
    /// recorded; every bad line is reported at once.
    private func checkedBatch(_ upload: CohortUpload) throws -> CohortBatch {
        guard let candidates = upload.files["candidates.csv"] else {
            throw InputError(SourceLocation(file: "candidates.csv"), "fichier obligatoire absent de l'envoi.")
        }
        func table(_ name: String) throws -> CSVTable? {
            try upload.files[name].map { bytes throws(InputError) in try CSVTable(file: name, bytes: bytes) }
        }
        let reader = CohortReader(referentiels: try database.referentiels(),
                                  knownCandidates: try database.enrolledCertifications())
        return try reader.read(source: upload.source,
                               candidates: try CSVTable(file: "candidates.csv", bytes: candidates),
                               events: try table("events.csv"), requirements: try table("requirements.csv"),
                               decisions: try table("decisions.csv"))
    }

    /// What the import would write, nothing written.
    public func previewCohort(_ upload: CohortUpload) throws -> ImportSummary {
        try previewCohortNaming(upload).summary
    }

    /// The preview with the candidates it would add, by name (what the gestionnaire checks).
    public func previewCohortNaming(_ upload: CohortUpload) throws -> CohortPreview {
        let batch = try checkedBatch(upload)
        let known = try database.enrolledCertifications()
        return CohortPreview(summary: try database.previewCohort(batch, calendar: try calendarFeed(upload)),
                             newCandidates: batch.candidates.filter { known[$0.candidate.id] == nil }
                                .map { ($0.candidate, $0.enrolment) })
    }

    /// Checks and writes, all or nothing.
    public func importCohort(_ upload: CohortUpload, actor: Actor) throws -> ImportSummary {
        let batch = try checkedBatch(upload)
        return try database.importCohort(batch, actor: actor, calendar: try calendarFeed(upload))
    }

    private func calendarFeed(_ upload: CohortUpload) throws -> CalendarFeed? {
        guard let bytes = upload.files["calendar.csv"] else { return nil }
        return Self.calendarReader(file: "calendar.csv", bytes: bytes, try database.referentiels())
    }
}

/// A cohort folder checked and rolled back: its counts and the candidates it would add.
public struct CohortPreview: Sendable {
    public var summary: ImportSummary
    public var newCandidates: [(candidate: Candidate, enrolment: Enrolment)]
}
