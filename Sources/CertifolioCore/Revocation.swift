/// A jury's revocation of the decision in force for one candidate's component, as the
/// secretary asks for it: the new decision, why, and from when.
public struct Revocation: Sendable, Equatable {
    public var candidate: CandidateID
    public var component: DecisionComponent
    public var decision: DecisionKind
    public var reason: String
    /// The amendment's date on a closed session; on an open session, the day it is entered
    /// (the revocation then takes effect, dated the session, when the session closes).
    public var date: Day

    public init(candidate: CandidateID, component: DecisionComponent, decision: DecisionKind, reason: String,
                date: Day) {
        self.candidate = candidate
        self.component = component
        self.decision = decision
        self.reason = reason
        self.date = date
    }

    /// What a revocation recorded.
    public enum Outcome: Sendable, Equatable {
        /// An amendment (avenant) of the closed session: the new decision's number; it counts from its date.
        case amendment(decision: Int64)
        /// A decision of the open session revoking decision `revokes`; it counts once the session closes.
        case pending(revokes: Int64)
    }
}
