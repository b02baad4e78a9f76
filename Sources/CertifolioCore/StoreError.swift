/// What the store refuses, in French, naming the id at fault.
public enum StoreError: UserFacingError, Equatable {
    case cannotOpen(path: String, detail: String)
    case missingDatabase(path: String)
    case missingSchema
    case unknownCandidate(CandidateID)
    /// A CPF passage written again under another idTechnique than its own.
    case cpfPassageChanged(CandidateID)
    /// A processing report names passages this database never sent.
    case unknownCPFPassages([String])
    case unknownCertification(CertificationCode)
    case unknownEvent(Int64)
    case eventAlreadyCorrected(Int64)
    case emptyReason
    case referentielVersionConflict(CertificationCode, version: String)
    case referentielStillUsed(CertificationCode, what: String)
    case candidateConflict(CandidateID, file: String, line: Int)
    case fileNotKept(name: String, detail: String)
    case unknownDeposit(DepositID)

    public var message: String {
        switch self {
        case let .cpfPassageChanged(id):
            return "le passage CPF du titre de \(id) a déjà son identifiant technique : rien n'a été écrit."
        case let .unknownCPFPassages(ids):
            return "le rapport nomme " + (ids.count > 1 ? "des passages inconnus" : "un passage inconnu") + " de cette base ("
                + ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? "…" : "") + ") : rien n'a été enregistré."
        case let .cannotOpen(path, detail):
            return "\(path) : impossible d'ouvrir la base de données (\(detail))."
        case let .missingDatabase(path):
            return "\(path) : base de données introuvable ; rien n'a été créé."
        case .missingSchema:
            return "les fichiers de migration (Schema/) sont introuvables dans l'installation."
        case let .unknownCandidate(id):
            return "candidat « \(id) » inconnu."
        case let .unknownCertification(code):
            return "certification « \(code) » inconnue : importez d'abord son référentiel."
        case let .unknownEvent(id):
            return "évaluation n° \(id) inconnue."
        case let .eventAlreadyCorrected(id):
            return "l'évaluation n° \(id) a déjà été corrigée : corrigez la correction la plus récente."
        case .emptyReason:
            return "une correction doit donner sa raison."
        case let .referentielVersionConflict(code, version):
            return "le référentiel \(code) en version « \(version) » est déjà importé avec un contenu différent : "
                + "changez le champ version pour importer une nouvelle version."
        case let .referentielStillUsed(code, what):
            return "la nouvelle version du référentiel \(code) retire \(what), encore utilisé par des candidats "
                + "enregistrés : rien n'a été importé."
        case let .candidateConflict(id, file, line):
            return "\(file), ligne \(line) : le candidat \(id) est déjà enregistré avec d'autres informations "
                + "(nom, naissance, courriel, voie ou date d'inscription) ; rien n'a été importé."
        case let .fileNotKept(name, detail):
            return "« \(name) » n'a pas pu être enregistré sur le disque (\(detail)) ; rien n'a été déposé."
        case let .unknownDeposit(id):
            return "dépôt n° \(id) inconnu."
        }
    }
}
