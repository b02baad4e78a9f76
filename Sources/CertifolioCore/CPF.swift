/// The CPF "accrochage": the certifier declares each holder to the Caisse des Dépôts within three
/// months of the award (Code du travail L6113-8), in a flux valid against the Caisse's schema
/// (`accrochage-1.1.2.xsd`); the Caisse's processing report then accepts or refuses each passage.

/// How a holder came to the certification, as the Caisse's schema names it (`modaliteAcces`). Each
/// access route of a référentiel says which (`cpf:` in the YAML).
public enum CPFAccessMode: String, Sendable, Equatable, CaseIterable {
    case initialOutsideApprenticeship = "FORMATION_INITIALE_HORS_APPRENTISSAGE"
    case initialApprenticeship = "FORMATION_INITIALE_APPRENTISSAGE"
    case continuingOutsideProfessionalisation = "FORMATION_CONTINUE_HORS_CONTRAT_DE_PROFESSIONNALISATION"
    case continuingProfessionalisation = "FORMATION_CONTINUE_CONTRAT_DE_PROFESSIONNALISATION"
    case vae = "VAE"
    case foreignDiplomaEquivalence = "EQUIVALENCE_DIPLOME_ETRANGER"
    case freeCandidate = "CANDIDAT_LIBRE"
}

/// Who deposits the flux: the certifier itself or a trusted third party.
public enum CPFDepositor: String, Sendable, Equatable, CaseIterable {
    case certifier = "certificateur"
    case trustedThirdParty = "tiers_confiance"

    /// As the schema writes it (`natureDeposant`).
    public var schemaValue: String { self == .certifier ? "CERTIFICATEUR" : "TIERS_CONFIANCE" }

    public var french: String { self == .certifier ? "le certificateur" : "un tiers de confiance" }
}

/// The certifier's identifiers at the Caisse des Dépôts, set once (`certifolio cpf settings`).
public struct CPFSettings: Sendable, Equatable {
    /// The emitter's `idClient` (8 characters): the certifier, or the trusted third party depositing.
    public var emitter: String
    /// The certifier's `idClient` (8 characters).
    public var certifier: String
    /// The contract number (`idContrat`, 20 characters at most).
    public var contract: String
    public var depositor: CPFDepositor

    public init(emitter: String, certifier: String, contract: String, depositor: CPFDepositor = .certifier) {
        self.emitter = emitter
        self.certifier = certifier
        self.contract = contract
        self.depositor = depositor
    }

    public enum Field: String, Sendable, Equatable { case emitter, certifier, contract, depositor }

    /// What is wrong, field by field (empty: the settings can be recorded).
    public var problems: [(field: Field, message: String)] {
        var problems: [(Field, String)] = []
        for (field, value, what) in [(Field.emitter, emitter, "émetteur"), (.certifier, certifier, "certificateur")] {
            if value.count != 8 || !value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                problems.append((field, "identifiant client \(what) « \(value) » invalide : 8 lettres ou chiffres, tel que la "
                                 + "Caisse des dépôts l'a attribué (par exemple AB123CDE)."))
            }
        }
        if contract.isEmpty || contract.count > 20 {
            problems.append((.contract, "numéro de contrat « \(contract) » invalide : 1 à 20 caractères."))
        }
        return problems
    }
}

/// The settings refused, each problem at its field.
public struct CPFSettingsRefused: UserFacingError, Equatable {
    public var problems: [String]
    public var fields: [CPFSettings.Field]

    public init(_ problems: [(field: CPFSettings.Field, message: String)]) {
        self.problems = problems.map(\.message)
        fields = problems.map(\.field)
    }

    public var message: String { problems.joined(separator: "\n") + "\nRien n'a été enregistré." }
}

/// Where a passage stands.
public enum CPFPassageStatus: Sendable, Equatable {
    /// Not sent yet (or never accepted nor pending).
    case toSend
    /// In a flux written on that day, awaiting the Caisse's report.
    case sent(on: String)
    case accepted(on: String)
    /// Refused by the Caisse with its message: correct the record, then send it again.
    case refused(message: String, on: String)

    /// `to_send`, `sent`, `accepted`, `refused` (contract §8).
    public var code: String {
        switch self {
        case .toSend: return "to_send"
        case .sent: return "sent"
        case .accepted: return "accepted"
        case .refused: return "refused"
        }
    }

    public var french: String {
        switch self {
        case .toSend: return "à envoyer"
        case .sent: return "envoyé, en attente du rapport"
        case .accepted: return "accepté"
        case .refused(let message, _): return "refusé : \(message)"
        }
    }

    /// Whether the next flux carries it.
    public var isDue: Bool {
        switch self {
        case .toSend, .refused: return true
        case .sent, .accepted: return false
        }
    }
}

/// One award and its passage: who, which title, when, and where its declaration stands.
public struct CPFAward: Sendable, Equatable {
    public var candidate: CandidateID
    public var name: String
    public var certification: CertificationCode
    public var decision: Int64
    public var awardedOn: Day
    /// Nil until the passage is first written in a flux.
    public var idTechnique: String?
    public var status: CPFPassageStatus

    public init(candidate: CandidateID, name: String, certification: CertificationCode, decision: Int64, awardedOn: Day,
                idTechnique: String?, status: CPFPassageStatus) {
        self.candidate = candidate
        self.name = name
        self.certification = certification
        self.decision = decision
        self.awardedOn = awardedOn
        self.idTechnique = idTechnique
        self.status = status
    }

    /// Three months after the award: the declaration's limit.
    public var limit: Day { awardedOn.adding(months: Self.monthsToDeclare) }

    /// How long a certifier has to declare a holder to the Caisse des dépôts.
    public static let monthsToDeclare = 3

    /// Days left before the limit on `day` (negative: overdue); nil once accepted.
    public func daysLeft(on day: Day) -> Int? {
        if case .accepted = status { return nil }
        return limit.ordinal - day.ordinal
    }
}

/// The awards in force on a day as the CPF page sums them up: counts over them all, and the
/// most urgent ones listed.
public struct CPFOverview: Sendable, Equatable {
    /// The most urgent first (`Certifolio.cpfAwards`' order), up to the number asked for.
    public var mostUrgent: [CPFAward] = []
    public var total = 0
    /// Never sent, or refused and to send again.
    public var due = 0
    /// Past their three months and not accepted.
    public var overdue = 0

    public init() {}
}
