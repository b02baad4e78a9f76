import CertifolioCore
import CertifolioRules
import CertifolioStore

/// The one door to Certifolio for the CLI, the web and the benchmark, as GRDB's `AppDatabase`
/// is to its demo app: the store is private to this module, and every write goes through a
/// use case here that checks the fiche's rules before the store's transaction records it.
///
/// Reads are plain views of the store; writes live in the `Certifolio+…` files, one idea
/// each (imports, enrolment, evaluations, the jury, accounts).
public final class Certifolio: Sendable {
    /// Internal: only this module's use cases reach the store.
    let database: AppDatabase

    init(_ database: AppDatabase) { self.database = database }

    /// Creates the database at `path` if there is none (`certifolio init`, the demo, the
    /// benchmark: the only ways a database comes to be) and brings its schema up to date.
    public static func create(path: String) throws -> Certifolio { Certifolio(try AppDatabase.create(path: path)) }

    /// Opens the existing database at `path`; refuses a path where there is none.
    public static func open(path: String) throws -> Certifolio { Certifolio(try AppDatabase.open(path: path)) }

    /// A private in-memory database (tests).
    public static func inMemory() throws -> Certifolio { Certifolio(try AppDatabase.inMemory()) }

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

    public func userAccounts() throws -> [UserAccount] { try database.userAccounts() }

    public func verifyAudit() throws -> AuditVerification { try database.verifyAudit() }

    public func auditEntries(limit: Int? = nil) throws -> [AuditEntry] { try database.auditEntries(limit: limit) }

    /// Each record's verdict on `asOf`: every candidate, or one (nil when unknown).
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
