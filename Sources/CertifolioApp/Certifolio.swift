import CertifolioCore
import CertifolioRules
import CertifolioStore
import Foundation

/// The one door to Certifolio for the CLI, the web and the benchmark, as GRDB's `AppDatabase`
/// is to its demo app: the store is private to this module, and every write goes through a
/// use case here that checks the fiche's rules before the store's transaction records it.
///
/// Reads are plain views of the store; writes live in the `Certifolio+…` files, one idea
/// each (imports, enrolment, evaluations, the jury, accounts).
public final class Certifolio: Sendable {
    /// Internal: only this module's use cases reach the store.
    let database: AppDatabase
    /// The largest file a deposit accepts, in bytes: `CERTIFOLIO_DEPOSIT_LIMIT_MB` megabytes
    /// (1 MB = 1 000 000 bytes), 50 by default.
    public let depositLimit: Int64

    init(_ database: AppDatabase, depositLimit: Int64? = nil) {
        self.database = database
        self.depositLimit = depositLimit ?? Self.configuredDepositLimit()
    }

    public static let defaultDepositLimit: Int64 = 50_000_000

    /// How long a write waits for another process's write before it is refused, in seconds.
    public static var busyTimeout: TimeInterval { AppDatabase.busyTimeout }

    static func configuredDepositLimit() -> Int64 {
        guard let text = ProcessInfo.processInfo.environment["CERTIFOLIO_DEPOSIT_LIMIT_MB"],
              let megabytes = Int64(text.trimmingCharacters(in: .whitespaces)), megabytes > 0, megabytes < 1_000_000
        else { return defaultDepositLimit }
        return megabytes * 1_000_000
    }

    /// Creates the database at `path` if there is none (`certifolio init`, the demo, the
    /// benchmark: the only ways a database comes to be) and brings its schema up to date.
    public static func create(path: String, depositLimit: Int64? = nil) throws -> Certifolio {
        Certifolio(try AppDatabase.create(path: path), depositLimit: depositLimit)
    }

    /// Opens the existing database at `path`; refuses a path where there is none.
    public static func open(path: String) throws -> Certifolio { Certifolio(try AppDatabase.open(path: path)) }

    /// A private in-memory database (tests), its deposited files in a fresh temporary folder.
    public static func inMemory(depositLimit: Int64? = nil) throws -> Certifolio {
        Certifolio(try AppDatabase.inMemory(), depositLimit: depositLimit)
    }

    /// The names of the migrations applied, in order.
    public func appliedMigrations() throws -> [String] { try database.appliedMigrations() }
}

// MARK: - Reads

extension Certifolio {
    public func referentiels() throws -> [CertificationCode: Referentiel] { try database.referentiels() }

    public func candidateRecord(_ id: CandidateID) throws -> CandidateRecord? { try database.candidateRecord(id) }

    public func allCandidateRecords() throws -> [CandidateRecord] { try database.allCandidateRecords() }

    public func candidateRecords(cohort: String) throws -> [CandidateRecord] {
        try database.candidateRecords(cohort: cohort)
    }

    /// A record and its evaluation history read together (one snapshot): what a record page shows.
    public func recordWithHistory(_ id: CandidateID) throws -> (record: CandidateRecord, history: [EvaluationEntry])? {
        try database.recordWithHistory(id)
    }

    public func enrolment(of candidate: CandidateID) throws -> Enrolment? { try database.enrolment(of: candidate) }

    public func enrolledCandidates() throws -> [(candidate: Candidate, enrolment: Enrolment)] {
        try database.enrolledCandidates()
    }

    /// Every candidate with their enrolment, by id, a page of `pageSize` in memory at a time
    /// (each page its own read: a list export of a whole database streams).
    public func forEachEnrolledCandidate(pageSize: Int = 2000,
                                         _ body: ([(candidate: Candidate, enrolment: Enrolment)]) async throws -> Void)
        async throws {
        var after: CandidateID?
        while true {
            let page = try database.enrolledCandidates(after: after, limit: pageSize)
            guard let last = page.last else { return }
            try await body(page)
            after = last.candidate.id
        }
    }

    public func cohortNames() throws -> [String] { try database.cohortNames() }

    public func jurySession(_ id: JurySessionID) throws -> JurySession { try database.jurySession(id) }

    public func jurySessions() throws -> [JurySession] { try database.jurySessions() }

    /// The decisions entered in an open session, not yet closed.
    public func draftDecisions(_ id: JurySessionID) throws -> [SessionDecision] { try database.draftDecisions(id) }

    /// The decisions recorded by a closed session, amendments included.
    public func sessionDecisions(_ id: JurySessionID) throws -> [RecordedSessionDecision] {
        try database.sessionDecisions(id)
    }

    public func userAccount(id: Int64) throws -> UserAccount? { try database.userAccount(id: id) }

    /// The account of a session opened at `signedInAt` ("2026-12-04T09:12:33Z", UTC), unless its
    /// password changed since or it was deactivated.
    public func userAccount(id: Int64, signedInAt: String) throws -> UserAccount? {
        try database.userAccount(id: id, signedInAt: signedInAt)
    }

    public func userAccounts() throws -> [UserAccount] { try database.userAccounts() }

    public func verifyAudit() throws -> AuditVerification { try database.verifyAudit() }

    /// A SHA-256 of every record the database holds (AppDatabase.contentDigest): the same before
    /// and after a refused use case.
    public func contentDigest() throws -> String { try database.contentDigest() }

    public func auditEntries(limit: Int? = nil) throws -> [AuditEntry] { try database.auditEntries(limit: limit) }

    /// Each record's verdict on `asOf`: every candidate, or one (nil when unknown).
    /// Each candidate's record and verdict on `asOf`, by candidate id, streamed (a page of records
    /// in memory at a time): `progress --all` for a national certifier's million candidates.
    public func forEachVerdict(asOf day: Day, _ body: (CandidateRecord, Verdict) throws -> Void) throws {
        let referentiels = try database.referentiels()
        try database.forEachCandidateRecord { record in
            guard let referentiel = referentiels[record.enrolment.certification] else { return }
            try body(record, VerdictEngine.verdict(for: record, referentiel: referentiel, asOf: day))
        }
    }

    public func verdicts(asOf day: Day, candidate: CandidateID? = nil) throws
        -> [(record: CandidateRecord, verdict: Verdict)]? {
        let records: [CandidateRecord]
        if let candidate {
            guard let record = try database.candidateRecord(candidate) else { return nil }
            records = [record]
        } else {
            records = try database.allCandidateRecords()
        }
        return Self.verdicts(records, referentiels: try database.referentiels(), asOf: day)
    }
}
