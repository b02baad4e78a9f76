/// What a cohort import wrote.
public struct ImportSummary: Equatable, Sendable {
    public var batchID: Int64
    public var newCandidates: Int
    /// Candidates already recorded with exactly the same details (left as they were).
    public var knownCandidates: Int
    /// Of those, the ones whose empty civil-identity columns the file filled (each kept as a
    /// rectification).
    public var completedIdentities = 0
    public var events: Int
    /// Event lines identical to one already recorded (a folder imported twice).
    public var duplicateEvents: Int
    public var stages: Int
    public var experiences: Int
    public var decisions: Int
    /// What the folder's `calendar.csv` changed; nil when it has none.
    public var calendar: CalendarSummary?

    public init(batchID: Int64, newCandidates: Int, knownCandidates: Int, events: Int, duplicateEvents: Int,
                stages: Int, experiences: Int, decisions: Int) {
        self.batchID = batchID
        self.newCandidates = newCandidates
        self.knownCandidates = knownCandidates
        self.events = events
        self.duplicateEvents = duplicateEvents
        self.stages = stages
        self.experiences = experiences
        self.decisions = decisions
    }
}
