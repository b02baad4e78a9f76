/// What checking the audit trail finds, and its entries as people read them.

/// The outcome of `audit verify`.
public enum AuditVerification: Equatable, Sendable {
    case intact(entries: Int)
    case broken(entry: Int64, problem: AuditProblem)
}

public enum AuditProblem: Equatable, Sendable {
    /// The entry's fields no longer give its hash.
    case altered
    /// The entry does not carry the previous entry's hash: moved, or something before it
    /// was replaced.
    case unchained
    /// The entry is missing; the next one present is `next`.
    case removed(next: Int64)
    /// The chain stops before the count recorded in audit_head.
    case truncated(expected: Int64)
    /// audit_head does not match the chain's end.
    case headMismatch
}

/// The audit chain is broken: names the first entry at fault.
public struct AuditChainBroken: UserFacingError, Equatable {
    public var entry: Int64
    public var problem: AuditProblem

    public init(entry: Int64, problem: AuditProblem) {
        self.entry = entry
        self.problem = problem
    }

    public var message: String {
        let what: String
        switch problem {
        case .altered:
            what = "son contenu a été modifié (son empreinte SHA-256 ne correspond plus)"
        case .unchained:
            what = "elle ne porte plus l'empreinte de l'entrée qui la précède (entrée déplacée, insérée ou "
                + "précédée d'une entrée remplacée)"
        case .removed(let next):
            what = "elle a été supprimée (l'entrée suivante présente est la n° \(next))"
        case .truncated(let expected):
            what = "elle a été supprimée, ainsi que les suivantes : la chaîne compte " + French.count(Int(entry - 1), "entrée", "entrées") + " "
                + "au lieu de \(expected)"
        case .headMismatch:
            what = "la tête de chaîne enregistrée ne correspond plus à cette dernière entrée"
        }
        return "journal d'audit rompu à l'entrée n° \(entry) : \(what)."
    }
}

/// One entry of the audit trail, for people to read.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    public var at: String
    public var actor: String
    public var action: String
    public var subject: String
    public var details: String

    public init(id: Int64, at: String, actor: String, action: String, subject: String, details: String) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.details = details
    }
}
