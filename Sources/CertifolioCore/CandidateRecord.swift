/// Everything recorded about one candidate that the rules engine reads.
public struct CandidateRecord: Sendable, Equatable {
    public var candidate: Candidate
    public var enrolment: Enrolment
    /// In recording order (the order breaks ties between events of the same date).
    public var events: [EvaluationEvent]
    public var stages: [Stage]
    public var experiences: [ExperienceLine]
    public var decisions: [JuryDecision]

    public init(candidate: Candidate, enrolment: Enrolment, events: [EvaluationEvent] = [],
                stages: [Stage] = [], experiences: [ExperienceLine] = [], decisions: [JuryDecision] = []) {
        self.candidate = candidate
        self.enrolment = enrolment
        self.events = events
        self.stages = stages
        self.experiences = experiences
        self.decisions = decisions
    }
}

public struct Candidate: Sendable, Equatable {
    public var id: CandidateID
    public var familyName: String
    public var givenNames: String
    public var birthDate: Day
    public var email: String
    /// Birth and usage names, first names, sex, birth place, postal address (contract §8).
    public var identity: CivilIdentity

    public init(id: CandidateID, familyName: String, givenNames: String, birthDate: Day, email: String,
                identity: CivilIdentity = CivilIdentity()) {
        self.id = id
        self.familyName = familyName
        self.givenNames = givenNames
        self.birthDate = birthDate
        self.email = email
        self.identity = identity
    }

    /// The name at birth: the one given as such, else the family name (contract §8).
    public var birthName: String { identity.birthName ?? familyName }

    /// First names in civil-status order: those given as such, else the given names.
    public var firstNames: [String] {
        identity.firstNames.isEmpty ? givenNames.split(separator: " ").map(String.init) : identity.firstNames
    }

    /// "née le 3 mars 1998 à Lyon (69123)", "né(e) le 3 mars 1998": agreed by sex when it is known,
    /// the birth name said when it differs from the family name ("née MARTIN le …").
    public var bornOn: String {
        let born = Sex.agree("né", identity.sex)
        let name = birthName == familyName ? "" : " \(birthName.uppercased())"
        let place = identity.birthPlaceText.map { " à \($0)" } ?? ""
        return "\(born)\(name) le \(birthDate.french)\(place)"
    }

    /// "Camille MARTIN", as French documents write a name.
    public var displayName: String { Self.displayName(givenNames: givenNames, familyName: familyName) }

    /// "Noé MOREAU": given names, then the family name in capitals, as French documents write it.
    public static func displayName(givenNames: String, familyName: String) -> String {
        "\(givenNames) \(familyName.uppercased())"
    }
}

/// A candidate's inscription to a certification through an access route.
public struct Enrolment: Sendable, Equatable {
    public var certification: CertificationCode
    public var route: AccessRouteID
    public var enrolledOn: Day
    public var cohort: String

    public init(certification: CertificationCode, route: AccessRouteID, enrolledOn: Day, cohort: String) {
        self.certification = certification
        self.route = route
        self.enrolledOn = enrolledOn
        self.cohort = cohort
    }
}

/// What an evaluation is about: a block's modality or an épreuve finale.
public enum Component: Hashable, Sendable {
    case block(BlockCode)
    case final

    /// From its file form: `final`, else a block code.
    public init(fileValue: String) {
        self = fileValue == "final" ? .final : .block(BlockCode(fileValue))
    }

    /// As written in files: the block code or `final`.
    public var fileValue: String {
        switch self {
        case .block(let code): return code.rawValue
        case .final: return "final"
        }
    }
}

public enum EvaluationResult: String, Sendable, Equatable {
    case acquis
    case nonAcquis = "non_acquis"
}

/// One modality taken on a date. Append-only: a correction is a new event that names the
/// one it corrects; the corrected event then no longer counts.
public struct EvaluationEvent: Sendable, Equatable {
    /// Recording order, unique per database (ties on a date go to the later one).
    public var sequence: Int64
    public var component: Component
    public var modality: ModalityID
    public var date: Day
    public var score: ExactDecimal?
    public var maxScore: ExactDecimal
    public var result: EvaluationResult?
    public var evaluator: String
    public var corrects: Int64?
    /// The web account that recorded it (nil: from a file).
    public var recordedBy: Int64?

    public init(sequence: Int64, component: Component, modality: ModalityID, date: Day,
                score: ExactDecimal?, maxScore: ExactDecimal, result: EvaluationResult?,
                evaluator: String, corrects: Int64? = nil, recordedBy: Int64? = nil) {
        self.recordedBy = recordedBy
        self.sequence = sequence
        self.component = component
        self.modality = modality
        self.date = date
        self.score = score
        self.maxScore = maxScore
        self.result = result
        self.evaluator = evaluator
        self.corrects = corrects
    }

    /// An explicit result wins; otherwise the score against the pass ratio.
    public func passes(ratio: ExactDecimal) -> Bool {
        if let result { return result == .acquis }
        guard let score else { return false }
        return !(score < ratio * maxScore)
    }
}

/// A stage, both days included.
public struct Stage: Sendable, Equatable {
    public var start: Day
    public var end: Day

    public init(start: Day, end: Day) {
        self.start = start
        self.end = end
    }

    public var days: Int { start.inclusiveDays(to: end) }

    /// "At least N months": `end + 1 day >= start + N calendar months`.
    public func lasts(atLeastMonths months: Int) -> Bool {
        !(end.adding(days: 1) < start.adding(months: months))
    }
}

/// Professional experience in years; a candidate's lines are added up.
public struct ExperienceLine: Sendable, Equatable {
    public var years: ExactDecimal

    public init(years: ExactDecimal) { self.years = years }
}

public enum DecisionKind: String, Sendable, Equatable, CaseIterable {
    case valide
    case ajourne
    case absent

    public var french: String {
        switch self {
        case .valide: return "validé"
        case .ajourne: return "ajourné"
        case .absent: return "absent"
        }
    }
}

/// What a jury decided on: one block or the title.
public enum DecisionComponent: Hashable, Sendable {
    case block(BlockCode)
    case title

    public var fileValue: String {
        switch self {
        case .block(let code): return code.rawValue
        case .title: return "title"
        }
    }

    /// The component a file, a form or the store names: `title`, else a block code (whether
    /// the block is one of the certification's is the decision check's to say).
    public init(fileValue: String) {
        self = fileValue == "title" ? .title : .block(BlockCode(fileValue))
    }
}

/// A jury decision, from `decisions.csv` or a closed jury session. Append-only: a revocation
/// is a new decision naming the one it revokes.
public struct JuryDecision: Sendable, Equatable {
    public var id: Int64
    public var component: DecisionComponent
    public var decision: DecisionKind
    public var date: Day
    public var revokes: Int64?

    public init(id: Int64, component: DecisionComponent, decision: DecisionKind, date: Day, revokes: Int64? = nil) {
        self.id = id
        self.component = component
        self.decision = decision
        self.date = date
        self.revokes = revokes
    }
}
