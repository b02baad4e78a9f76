import CertifolioCore

/// Where a candidate stands on a date: contract §4.
public struct Verdict: Sendable, Equatable {
    public var candidateID: CandidateID
    public var certification: CertificationCode
    public var asOf: Day
    public var title: TitleVerdict
    public var blocks: [BlockVerdict]
    public var finals: [FinalVerdict]
    public var requirements: [RequirementVerdict]
}

public enum TitleStatus: String, Sendable {
    case awarded
    case eligible
    case notEligible = "not_eligible"
}

public struct TitleVerdict: Sendable, Equatable {
    public var status: TitleStatus
    /// The jury date, when awarded.
    public var awardedOn: Day?
    public var reasons: [Reason]
}

public enum BlockStatus: String, Sendable, CaseIterable {
    case acquired
    case passed
    case failed
    case inProgress = "in_progress"
    case notStarted = "not_started"

    /// How far the block has gone, for "never lowers a status" checks and sorting.
    public var rank: Int {
        switch self {
        case .acquired: return 4
        case .passed: return 3
        case .failed, .inProgress, .notStarted: return 0
        }
    }

    public var french: String {
        switch self {
        case .acquired: return "acquis (validé par le jury)"
        case .passed: return "réussi, à valider par le jury"
        case .failed: return "échoué"
        case .inProgress: return "en cours"
        case .notStarted: return "non commencé"
        }
    }
}

public struct BlockVerdict: Sendable, Equatable {
    public var code: BlockCode
    public var status: BlockStatus
    /// The jury date, when acquired.
    public var acquiredOn: Day?
    public var reasons: [Reason]
}

public enum FinalStatus: String, Sendable {
    case passed
    case failed
    case pending

    public var french: String {
        switch self {
        case .passed: return "réussie"
        case .failed: return "échouée"
        case .pending: return "à passer"
        }
    }
}

public struct FinalVerdict: Sendable, Equatable {
    public var id: ModalityID
    public var status: FinalStatus
}

public enum RequirementStatus: String, Sendable {
    case met
    case unmet
}

public struct RequirementVerdict: Sendable, Equatable {
    public var id: RequirementID
    public var status: RequirementStatus
    /// True when the candidate's route waives it.
    public var waived: Bool
}
