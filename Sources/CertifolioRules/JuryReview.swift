import CertifolioCore

/// One convoked candidate as the jury sees them: the verdict on the session date, whether the
/// session's members make the jury the fiche requires for them, and the proposal.
public struct JuryReview: Sendable {
    public var record: CandidateRecord
    public var verdict: Verdict
    public var composition: JuryCompositionCheck
    public var proposal: JuryProposal

    public init(record: CandidateRecord, session: JurySession, referentiel: Referentiel) {
        self.record = record
        verdict = VerdictEngine.verdict(for: record, referentiel: referentiel, asOf: session.date)
        composition = JuryCompositionCheck.check(members: session.members, for: record, referentiel: referentiel)
        proposal = JuryProposal(verdict: verdict)
    }
}
