import CertifolioCore
import CertifolioRules

/// What a document about one candidate is made from: their record, the référentiel, the
/// verdict as of the issue date, and where and when it is issued.
public struct CandidateDocument: Sendable {
    public var record: CandidateRecord
    public var referentiel: Referentiel
    public var verdict: Verdict
    public var issuedOn: Day
    public var issuedAt: String
    /// The certifier's particulars (signatory, town), when recorded.
    public var profile: CertifierProfile?

    public init(record: CandidateRecord, referentiel: Referentiel, issuedOn: Day, issuedAt: String,
                profile: CertifierProfile? = nil) {
        self.record = record
        self.referentiel = referentiel
        self.issuedOn = issuedOn
        self.issuedAt = issuedAt
        self.profile = profile
        verdict = VerdictEngine.verdict(for: record, referentiel: referentiel, asOf: issuedOn)
    }

    /// Blocks a jury validated, with the jury date, in the référentiel's order.
    public var acquiredBlocks: [(Block, Day)] {
        zip(referentiel.blocks, verdict.blocks).compactMap { block, v in v.acquiredOn.map { (block, $0) } }
    }

    public var candidate: Candidate { record.candidate }

    /// "née le 3 mars 1998 à Lyon": agreed by sex, the neutral "né(e)" when the record does not say.
    var bornOn: String { candidate.bornOn }
}
