/// A holder's answer to an insertion survey, 6 months or 2 years after the title: France
/// compétences' yearly statistics of a fiche come from these (contract §8).
public struct InsertionSurvey: Sendable, Equatable {
    public var candidate: CandidateID
    public var date: Day
    public var horizon: SurveyHorizon
    public var situation: EmploymentSituation
    /// In the job the certification prepares for; nil when not asked (not in employment).
    public var targetJob: Bool?
    public var contract: EmploymentContract?

    public init(candidate: CandidateID, date: Day, horizon: SurveyHorizon, situation: EmploymentSituation,
                targetJob: Bool?, contract: EmploymentContract?) {
        self.candidate = candidate
        self.date = date
        self.horizon = horizon
        self.situation = situation
        self.targetJob = targetJob
        self.contract = contract
    }
}

public enum SurveyHorizon: String, Sendable, Equatable, CaseIterable {
    case sixMonths = "6m"
    case twoYears = "2y"

    public var french: String { self == .sixMonths ? "à 6 mois" : "à 2 ans" }
}

/// The holder's situation as France compétences counts it: in employment, or not (seeking,
/// inactive), or *neutralised* — left out of the rate altogether (further studies, a work-study
/// contract, unable to work, working abroad) — or no answer.
public enum EmploymentSituation: String, Sendable, Equatable, CaseIterable {
    case employed = "emploi"
    case seeking = "recherche"
    case inactive = "inactif"
    case furtherStudies = "etudes"
    case workStudy = "alternance"
    case unableToWork = "inapte"
    case abroad = "etranger"
    case noAnswer = "sans_reponse"

    public var isRespondent: Bool { self != .noAnswer }

    /// Left out of both terms of the rate.
    public var isNeutralised: Bool { [.furtherStudies, .workStudy, .unableToWork, .abroad].contains(self) }

    public var french: String {
        switch self {
        case .employed: return "en emploi"
        case .seeking: return "en recherche d'emploi"
        case .inactive: return "inactif"
        case .furtherStudies: return "en poursuite d'études"
        case .workStudy: return "en contrat d'alternance"
        case .unableToWork: return "dans l'incapacité de travailler"
        case .abroad: return "en emploi à l'étranger"
        case .noAnswer: return "sans réponse"
        }
    }
}

public enum EmploymentContract: String, Sendable, Equatable, CaseIterable {
    case permanent = "cdi"
    case fixedTerm = "cdd"
    case temporary = "interim"
    case selfEmployed = "independant"
    case civilServant = "fonctionnaire"
    case other = "autre"
}

/// A survey as typed (a line of `surveys.csv` or the survey form), before `SurveyCheck`.
public struct SurveyDraft: Sendable, Equatable {
    public var candidateID: String
    public var date: String
    public var horizon: String
    public var situation: String
    /// `oui`, `non` or empty.
    public var targetJob: String
    public var contract: String

    public init(candidateID: String, date: String, horizon: String, situation: String, targetJob: String, contract: String) {
        self.candidateID = candidateID
        self.date = date
        self.horizon = horizon
        self.situation = situation
        self.targetJob = targetJob
        self.contract = contract
    }
}

/// A field of a survey, named as the `surveys.csv` column.
public enum SurveyField: String, Sendable, Equatable {
    case candidateID = "candidate_id", date, horizon, situation, targetJob = "target_job", contract
}
