/// A person of the certifier's jury directory: named once, added to session after session, and
/// linked to their évaluateur account when they have one (recusal then follows what the account
/// recorded, not how a name was typed).
public struct JuryPerson: Sendable, Equatable {
    public var id: Int64
    public var name: String
    /// External to the certifier and the training centre: the default when added to a session.
    public var external: Bool
    /// The linked évaluateur account: its number and how it is named.
    public var account: (id: Int64, name: String)?
    /// The sessions the person sat on (or is a member of).
    public var sessions: Int

    public init(id: Int64, name: String, external: Bool, account: (id: Int64, name: String)? = nil, sessions: Int = 0) {
        self.id = id
        self.name = name
        self.external = external
        self.account = account
        self.sessions = sessions
    }

    public static func == (a: JuryPerson, b: JuryPerson) -> Bool {
        a.id == b.id && a.name == b.name && a.external == b.external && a.account?.id == b.account?.id
            && a.account?.name == b.account?.name && a.sessions == b.sessions
    }
}

/// What the jury directory refuses, in French, naming the person or the account at fault.
public enum JuryDirectoryError: UserFacingError, Equatable {
    case emptyName
    case alreadyThere(String)
    case unknownPerson(Int64)
    case notAnEvaluator(Int64)
    case accountTaken(account: String, by: String)

    public var message: String {
        switch self {
        case .emptyName: return "le nom de la personne ne peut pas être vide."
        case .alreadyThere(let name): return "« \(name) » est déjà dans l'annuaire du jury."
        case .unknownPerson(let id): return "personne n° \(id) inconnue de l'annuaire du jury."
        case .notAnEvaluator(let id): return "le compte n° \(id) n'est pas un compte d'évaluateur actif."
        case let .accountTaken(account, by):
            return "le compte de \(account) est déjà lié à « \(by) » dans l'annuaire du jury."
        }
    }
}
