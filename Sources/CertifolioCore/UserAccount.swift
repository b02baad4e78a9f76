/// The four kinds of people who sign in to the web application.
public enum UserRole: String, Sendable, CaseIterable {
    case candidate = "candidat"
    case evaluator = "evaluateur"
    case manager = "gestionnaire"
    case secretary = "secretaire"

    /// As the interface names the role.
    public var french: String {
        switch self {
        case .candidate: return "Candidat"
        case .evaluator: return "Évaluateur"
        case .manager: return "Gestionnaire"
        case .secretary: return "Secrétaire de jury"
        }
    }
}

/// A person's web account. A candidate's account is tied to one candidate record; an
/// évaluateur sees the cohorts they are assigned to.
public struct UserAccount: Sendable, Equatable {
    public var id: Int64
    public var email: String
    /// How the person is named in records and on documents ("Mme Agnès Perrot"); an
    /// évaluateur's evaluations carry this name.
    public var displayName: String
    public var role: UserRole
    public var candidateID: CandidateID?
    public var cohorts: [String]

    public init(id: Int64, email: String, displayName: String, role: UserRole, candidateID: CandidateID? = nil,
                cohorts: [String] = []) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.role = role
        self.candidateID = candidateID
        self.cohorts = cohorts
    }

    /// Who writes, as the records and the audit trail name it: the account's id, not its address.
    public var actor: Actor { Actor(Self.actorPrefix + String(id), account: id) }

    /// How records name a web account's writes: `web:compte N`.
    static let actorPrefix = "web:compte "

    /// The account a recorded actor names (`web:compte N`), if it is one.
    public static func accountID(inActor name: String) -> Int64? {
        name.hasPrefix(actorPrefix) ? Int64(name.dropFirst(actorPrefix.count)) : nil
    }
}

/// An account to create: the password is already hashed by the caller (bcrypt).
public struct AccountDraft: Sendable {
    public var email: String
    public var displayName: String
    public var role: UserRole
    public var candidateID: CandidateID?
    public var cohorts: [String]

    public init(email: String, displayName: String, role: UserRole, candidateID: CandidateID? = nil,
                cohorts: [String] = []) {
        self.email = email
        self.displayName = displayName
        self.role = role
        self.candidateID = candidateID
        self.cohorts = cohorts
    }
}
