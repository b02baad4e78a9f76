import CertifolioCore
import CertifolioRules

/// What every document of a session shares: the session, the fiche, the certifier's
/// particulars and the date the documents speak on; and, one candidate at a time, each
/// convoked candidate's row (`row(for:decisions:gaps:)`). The PV renders a `MinutesSummary`
/// then the rows; a notification renders one row. Nothing here holds the whole session: a
/// session of a million candidates is read a page at a time (`Rows`).
public struct JuryMinutes: Sendable {
    public var referentiel: Referentiel
    public var session: JurySession
    /// The certifier's particulars (address, signatory, appeal mention), when recorded.
    public var profile: CertifierProfile?
    /// A *projet de PV*: the decisions entered in a session still open, which count for nothing yet.
    public var isDraft = false
    /// The date the document speaks on: amendments dated later are not part of it.
    public var asOf: Day
    /// The date a document of this session bears: `asOf`, never before the session sat.
    public var documentDate: Day { max(asOf, session.date) }

    public init(session: JurySession, referentiel: Referentiel, asOf: Day, profile: CertifierProfile? = nil,
                isDraft: Bool = false) {
        self.session = session
        self.referentiel = referentiel
        self.asOf = asOf
        self.profile = profile
        self.isDraft = isDraft
    }

    public struct Row: Sendable {
        public var candidate: Candidate
        public var route: String
        /// The session's decisions (amendments aside), by component.
        public var decisions: [DecisionComponent: RecordedSessionDecision]
        /// Blocks a jury had validated before this session: kept, nothing decided on them.
        public var acquiredBefore: [BlockCode]
        /// After the session: every block acquired (with the jury date), and what remains for
        /// the title in French sentences (empty when the title is awarded).
        public var acquired: [(BlockCode, Day)]
        public var remaining: [String]
        public var titleAwarded: Bool
        /// Members who stepped aside for this candidate, having evaluated them.
        public var steppingAside: [String]
        /// The decisions in force on the document's date, by component: the session's, or the
        /// amendment that replaced one (what a notification tells the candidate).
        public var inForce: [DecisionComponent: RecordedSessionDecision]
        /// Where the candidate stands on the document's date, amendments included.
        public var standing: Standing
        /// This candidate's amendments dated up to the document's date, in recording order.
        public var amendments: [Amendment]
        /// The jury the fiche requires for this candidate's route, and what the session's
        /// composition lacks for them (empty when it is met).
        public var juryRequirement: String
        public var compositionProblems: [String]

        /// A partial validation: some block validated in this session, and no title.
        public var isPartial: Bool {
            !titleAwarded && decisions.values.contains {
                if case .block = $0.decision.component { return $0.decision.decision == .valide }
                return false
            }
        }

        /// The session's decisions about this candidate that carry a motive, by component code.
        public var motivated: [RecordedSessionDecision] {
            decisions.values.filter { $0.decision.motive != nil }.sorted {
                $0.decision.component.fileValue < $1.decision.component.fileValue
            }
        }
    }

    /// Blocks acquired, what remains and whether the title is held, on a given date.
    public struct Standing: Sendable {
        public var acquired: [(BlockCode, Day)]
        public var remaining: [String]
        public var titleAwarded: Bool
    }

    /// A decision of this session revoked after closing, and what replaced it.
    public struct Amendment: Sendable {
        public var revoked: RecordedSessionDecision
        public var replacement: RecordedSessionDecision
        public var candidate: Candidate
    }

    /// The convoked candidates' rows in candidate order, computed as they are read: each pass
    /// reads the session again from its snapshot, a page of records in memory at a time.
    public struct Rows {
        private let each: ((Row) throws -> Void) throws -> Void

        /// `each` hands its argument the row of every convoked candidate, in candidate order.
        public init(_ each: @escaping ((Row) throws -> Void) throws -> Void) { self.each = each }

        public func forEach(_ body: (Row) throws -> Void) throws { try each(body) }

        /// Every row at once: for one candidate's documents and small sessions (tests, the demo).
        public func all() throws -> [Row] {
            var rows: [Row] = []
            try forEach { rows.append($0) }
            return rows
        }
    }

    /// One convoked candidate's row, from their record and the session's decisions about them
    /// (`recorded`: those dated after `asOf` are left out, as later amendments are).
    ///
    /// `gaps`: by block, the competences the candidate still has to acquire according to their
    /// latest grids (`CompetenceGaps`); what remains of a block not acquired names them. Read
    /// only for a candidate without the title (it reads their whole evaluation history).
    public func row(for record: CandidateRecord, decisions recorded: [RecordedSessionDecision],
                    gaps readGaps: () throws -> [BlockCode: [String]] = { [:] }) rethrows -> Row {
        var read: [BlockCode: [String]]?
        func gaps() throws -> [BlockCode: [String]] {
            if let read { return read }
            read = try readGaps()
            return read!
        }
        let (decisions, ids, amendmentIDs) = split(recorded)
        let mine = decisions.filter { !amendmentIDs.contains($0.id) }
        let composition = JuryCompositionCheck.check(members: session.members, for: record, referentiel: referentiel)
        // Before: the record without anything this session decided; after: with the session's
        // own decisions but not the later amendments; on the document's date: every decision up
        // to then, amendments included.
        var before = record
        before.decisions.removeAll { ids.contains($0.id) }
        var after = record
        after.decisions.removeAll { amendmentIDs.contains($0.id) }
        let was = VerdictEngine.verdict(for: before, referentiel: referentiel, asOf: session.date)
        let now = VerdictEngine.verdict(for: after, referentiel: referentiel, asOf: session.date)
        let today = VerdictEngine.verdict(for: record, referentiel: referentiel, asOf: documentDate)
        var inForce = Dictionary(mine.map { ($0.decision.component, $0) }, uniquingKeysWith: { _, b in b })
        let replacements = decisions.filter { amendmentIDs.contains($0.id) }
        for replacement in replacements { inForce[replacement.decision.component] = replacement }
        let byID = Dictionary(decisions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let route = referentiel.route(record.enrolment.route)
        return Row(
            candidate: record.candidate,
            route: route?.label ?? record.enrolment.route.rawValue,
            decisions: Dictionary(mine.map { ($0.decision.component, $0) }, uniquingKeysWith: { _, b in b }),
            acquiredBefore: was.blocks.filter { $0.status == .acquired }.map(\.code),
            acquired: now.blocks.compactMap { b in b.acquiredOn.map { (b.code, $0) } },
            remaining: now.title.status == .awarded ? [] : Self.remaining(now, referentiel: referentiel,
                                                                         title: mine.first { $0.decision.component == .title },
                                                                         gaps: try gaps()),
            titleAwarded: now.title.status == .awarded,
            steppingAside: composition.steppingAside.map(\.name),
            inForce: inForce,
            standing: Standing(
                acquired: today.blocks.compactMap { b in b.acquiredOn.map { (b.code, $0) } },
                remaining: today.title.status == .awarded ? [] : Self.remaining(today, referentiel: referentiel,
                                                                             title: inForce[.title], gaps: try gaps()),
                titleAwarded: today.title.status == .awarded),
            amendments: replacements.compactMap { replacement in
                replacement.decision.revokes.flatMap { byID[$0] }.map {
                    Amendment(revoked: $0, replacement: replacement, candidate: record.candidate)
                }
            },
            juryRequirement: route?.jury?.text ?? "",
            compositionProblems: composition.problems.map { "\(record.candidate.id) — \($0)" })
    }

    /// The session's decisions about a candidate dated up to `asOf`, their ids, and those of the
    /// amendments among them. An amendment revokes a decision of this same session; a revocation
    /// of an earlier session's decision is one of this session's own decisions.
    private func split(_ recorded: [RecordedSessionDecision])
        -> (decisions: [RecordedSessionDecision], ids: Set<Int64>, amendments: Set<Int64>) {
        let decisions = recorded.filter { !($0.date > asOf) }
        let ids = Set(decisions.map(\.id))
        return (decisions, ids, Set(decisions.filter { $0.decision.revokes.map(ids.contains) ?? false }.map(\.id)))
    }

    /// What remains for the title, one French sentence per missing piece: every block a jury
    /// has not validated, then the other conditions; when nothing else is missing, the title
    /// itself, which the jury did not grant.
    static func remaining(_ verdict: Verdict, referentiel: Referentiel, title: RecordedSessionDecision?,
                          gaps: [BlockCode: [String]] = [:]) -> [String] {
        var items = zip(referentiel.blocks, verdict.blocks).filter { $0.1.status != .acquired }.map { block, status in
            let toAcquire = status.status == .passed ? [] : gaps[block.code] ?? []
            return "Bloc \(block.code) « \(block.title) »"
                + (status.status == .passed ? " (épreuves réussies, à valider par un jury)" : "")
                + (toAcquire.isEmpty ? "" : " — compétences à acquérir d'après la dernière grille : "
                    + toAcquire.joined(separator: " ; "))
        }
        items += verdict.title.reasons.filter { $0.code != .blockNotValidated }.map(\.message)
        if items.isEmpty {
            let motive = title?.decision.motive.map { " — \($0)" } ?? ""
            items.append(title.map { "Le titre, que ce jury n'a pas délivré (décision : \($0.decision.decision.pvWord.lowercased())\(motive))." }
                         ?? "Le titre, sur lequel ce jury n'a pas statué.")
        }
        return items
    }
}

extension DecisionKind {
    /// The word a PV prints: "Validé", "Ajourné", "Absent".
    public var pvWord: String { french.prefix(1).uppercased() + french.dropFirst() }
}

extension DecisionComponent {
    /// "titre" or the block code, as documents write it.
    public var french: String {
        switch self {
        case .title: return "titre"
        case .block(let code): return code.rawValue
        }
    }
}
