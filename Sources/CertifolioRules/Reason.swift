import CertifolioCore

/// The whole set of reason codes of contract §4.
public enum ReasonCode: String, Sendable, CaseIterable {
    case blockNotValidated = "block_not_validated"
    case modalityMissing = "modality_missing"
    case modalityFailed = "modality_failed"
    case finalMissing = "final_missing"
    case finalFailed = "final_failed"
    case stageMissing = "stage_missing"
    case stageTooShort = "stage_too_short"
    case experienceInsufficient = "experience_insufficient"
    case routeNotAllowed = "route_not_allowed"
    case registrationExpired = "registration_expired"
}

/// Why something is not there yet, with the component at fault and a French sentence.
public struct Reason: Sendable, Equatable {
    public var code: ReasonCode
    public var component: String
    public var message: String

    public init(code: ReasonCode, component: String, message: String) {
        self.code = code
        self.component = component
        self.message = message
    }
}

/// The French sentences of reasons, in one place so that wording stays consistent.
enum ReasonText {
    static func blockNotValidated(_ block: Block, status: BlockStatus) -> String {
        let why: String
        switch status {
        case .failed: why = "une épreuve du bloc est échouée"
        case .inProgress: why = "des épreuves du bloc restent à passer"
        default: why = "aucune épreuve du bloc n'a encore été passée"
        }
        return "Le bloc \(block.code) « \(block.title) » n'est pas validé : \(why)."
    }

    static func modalityMissing(_ modality: Modality, in block: Block) -> String {
        "Épreuve « \(modality.label) » du bloc \(block.code) non passée."
    }

    static func modalityFailed(_ modality: Modality, in block: Block, event: EvaluationEvent) -> String {
        "Épreuve « \(modality.label) » du bloc \(block.code) échouée le \(event.date.french)\(scoreText(event))."
    }

    static func finalMissing(_ exam: FinalExam) -> String {
        "Épreuve finale « \(exam.label) » non passée."
    }

    static func finalFailed(_ exam: FinalExam, event: EvaluationEvent) -> String {
        "Épreuve finale « \(exam.label) » échouée le \(event.date.french)\(scoreText(event))."
    }

    static func stageMissing(_ requirement: Requirement, minMonths: Int, asOf: Day) -> String {
        let length = minMonths > 0 ? " d'au moins \(minMonths) mois" : ""
        return "\(requirement.label) : aucun stage\(length) terminé au \(asOf.french)."
    }

    static func stageTooShort(_ requirement: Requirement, minMonths: Int, minDays: Int, longest: Stage) -> String {
        let need = minMonths > 0 ? "\(minMonths) mois" : "\(minDays) jour\(minDays > 1 ? "s" : "")"
        return "\(requirement.label) : le stage le plus long (du \(longest.start.french) au \(longest.end.french), "
            + "\(longest.days) jours) dure moins de \(need)."
    }

    static func experienceInsufficient(_ requirement: Requirement, minYears: ExactDecimal, have: ExactDecimal) -> String {
        "\(requirement.label) : \(have.french) an\(have < ExactDecimal(2) ? "" : "s") d'expérience professionnelle "
            + "déclarée\(have < ExactDecimal(2) ? "" : "s"), il en faut au moins \(minYears.french)."
    }

    static func routeNotAllowed(_ route: AccessRouteID, label: String?, certification: CertificationCode) -> String {
        "La voie d'accès « \(label ?? route.rawValue) » n'est pas ouverte pour la certification \(certification)."
    }

    static func registrationExpired(_ referentiel: Referentiel, asOf: Day) -> String {
        "L'enregistrement de la certification \(referentiel.code) au RNCP a pris fin le "
            + "\(referentiel.registrationEnd.french) : le titre ne peut plus être délivré au \(asOf.french)."
    }

    private static func scoreText(_ event: EvaluationEvent) -> String {
        if let result = event.result { return result == .nonAcquis ? " (non acquis)" : "" }
        guard let score = event.score else { return "" }
        return " (\(score.french)/\(event.maxScore.french))"
    }
}
