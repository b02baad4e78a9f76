/// What the store refuses about web accounts, in French, naming the account at fault.
public enum AccountError: UserFacingError, Equatable {
    case invalidEmail(String)
    case emailTaken(String)
    case emptyName
    case candidateRequired
    case candidateNotAllowed(UserRole)
    case candidateHasAccount(CandidateID)
    case cohortsOnlyForEvaluators(UserRole)
    case unknownCohort(String)
    case unknownAccount(Int64)
    case ownAccount

    public var message: String {
        switch self {
        case let .invalidEmail(email):
            return "adresse électronique « \(email) » invalide."
        case let .emailTaken(email):
            return "un compte existe déjà pour « \(email) »."
        case .emptyName:
            return "le nom affiché du compte est vide."
        case .candidateRequired:
            return "un compte candidat doit désigner son dossier (identifiant du candidat)."
        case let .candidateNotAllowed(role):
            return "un compte « \(role.french) » ne désigne pas de dossier candidat."
        case let .candidateHasAccount(id):
            return "le candidat \(id) a déjà un compte."
        case let .cohortsOnlyForEvaluators(role):
            return "seul un évaluateur est affecté à des promotions (pas un compte « \(role.french) »)."
        case let .unknownCohort(name):
            return "promotion « \(name) » inconnue."
        case let .unknownAccount(id):
            return "compte n° \(id) inconnu."
        case .ownAccount:
            return "vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre gestionnaire."
        }
    }
}
