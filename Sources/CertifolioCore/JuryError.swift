/// What the store refuses about jury sessions, in French, naming the id at fault.
public enum JuryError: UserFacingError, Equatable {
    case unknownSession(JurySessionID)
    case badSessionNumber(String)
    case sessionClosed(JurySessionID)
    case sessionOpen(JurySessionID)
    case emptyPlace
    case emptyName
    case unknownRole(JuryRoleID, CertificationCode, known: [JuryRoleID])
    case memberAlreadyThere(String, JurySessionID)
    case unknownMember(String, JurySessionID)
    case otherCertification(CandidateID, enrolled: CertificationCode, session: CertificationCode)
    case unknownCohort(String)
    case routeClosed(CandidateID, route: String, CertificationCode)
    case titleAlreadyAwarded(CandidateID, on: Day)
    case notConvoked(CandidateID, JurySessionID)
    case unknownBlock(BlockCode, CertificationCode)
    case undecided([CandidateID], JurySessionID)
    case nothingToRevoke(CandidateID, component: String, JurySessionID?)
    case amendmentBeforeSession(Day, session: Day)
    case notYetSat(JurySessionID, on: Day, today: Day)
    /// The fiche names who presides (`role` is its label): the session designates no one.
    case presidentNamedByFiche(role: String, CertificationCode)
    case excusedCannotPreside(String)
    /// Other documents of the same series were issued while this one was drawn, five times over.
    case documentNumberBusy(String)

    public var message: String {
        switch self {
        case let .unknownSession(id):
            return "session de jury n° \(id) inconnue."
        case let .badSessionNumber(text):
            return "session de jury « \(text) » inconnue : le numéro de la session (1, 2…) est attendu."
        case let .unknownMember(name, id):
            return "« \(name) » n'est pas membre du jury de la session n° \(id)."
        case let .sessionClosed(id):
            return "la session de jury n° \(id) est close : rien ne peut plus y être modifié "
                + "(une correction se fait par un avenant, qui révoque la décision en la motivant)."
        case let .sessionOpen(id):
            return "la session de jury n° \(id) n'est pas close : son procès-verbal n'existe qu'après "
                + "la clôture."
        case .emptyPlace:
            return "le lieu de la session ne peut pas être vide."
        case .emptyName:
            return "le nom du membre du jury ne peut pas être vide ni fait seulement de signes."
        case let .unknownRole(role, code, known):
            return "rôle de jury « \(role) » inconnu pour \(code) ; rôles du référentiel : "
                + known.map(\.rawValue).joined(separator: ", ") + "."
        case let .memberAlreadyThere(name, id):
            return "« \(name) » est déjà membre de la session n° \(id)."
        case let .otherCertification(candidate, enrolled, session):
            return "le candidat \(candidate) est inscrit à \(enrolled), pas à \(session) : il ne peut être convoqué "
                + "à cette session."
        case let .unknownCohort(name):
            return "cohorte « \(name) » inconnue."
        case let .routeClosed(candidate, route, code):
            return "le candidat \(candidate) est inscrit par la voie « \(route) », que la fiche \(code) n'ouvre pas : "
                + "aucun jury ne peut statuer, il ne peut être convoqué."
        case let .titleAlreadyAwarded(candidate, day):
            return "le candidat \(candidate) a déjà obtenu le titre (jury du \(day.french)) : rien à décider, "
                + "il ne peut être convoqué."
        case let .unknownBlock(code, certification):
            return "bloc « \(code) » inconnu pour \(certification)."
        case let .notConvoked(candidate, id):
            return "le candidat \(candidate) n'est pas convoqué à la session n° \(id)."
        case let .undecided(candidates, id):
            let shown = candidates.prefix(10).map(\.rawValue).joined(separator: ", ")
            let more = candidates.count > 10 ? " et " + French.count(candidates.count - 10, "autre", "autres") : ""
            let whom = candidates.count > 1 ? "les candidats convoqués" : "le candidat convoqué"
            return "session n° \(id) : aucune décision pour \(whom) \(shown)\(more)."
        case let .nothingToRevoke(candidate, component, session):
            let scope = session.map { " dans la session n° \($0)" } ?? ""
            return "aucune décision en vigueur du candidat \(candidate) pour « \(component) »\(scope) : rien à révoquer."
        case let .notYetSat(id, day, today):
            return "la session n° \(id) siège le \(day.french) : aucune décision ne peut y être prise ni la session "
                + "close avant cette date (nous sommes le \(today.french)) ; rien n'a été modifié."
        case let .presidentNamedByFiche(role, code):
            return "la fiche \(code) désigne qui préside le jury (« \(role) ») : la session n'a pas à désigner "
                + "de président."
        case let .documentNumberBusy(prefix):
            return "d'autres documents de la série \(prefix) ont été émis pendant l'écriture de celui-ci : "
                + "rien n'a été émis ; recommencez dans un instant."
        case let .excusedCannotPreside(name):
            return "« \(name) » a une absence excusée : un membre absent ne peut présider la session."
        case let .amendmentBeforeSession(date, session):
            return "un avenant daté du \(date.french) ne peut être antérieur à la session du \(session.french)."
        }
    }
}
