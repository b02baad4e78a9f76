/// How long Certifolio keeps personal data (issue 15, RGPD; guide §12, docs/decisions.md).
///
/// A candidate's *last activity* is the latest of their enrolment, evaluations, deposits, jury
/// decisions and rectifications. Kept for good: jury decisions, the PV's record, the parchemin
/// register, evaluations, statistics, the audit trail, and the identity of every holder of the
/// title or of a block (attestations, duplicates and the CPF need it). A candidate convoked to a
/// session still open is never purged.
public struct RetentionPolicy: Sendable, Equatable {
    /// Deposited documents are erased this many years after the candidate's last activity (the
    /// two months of appeal and a re-sitting fit well within).
    public var documentYears: Int
    /// A candidate who never held the title nor a block is anonymised this many years after
    /// their last activity (the time a return to the certification stays plausible).
    public var identityYears: Int
    /// A deactivated account is anonymised this many years after its deactivation; a candidate's
    /// account goes with the candidate's identity.
    public var deactivatedAccountYears: Int

    public init(documentYears: Int = 2, identityYears: Int = 5, deactivatedAccountYears: Int = 1) {
        self.documentYears = documentYears
        self.identityYears = identityYears
        self.deactivatedAccountYears = deactivatedAccountYears
    }

    public static let standard = RetentionPolicy()
}

/// What a purge did (or, dry, would do).
public struct PurgeSummary: Sendable, Equatable {
    public var asOf: Day
    public var anonymisedCandidates: [CandidateID]
    public var erasedFiles: Int
    public var erasedBytes: Int64
    public var anonymisedAccounts: Int
    public var dryRun: Bool

    public init(asOf: Day, anonymisedCandidates: [CandidateID], erasedFiles: Int, erasedBytes: Int64,
                anonymisedAccounts: Int, dryRun: Bool) {
        self.asOf = asOf
        self.anonymisedCandidates = anonymisedCandidates
        self.erasedFiles = erasedFiles
        self.erasedBytes = erasedBytes
        self.anonymisedAccounts = anonymisedAccounts
        self.dryRun = dryRun
    }
}
