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

    public init(record: CandidateRecord, referentiel: Referentiel, issuedOn: Day, issuedAt: String) {
        self.record = record
        self.referentiel = referentiel
        self.issuedOn = issuedOn
        self.issuedAt = issuedAt
        verdict = VerdictEngine.verdict(for: record, referentiel: referentiel, asOf: issuedOn)
    }

    /// Blocks a jury validated, with the jury date, in the référentiel's order.
    public var acquiredBlocks: [(Block, Day)] {
        zip(referentiel.blocks, verdict.blocks).compactMap { block, v in v.acquiredOn.map { (block, $0) } }
    }

    public var candidate: Candidate { record.candidate }

    /// "née le" / "né(e) le": the record does not say, so the neutral form.
    var bornOn: String { "né(e) le \(candidate.birthDate.french)" }
}
