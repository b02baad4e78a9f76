import CertifolioCore
import CertifolioRules

/// One line of `jury propose --json` (contract §5): the composition check and the proposal
/// for one convoked candidate, with the §4 verdict as of the session date.
public enum ProposalJSON {
    public static func line(verdict: Verdict, composition: JuryCompositionCheck, proposal: JuryProposal) -> String {
        let out = JSONWriter()
        out.object {
            out.field("candidate_id", verdict.candidateID.rawValue)
            out.key("composition_ok")
            out.raw(composition.isMet ? "true" : "false")
            out.key("composition_problems")
            out.array(composition.problems) { out.string($0) }
            out.field("proposal", proposal.kind.rawValue)
            out.key("blocks")
            out.array(proposal.blocks) { out.string($0.rawValue) }
            out.key("verdict")
            out.raw(VerdictJSON.line(verdict))
        }
        return out.text
    }
}
