/// A certification's référentiel, as transcribed from its fiche RNCP.
///
/// Everything the rules engine needs is here and nowhere else: a third fiche needs only a new
/// référentiel file, never a new branch in code.
public struct Referentiel: Sendable, Equatable {
    public var code: CertificationCode
    /// The transcription's own version (re-importing the same version is a no-op).
    public var version: String
    public var title: String
    public var level: Int
    public var certifiers: [Certifier]
    public var nsf: [CodedLabel]
    public var formacode: [CodedLabel]
    public var rome: [CodedLabel]
    /// Date d'échéance de l'enregistrement: no title is granted after it.
    public var registrationEnd: Day
    public var predecessors: [CodedLabel]
    /// How blocks and the title are acquired, in the fiche's words.
    public var acquisitionRules: String
    public var entryPrerequisites: String
    public var evaluation: EvaluationPolicy
    public var blocks: [Block]
    public var finalExams: [FinalExam]
    public var requirements: [Requirement]
    public var juryRoles: [JuryRole]
    public var accessRoutes: [AccessRoute]

    public init(code: CertificationCode, version: String, title: String, level: Int,
                certifiers: [Certifier], nsf: [CodedLabel], formacode: [CodedLabel], rome: [CodedLabel],
                registrationEnd: Day, predecessors: [CodedLabel], acquisitionRules: String,
                entryPrerequisites: String, evaluation: EvaluationPolicy, blocks: [Block],
                finalExams: [FinalExam], requirements: [Requirement], juryRoles: [JuryRole],
                accessRoutes: [AccessRoute]) {
        self.code = code
        self.version = version
        self.title = title
        self.level = level
        self.certifiers = certifiers
        self.nsf = nsf
        self.formacode = formacode
        self.rome = rome
        self.registrationEnd = registrationEnd
        self.predecessors = predecessors
        self.acquisitionRules = acquisitionRules
        self.entryPrerequisites = entryPrerequisites
        self.evaluation = evaluation
        self.blocks = blocks
        self.finalExams = finalExams
        self.requirements = requirements
        self.juryRoles = juryRoles
        self.accessRoutes = accessRoutes
    }

    public func block(_ code: BlockCode) -> Block? { blocks.first { $0.code == code } }
    public func finalExam(_ id: ModalityID) -> FinalExam? { finalExams.first { $0.id == id } }
    public func route(_ id: AccessRouteID) -> AccessRoute? { accessRoutes.first { $0.id == id } }
    public func juryRole(_ id: JuryRoleID) -> JuryRole? { juryRoles.first { $0.id == id } }
}

public struct Certifier: Sendable, Equatable {
    public var legalName: String
    public var siret: String
    public var commercialName: String?
    public var website: String?

    public init(legalName: String, siret: String, commercialName: String?, website: String?) {
        self.legalName = legalName
        self.siret = siret
        self.commercialName = commercialName
        self.website = website
    }

    /// "CONSERVATOIRE NATIONAL DES ARTS ET METIERS — Cnam": how documents and pages name it.
    public var displayName: String { commercialName.map { "\(legalName) — \($0)" } ?? legalName }
}

/// A code with its label: NSF `310`, Formacode `13175`, ROME `K1403`, a predecessor fiche.
public struct CodedLabel: Sendable, Equatable {
    public var code: String
    public var label: String

    public init(code: String, label: String) {
        self.code = code
        self.label = label
    }
}

/// How an evaluation event passes, and which modality assesses a whole block at once.
public struct EvaluationPolicy: Sendable, Equatable {
    /// An event without a result passes iff `score / max_score >= passRatio`.
    public var passRatio: ExactDecimal
    /// `max_score` when a file leaves it empty.
    public var defaultMaxScore: ExactDecimal
    /// A modality that validates a whole block when it passes (VAE: dossier + entretien).
    public var wholeBlockModality: Modality?

    public init(passRatio: ExactDecimal, defaultMaxScore: ExactDecimal, wholeBlockModality: Modality?) {
        self.passRatio = passRatio
        self.defaultMaxScore = defaultMaxScore
        self.wholeBlockModality = wholeBlockModality
    }
}

public struct Block: Sendable, Equatable {
    public var code: BlockCode
    public var title: String
    public var competences: [String]
    public var modalities: [Modality]

    public init(code: BlockCode, title: String, competences: [String], modalities: [Modality]) {
        self.code = code
        self.title = title
        self.competences = competences
        self.modalities = modalities
    }

    public func modality(_ id: ModalityID) -> Modality? { modalities.first { $0.id == id } }
}

/// How an épreuve is taken, in the fiche's words: a work handed in (note de synthèse, dossier,
/// étude, mémoire, livret…), which the candidate deposits before a deadline, or a sitting
/// (oral, soutenance, mise en situation, devoir sur table), which has a date and a place.
public enum Submission: String, Sendable, Equatable, CaseIterable {
    case document
    case sitting
}

/// A modalité d'évaluation of a block.
public struct Modality: Sendable, Equatable {
    public var id: ModalityID
    public var label: String
    public var description: String?
    public var submission: Submission

    public init(id: ModalityID, label: String, description: String? = nil, submission: Submission = .sitting) {
        self.id = id
        self.label = label
        self.description = description
        self.submission = submission
    }
}

/// An épreuve finale (mémoire, livret, soutenance): required for the title, outside any block.
public struct FinalExam: Sendable, Equatable {
    public var id: ModalityID
    public var label: String
    public var submission: Submission

    public init(id: ModalityID, label: String, submission: Submission = .sitting) {
        self.id = id
        self.label = label
        self.submission = submission
    }
}

/// An extra condition of the title (stage, experience), met by any one of its alternatives.
public struct Requirement: Sendable, Equatable {
    public var id: RequirementID
    public var label: String
    public var alternatives: [RequirementAlternative]
    /// Routes for which the fiche does not ask it (status `met` without evidence).
    public var waivedFor: [AccessRouteID]

    public init(id: RequirementID, label: String, alternatives: [RequirementAlternative], waivedFor: [AccessRouteID]) {
        self.id = id
        self.label = label
        self.alternatives = alternatives
        self.waivedFor = waivedFor
    }
}

public enum RequirementAlternative: Sendable, Equatable {
    /// One stage (stages are not added up) lasting at least `minMonths` calendar months
    /// (`end + 1 day >= start + minMonths`) and at least `minDays` days, both days included.
    case stage(minDays: Int, minMonths: Int)
    /// Experience lines added up to at least `minYears`.
    case experience(minYears: ExactDecimal)

    /// The component named in reasons: `stage` or `experience`.
    public var kind: String {
        switch self {
        case .stage: return "stage"
        case .experience: return "experience"
        }
    }
}

/// A seat a jury must fill: a role, how many members hold it, whether they must be external.
public struct JurySeat: Sendable, Equatable {
    public var role: JuryRoleID
    public var count: Int
    public var mustBeExternal: Bool

    public init(role: JuryRoleID, count: Int, mustBeExternal: Bool) {
        self.role = role
        self.count = count
        self.mustBeExternal = mustBeExternal
    }
}

public struct JuryRole: Sendable, Equatable {
    public var id: JuryRoleID
    public var label: String

    public init(id: JuryRoleID, label: String) {
        self.id = id
        self.label = label
    }
}

/// The jury a route requires, in the fiche's words and as seats a program can check.
public struct JuryComposition: Sendable, Equatable {
    public var text: String
    public var seats: [JurySeat]
    /// The role that presides, when the fiche names one.
    public var president: JuryRoleID?

    public init(text: String, seats: [JurySeat], president: JuryRoleID?) {
        self.text = text
        self.seats = seats
        self.president = president
    }
}

/// A voie d'accès: allowed or refused by the fiche, with its jury when allowed.
public struct AccessRoute: Sendable, Equatable {
    public var id: AccessRouteID
    public var label: String
    public var allowed: Bool
    public var jury: JuryComposition?
    /// How the Caisse des Dépôts names this route in a CPF declaration (`cpf:` in the YAML).
    public var cpfAccess: CPFAccessMode?

    public init(id: AccessRouteID, label: String, allowed: Bool, jury: JuryComposition?, cpfAccess: CPFAccessMode? = nil) {
        self.id = id
        self.label = label
        self.allowed = allowed
        self.jury = jury
        self.cpfAccess = cpfAccess
    }
}
