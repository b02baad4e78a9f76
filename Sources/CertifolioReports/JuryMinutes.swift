import CertifolioCore
import CertifolioRules

/// Everything the procès-verbal of a closed session says, computed once from the record: one
/// row per convoked candidate, the totals and the amendments. The PDF and the CSV twin are two
/// renderings of it.
public struct JuryMinutes: Sendable {
    public var referentiel: Referentiel
    public var session: JurySession
    /// The certifier's particulars (address, signatory, appeal mention), when recorded.
    public var profile: CertifierProfile?
    /// A *projet de PV*: the decisions entered in a session still open, which count for nothing yet.
    public var isDraft = false

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

        /// A partial validation: some block validated in this session, and no title.
        public var isPartial: Bool {
            !titleAwarded && decisions.values.contains {
                if case .block = $0.decision.component { return $0.decision.decision == .valide }
                return false
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

    public var rows: [Row]
    public var amendments: [Amendment]

    /// For one access route present among the convoked candidates: the jury the fiche requires
    /// and, per candidate, what the session's composition lacks (empty when it is met).
    public struct RouteComposition: Sendable {
        public var route: String
        public var requirement: String
        public var candidates: Int
        public var problems: [String]
    }

    public var compositions: [RouteComposition]

    /// Whether the jury met the fiche for every candidate: a final PV is not produced otherwise.
    public var compositionIsMet: Bool { compositions.allSatisfy(\.problems.isEmpty) }

    public struct Totals: Sendable, Equatable {
        public var candidates = 0
        public var titles = 0
        public var partial = 0
        public var blocksValidated = 0
        public var adjourned = 0
        public var absent = 0
    }

    public var totals: Totals {
        var t = Totals()
        t.candidates = rows.count
        for row in rows {
            let decisions = row.decisions.values.map(\.decision)
            if decisions.contains(where: { $0.component == .title && $0.decision == .valide }) { t.titles += 1 }
            if row.isPartial { t.partial += 1 }
            t.blocksValidated += decisions.filter { $0.component != .title && $0.decision == .valide }.count
            t.adjourned += decisions.filter { $0.decision == .ajourne }.count
            t.absent += decisions.filter { $0.decision == .absent }.count
        }
        return t
    }

    /// The date the document speaks on: amendments dated later are not part of it.
    public var asOf: Day
    /// The date a document of this session bears: `asOf`, never before the session sat.
    public var documentDate: Day { max(asOf, session.date) }

    /// Builds the minutes of a closed session from the convoked candidates' records and the
    /// decisions recorded by the session, with the amendments dated on or before `asOf`.
    ///
    /// `gaps`: by candidate and block, the competences still to acquire according to the latest
    /// grid (`CompetenceGaps`); what remains of a block not acquired names them.
    public init(session: JurySession, referentiel: Referentiel, records: [CandidateRecord],
                decisions recorded: [RecordedSessionDecision], asOf: Day,
                gaps: [CandidateID: [BlockCode: [String]]] = [:]) {
        self.session = session
        self.referentiel = referentiel
        self.asOf = asOf
        let decisions = recorded.filter { !($0.date > asOf) }
        let ids = Set(decisions.map(\.id))
        // An amendment revokes a decision of this same session; a revocation of an earlier
        // session's decision is one of this session's own decisions.
        let amendmentIDs = Set(decisions.filter { $0.decision.revokes.map(ids.contains) ?? false }.map(\.id))
        let original = decisions.filter { !amendmentIDs.contains($0.id) }
        let byCandidate = Dictionary(grouping: original, by: \.decision.candidate)
        let names = Dictionary(records.map { ($0.candidate.id, $0.candidate) }, uniquingKeysWith: { a, _ in a })

        // Each candidate's composition, checked once: the rows name who steps aside, the
        // routes' sentences say whether the jury met the fiche.
        let checks = records.map { JuryCompositionCheck.check(members: session.members, for: $0, referentiel: referentiel) }
        rows = zip(records, checks).map { record, composition in
            let mine = byCandidate[record.candidate.id] ?? []
            // Before: the record without anything this session decided; after: with the
            // session's own decisions but not the later amendments.
            var before = record
            before.decisions.removeAll { ids.contains($0.id) }
            var after = record
            after.decisions.removeAll { amendmentIDs.contains($0.id) }
            let was = VerdictEngine.verdict(for: before, referentiel: referentiel, asOf: session.date)
            let now = VerdictEngine.verdict(for: after, referentiel: referentiel, asOf: session.date)
            // On the document's date (`documentDate`, not readable before self is whole): every
            // decision up to then, amendments included.
            let today = VerdictEngine.verdict(for: record, referentiel: referentiel, asOf: max(asOf, session.date))
            var inForce = Dictionary(mine.map { ($0.decision.component, $0) }, uniquingKeysWith: { _, b in b })
            for replacement in decisions where amendmentIDs.contains(replacement.id)
                && replacement.decision.candidate == record.candidate.id {
                inForce[replacement.decision.component] = replacement
            }
            return Row(
                candidate: record.candidate,
                route: referentiel.route(record.enrolment.route)?.label ?? record.enrolment.route.rawValue,
                decisions: Dictionary(mine.map { ($0.decision.component, $0) }, uniquingKeysWith: { _, b in b }),
                acquiredBefore: was.blocks.filter { $0.status == .acquired }.map(\.code),
                acquired: now.blocks.compactMap { b in b.acquiredOn.map { (b.code, $0) } },
                remaining: now.title.status == .awarded ? [] : Self.remaining(now, referentiel: referentiel,
                                                                             title: mine.first { $0.decision.component == .title },
                                                                             gaps: gaps[record.candidate.id] ?? [:]),
                titleAwarded: now.title.status == .awarded,
                steppingAside: composition.steppingAside.map(\.name),
                inForce: inForce,
                standing: Standing(
                    acquired: today.blocks.compactMap { b in b.acquiredOn.map { (b.code, $0) } },
                    remaining: today.title.status == .awarded ? [] : Self.remaining(today, referentiel: referentiel,
                                                                                 title: inForce[.title],
                                                                                 gaps: gaps[record.candidate.id] ?? [:]),
                    titleAwarded: today.title.status == .awarded))
        }
        var compositions: [RouteComposition] = []
        for (record, check) in zip(records, checks) {
            let label = referentiel.route(record.enrolment.route)?.label ?? record.enrolment.route.rawValue
            let problems = check.problems.map { "\(record.candidate.id) — \($0)" }
            if let i = compositions.firstIndex(where: { $0.route == label }) {
                compositions[i].candidates += 1
                compositions[i].problems += problems
            } else {
                compositions.append(RouteComposition(route: label,
                                                     requirement: referentiel.route(record.enrolment.route)?.jury?.text ?? "",
                                                     candidates: 1, problems: problems))
            }
        }
        self.compositions = compositions
        let byID = Dictionary(decisions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        amendments = decisions.filter { amendmentIDs.contains($0.id) }.compactMap { replacement in
            guard let revokedID = replacement.decision.revokes, let revoked = byID[revokedID],
                  let candidate = names[replacement.decision.candidate] else { return nil }
            return Amendment(revoked: revoked, replacement: replacement, candidate: candidate)
        }
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
