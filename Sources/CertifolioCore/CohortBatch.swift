/// A cohort folder read and checked against the référentiels, ready to be written in one
/// transaction. Each entry keeps its source line so that a late refusal can still name it.
public struct CohortBatch: Sendable {
    public struct CandidateEntry: Sendable {
        public var candidate: Candidate
        public var enrolment: Enrolment
        public var line: Int
        public init(candidate: Candidate, enrolment: Enrolment, line: Int) {
            self.candidate = candidate
            self.enrolment = enrolment
            self.line = line
        }
    }

    public struct EventEntry: Sendable {
        public var candidateID: CandidateID
        /// `sequence` is unset (0) until the store records it.
        public var event: EvaluationEvent
        public var line: Int
        public init(candidateID: CandidateID, event: EvaluationEvent, line: Int) {
            self.candidateID = candidateID
            self.event = event
            self.line = line
        }
    }

    public struct StageEntry: Sendable {
        public var candidateID: CandidateID
        public var stage: Stage
        public var line: Int
        public init(candidateID: CandidateID, stage: Stage, line: Int) {
            self.candidateID = candidateID
            self.stage = stage
            self.line = line
        }
    }

    public struct ExperienceEntry: Sendable {
        public var candidateID: CandidateID
        public var experience: ExperienceLine
        public var line: Int
        public init(candidateID: CandidateID, experience: ExperienceLine, line: Int) {
            self.candidateID = candidateID
            self.experience = experience
            self.line = line
        }
    }

    public struct DecisionEntry: Sendable {
        public var candidateID: CandidateID
        /// `id` is unset (0) until the store records it.
        public var decision: JuryDecision
        public var line: Int
        public init(candidateID: CandidateID, decision: JuryDecision, line: Int) {
            self.candidateID = candidateID
            self.decision = decision
            self.line = line
        }
    }

    /// The folder it came from, for messages and the import log.
    public var source: String
    public var candidates: [CandidateEntry] = []
    public var events: [EventEntry] = []
    public var stages: [StageEntry] = []
    public var experiences: [ExperienceEntry] = []
    public var decisions: [DecisionEntry] = []

    public init(source: String) { self.source = source }

    /// Adds a chunk's rows after this batch's own (a folder delivered in chunks).
    public mutating func append(_ chunk: CohortBatch) {
        candidates += chunk.candidates
        events += chunk.events
        stages += chunk.stages
        experiences += chunk.experiences
        decisions += chunk.decisions
    }
}
