import CertifolioCore

/// One field of a decision, as both a decisions file (its column) and the web form (its input)
/// name it, so that each edge can say where a problem is.
public enum DecisionField: String, Sendable, Equatable {
    case candidate = "candidate_id"
    case component
    case decision
    case motive
}

/// What is wrong with one decision, in French, and in which field.
public struct DecisionProblem: Error, Sendable, Equatable {
    public var candidate: CandidateID
    public var component: DecisionComponent?
    public var field: DecisionField
    public var message: String

    public init(candidate: CandidateID, component: DecisionComponent?, field: DecisionField, message: String) {
        self.candidate = candidate
        self.component = component
        self.field = field
        self.message = message
    }
}

/// The checks a single decision of a session must pass, however it arrives (a file's line, a
/// web form's row): a candidate convoked, a component of the certification, nothing decided
/// again on what a jury already granted, and a motive when the decision departs from the
/// proposal. The title rule, which looks at all of a candidate's decisions, is TitleDecisionRule.
public struct SessionDecisionCheck: Sendable {
    public var session: JurySessionID
    public var referentiel: Referentiel
    /// Every candidate recorded, to tell an unknown id from one not convoked.
    public var known: Set<CandidateID>
    /// Convoked candidates with the proposal for each.
    public var proposals: [CandidateID: JuryProposal]

    public init(session: JurySessionID, referentiel: Referentiel, known: Set<CandidateID>,
                proposals: [CandidateID: JuryProposal]) {
        self.session = session
        self.referentiel = referentiel
        self.known = known
        self.proposals = proposals
    }

    /// The component a text names ("title" or a block code of the certification), or the problem.
    public func component(_ text: String, candidate: CandidateID) -> Result<DecisionComponent, DecisionProblem> {
        Self.component(text, in: referentiel).mapError {
            DecisionProblem(candidate: candidate, component: nil, field: .component, message: $0.message)
        }
    }

    /// Why a text names no decision component of a certification.
    public struct UnknownComponent: Error, Sendable, Equatable {
        public var message: String
    }

    /// The component a text names in a certification: `title` or one of its block codes (a
    /// session's decisions, and the earlier decisions of a cohort's decisions.csv).
    public static func component(_ text: String, in referentiel: Referentiel) -> Result<DecisionComponent, UnknownComponent> {
        if text == "title" { return .success(.title) }
        guard referentiel.block(BlockCode(text)) != nil else {
            return .failure(UnknownComponent(
                message: "composante « \(text) » inconnue pour \(referentiel.code) : un code de bloc ("
                    + referentiel.blocks.map(\.code.rawValue).joined(separator: ", ") + ") ou title attendu."))
        }
        return .success(.block(BlockCode(text)))
    }

    /// The candidate's proposal, or why no decision can be taken for them in this session.
    public func proposal(for id: CandidateID) -> Result<JuryProposal, DecisionProblem> {
        guard let proposal = proposals[id] else {
            return .failure(DecisionProblem(
                candidate: id, component: nil, field: .candidate,
                message: known.contains(id) ? "le candidat \(id) n'est pas convoqué à la session n° \(session)."
                                            : "candidat « \(id) » inconnu."))
        }
        return .success(proposal)
    }

    /// The problem with a decision for a convoked candidate, if any.
    public func problem(_ d: SessionDecision, proposal: JuryProposal) -> DecisionProblem? {
        func refuse(_ field: DecisionField, _ message: String) -> DecisionProblem {
            DecisionProblem(candidate: d.candidate, component: d.component, field: field, message: message)
        }
        if case .block(let code) = d.component, case .failure(let unknown) = Self.component(code.rawValue, in: referentiel) {
            return refuse(.component, unknown.message)
        }
        if case .block(let code) = d.component, proposal.acquired.contains(code) {
            return refuse(.component, "le bloc \(code) de \(d.candidate) est déjà acquis (capitalisé) : il n'y a rien "
                          + "à décider ; une validation ne se retire que par une révocation motivée.")
        }
        if d.component == .title, proposal.titleAwarded {
            return refuse(.component, "le titre de \(d.candidate) est déjà délivré : il n'y a rien à décider ; "
                          + "une décision ne se retire que par une révocation motivée.")
        }
        let expected = proposal.expectedDecision(d.component)
        if d.decision != expected && (d.motive ?? "").isEmpty {
            // In words a person reads: "le titre", "le bloc RNCP36888BC02", "validé", not "title", "valide".
            let subject: String
            switch d.component {
            case .title: subject = "le titre"
            case .block(let code): subject = "le bloc \(code)"
            }
            return refuse(.motive, "\(d.candidate), \(subject) : la décision « \(d.decision.french) » "
                          + "s'écarte de la proposition (« \(expected.french) ») : un motif est obligatoire.")
        }
        return nil
    }
}
