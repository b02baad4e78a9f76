/// One change of a recorded identity, as the history on the rectification page shows it: when,
/// who, why, and each field with what it said before and after.
public struct IdentityRectification: Sendable, Equatable {
    public var at: String
    public var actor: String
    public var reason: String
    public var changes: [Change]

    public init(at: String, actor: String, reason: String, changes: [Change]) {
        self.at = at
        self.actor = actor
        self.reason = reason
        self.changes = changes
    }

    public struct Change: Sendable, Equatable {
        public var field: EnrolmentField
        /// Nil: the field was empty.
        public var before: String?
        public var after: String?

        public init(field: EnrolmentField, before: String?, after: String?) {
            self.field = field
            self.before = before
            self.after = after
        }
    }
}

/// Why a rectification was not recorded.
public enum RectificationRefused: UserFacingError, Equatable {
    case unknownCandidate(CandidateID)
    /// The fields the enrolment check refuses, each with its problem.
    case fields([EnrolmentProblem])
    case reasonMissing
    case nothingChanged(CandidateID)

    public var message: String {
        switch self {
        case .unknownCandidate(let id): return "candidat « \(id) » inconnu : rien n'a été rectifié."
        case .fields(let problems):
            return problems.map { "\($0.field.rawValue) : \($0.message)" }.joined(separator: "\n")
                + "\nRien n'a été rectifié."
        case .reasonMissing:
            return "une rectification se motive (acte d'état civil, jugement, erreur de saisie…) : indiquez sa raison."
        case .nothingChanged(let id):
            return "l'état civil de \(id) est déjà celui-ci : rien n'a changé."
        }
    }
}
