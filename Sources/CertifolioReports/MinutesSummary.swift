import CertifolioCore

/// What the procès-verbal says of its session as a whole, counted in one pass over the rows
/// before the PV is drawn: the totals, whether the jury met the fiche for every route, the
/// amendments, who stepped aside. It holds no row: a session of a million candidates sums in
/// the memory of one page of them.
public struct MinutesSummary: Sendable {
    public struct Totals: Sendable, Equatable {
        public var candidates = 0
        public var titles = 0
        public var partial = 0
        public var blocksValidated = 0
        public var adjourned = 0
        public var absent = 0
    }

    /// For one access route present among the convoked candidates: the jury the fiche requires
    /// and, per candidate, what the session's composition lacks (empty when it is met).
    public struct RouteComposition: Sendable {
        public var route: String
        public var requirement: String
        public var candidates: Int
        public var problems: [String]
    }

    public var totals = Totals()
    /// The routes in the order their first candidate comes.
    public var compositions: [RouteComposition] = []
    /// Decisions revoked after closing, in recording order: a handful, not one per candidate.
    public var amendments: [JuryMinutes.Amendment] = []
    /// By member's name, the candidates whose decisions they did not sit on, having evaluated them.
    public var steppingAside: [String: [CandidateID]] = [:]
    /// How many decisions of the session carry a motive.
    public var motives = 0

    /// Whether the jury met the fiche for every candidate: a final PV is not produced otherwise.
    public var compositionIsMet: Bool { compositions.allSatisfy(\.problems.isEmpty) }

    public init() {}

    /// Counts every row once, handing each to `each` as well (the PV's CSV twin is written in
    /// the same pass).
    public init(_ rows: JuryMinutes.Rows, each: (JuryMinutes.Row) throws -> Void = { _ in }) throws {
        try rows.forEach {
            add($0)
            try each($0)
        }
        amendments.sort { $0.replacement.id < $1.replacement.id }
    }

    public mutating func add(_ row: JuryMinutes.Row) {
        let decisions = row.decisions.values.map(\.decision)
        totals.candidates += 1
        if decisions.contains(where: { $0.component == .title && $0.decision == .valide }) { totals.titles += 1 }
        if row.isPartial { totals.partial += 1 }
        totals.blocksValidated += decisions.filter { $0.component != .title && $0.decision == .valide }.count
        totals.adjourned += decisions.filter { $0.decision == .ajourne }.count
        totals.absent += decisions.filter { $0.decision == .absent }.count
        motives += decisions.filter { $0.motive != nil }.count
        if let i = compositions.firstIndex(where: { $0.route == row.route }) {
            compositions[i].candidates += 1
            compositions[i].problems += row.compositionProblems
        } else {
            compositions.append(RouteComposition(route: row.route, requirement: row.juryRequirement, candidates: 1,
                                                 problems: row.compositionProblems))
        }
        amendments += row.amendments
        for name in row.steppingAside { steppingAside[name, default: []].append(row.candidate.id) }
    }
}
