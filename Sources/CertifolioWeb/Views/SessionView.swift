import CertifolioCore
import CertifolioReports
import CertifolioRules

/// A jury session as the secretary's page shows it: the jury, whether its composition meets
/// the fiche for each convoked candidate, the proposals, the decisions entered, and what still
/// stands in the way of closing.
struct SessionView {
    struct Member {
        let name: String
        let role: String
        let external: Bool
        let presides: Bool
        let excused: Bool
    }

    struct Candidate {
        let id: String
        let name: String
        let route: String
        let proposal: String
        let decisions: String
        let decided: Bool
        let compositionMet: Bool
        let decisionLink: String
        let attestationLink: String?
        let notificationLink: String?
        /// The title decision entered or recorded, if any.
        let title: DecisionKind?

        func shows(_ filter: Filter) -> Bool {
            switch filter {
            case .all: return true
            case .undecided: return !decided
            case .awarded: return title == .valide
            case .notAwarded: return decided && title != .valide
            case .composition: return !compositionMet
            }
        }
    }

    /// What the candidates' table shows (`?filtre=` on the session page).
    enum Filter: String, CaseIterable {
        case all = "tous", undecided = "sans-decision", awarded = "titre", notAwarded = "sans-titre"
        case composition = "composition"

        var label: String {
            switch self {
            case .all: return "Tous"
            case .undecided: return "Sans décision"
            case .awarded: return "Titre délivré"
            case .notAwarded: return "Sans le titre"
            case .composition: return "Composition non réunie"
            }
        }
    }

    var filter = Filter.all
    /// The avenant form's choices: the block codes and the title.
    let components: [SelectOption]
    /// Members who step aside, with how many candidates they evaluated (said once, not per row).
    let steppingAside: [(name: String, candidates: Int)]

    let id: Int64
    var sessionID: JurySessionID { JurySessionID(id) }
    let certification: String
    let date: String
    let place: String
    let isOpen: Bool
    let closedOn: String?
    let members: [Member]
    let roles: [SelectOption]
    /// The people of the jury directory not yet members of this session.
    var directory: [SelectOption] = []
    let routes: [String]
    let candidates: [Candidate]
    let convokedCount: Int
    let decidedCount: Int
    let compositionMetCount: Int
    let cohorts: [SelectOption]
    let pvLink: String
    let pvCSVLink: String
    /// The fiche names who presides (a role); otherwise the session designates a member.
    let presidingRole: String?
    /// Who presides, if anyone does yet.
    let president: String?
    /// Each composition problem once, with the candidates it concerns (the rows do not repeat it).
    let compositionProblems: [(problem: String, candidates: [String])]

    init(session: JurySession, referentiel: Referentiel, reviews: [JuryReview], drafts: [SessionDecision],
         recorded: [RecordedSessionDecision], cohorts: [String]) {
        id = session.id.rawValue
        certification = "\(referentiel.code) — \(referentiel.title)"
        date = session.date.french
        place = session.place
        isOpen = !session.isClosed
        closedOn = session.closedAt.map(DocumentParts.timestamp)
        members = session.members.map { m in
            Member(name: m.name, role: referentiel.juryRoles.first { $0.id == m.role }?.label ?? m.role.rawValue,
                   external: m.external, presides: m.presides, excused: m.excused)
        }
        presidingRole = referentiel.accessRoutes.compactMap { $0.jury?.president }.first
            .map { referentiel.juryRole($0)?.label ?? $0.rawValue }
        president = session.president(in: referentiel)?.name
        var problems: [(problem: String, candidates: [String])] = []
        for review in reviews {
            for problem in review.composition.problems {
                // The sentence names the candidate when an evaluator steps aside; grouped by its words.
                let words = problem.capitalizedFirst
                if let i = problems.firstIndex(where: { $0.problem == words }) {
                    problems[i].candidates.append(review.record.candidate.id.rawValue)
                } else {
                    problems.append((words, [review.record.candidate.id.rawValue]))
                }
            }
        }
        compositionProblems = problems
        roles = referentiel.juryRoles.map { SelectOption(value: $0.id.rawValue, label: $0.label) }
        routes = referentiel.accessRoutes.filter(\.allowed).compactMap { route in
            route.jury.map { "\(route.label) : \($0.text)" }
        }
        let decisions = session.isClosed ? recorded.map(\.decision) : drafts
        let byCandidate = Dictionary(grouping: decisions, by: \.candidate)
        candidates = reviews.map { review in
            let id = review.record.candidate.id
            let mine = byCandidate[id] ?? []
            let route = review.record.enrolment.route
            return Candidate(
                id: id.rawValue, name: review.record.candidate.displayName,
                route: referentiel.route(route)?.label ?? route.rawValue,
                proposal: JurySessionText.proposalWords(review.proposal).capitalizedFirst,
                decisions: Self.words(mine, referentiel),
                decided: !mine.isEmpty,
                compositionMet: review.composition.isMet,
                decisionLink: WebRoutes.decision.path((session.id, id)),
                attestationLink: session.isClosed && !review.proposal.acquired.isEmpty
                    ? WebRoutes.sessionAttestation.path((session.id, id)) : nil,
                notificationLink: session.isClosed ? WebRoutes.notification.path((session.id, id)) : nil,
                title: mine.first { $0.component == .title }?.decision)
        }
        var aside: [(name: String, candidates: Int)] = []
        for member in session.members {
            let n = reviews.filter { $0.composition.steppingAside.contains(member) }.count
            if n > 0 { aside.append((member.name, n)) }
        }
        steppingAside = aside
        components = [SelectOption(value: "title", label: "Titre")]
            + referentiel.blocks.map { SelectOption(value: $0.code.rawValue, label: "\($0.code) — \($0.title)") }
        convokedCount = session.convoked.count
        decidedCount = Set(decisions.map(\.candidate)).count
        compositionMetCount = reviews.filter(\.composition.isMet).count
        self.cohorts = cohorts.map { SelectOption(value: $0, label: $0) }
        pvLink = WebRoutes.minutesPDF.path(session.id)
        pvCSVLink = WebRoutes.minutesCSV.path(session.id)
    }
}

extension SessionView {
    /// "Titre : validé — blocs validés : BC01, BC02 ; ajourné : BC03": the title first, then the
    /// blocks by decision, by their short codes (the page shows 30 rows at a glance).
    static func words(_ decisions: [SessionDecision], _ referentiel: Referentiel) -> String {
        guard !decisions.isEmpty else { return "aucune" }
        var parts: [String] = []
        if let title = decisions.first(where: { $0.component == .title }) {
            parts.append("titre : \(title.decision.pvWord.lowercased())")
        }
        for kind in [DecisionKind.valide, .ajourne, .absent] {
            let codes = decisions.compactMap { d -> String? in
                guard d.decision == kind, case .block(let code) = d.component else { return nil }
                return MinutesPDF.shortCode(code, in: referentiel.code)
            }
            guard !codes.isEmpty else { continue }
            let word = kind.pvWord.lowercased() + (codes.count > 1 ? "s" : "")
            parts.append("\(codes.count > 1 ? "blocs" : "bloc") \(word) : \(codes.joined(separator: ", "))")
        }
        return parts.joined(separator: " — ").capitalizedFirst
    }
}

/// The decision form for one convoked candidate: one line per block still to decide and one
/// for the title, each starting from the decision entered or else the proposal.
struct DecisionFormView {
    struct Line {
        let component: String
        let label: String
        let expected: String
        /// The decision entered, else the proposal.
        let chosen: DecisionKind
        let motive: String
    }

    let sessionID: Int64
    let candidateID: String
    let name: String
    let proposal: String
    let lines: [Line]
    let errors: [String]
    let action: String
    /// The candidate's record, shown under the form.
    let record: RecordView
    /// What lies behind each block: its deposits and its latest grid.
    var evidence: [BlockEvidence] = []

    struct BlockEvidence {
        let block: String
        /// The épreuves handed in, each with its versions.
        let deposits: [(label: String, versions: [Deposit])]
        /// The latest grid of the block's evaluations, with its épreuve and date.
        let grid: (from: String, lines: [CompetenceAssessment])?
    }

    /// Each block's deposits (from the candidate's slots) and latest grid (from their history).
    static func evidence(_ referentiel: Referentiel, slots: [DepositSlot], history: [EvaluationEntry]) -> [BlockEvidence] {
        referentiel.blocks.compactMap { block in
            let component = Component.block(block.code)
            let deposits = slots.filter { $0.component == component && !$0.deposits.isEmpty }.map { ($0.label, $0.deposits) }
            let graded = history.filter { $0.event.component == component && $0.correctedBy == nil && !$0.grid.isEmpty }
                .max { ($0.event.date, $0.id) < ($1.event.date, $1.id) }
            guard !deposits.isEmpty || graded != nil else { return nil }
            return BlockEvidence(block: "\(block.code) — \(block.title)", deposits: deposits,
                                 grid: graded.map { ("\(referentiel.epreuveName($0.event.component, $0.event.modality)), "
                                                     + "le \($0.event.date.french)", $0.grid) })
        }
    }

    init(session: JurySession, review: JuryReview, referentiel: Referentiel, drafts: [SessionDecision],
         submitted: [String: (DecisionKind, String)]?, errors: [String], record: RecordView) {
        sessionID = session.id.rawValue
        let id = review.record.candidate.id
        candidateID = id.rawValue
        name = review.record.candidate.displayName
        proposal = JurySessionText.proposalWords(review.proposal).capitalizedFirst
        var components = referentiel.blocks.map(\.code).filter { !review.proposal.acquired.contains($0) }
            .map(DecisionComponent.block)
        if !review.proposal.titleAwarded { components.append(.title) }
        let entered = Dictionary(drafts.filter { $0.candidate == id }.map { ($0.component, $0) },
                                 uniquingKeysWith: { _, b in b })
        lines = components.map { component in
            let expected = review.proposal.expectedDecision(component)
            let chosen = submitted?[component.fileValue] ?? entered[component].map { ($0.decision, $0.motive ?? "") }
                ?? (expected, "")
            let label: String
            switch component {
            case .title: label = "Titre — \(referentiel.title)"
            case .block(let code): label = "\(code) — \(referentiel.block(code)?.title ?? "")"
            }
            return Line(component: component.fileValue, label: label, expected: expected.pvWord.lowercased(),
                        chosen: chosen.0, motive: chosen.1)
        }
        self.errors = errors
        action = WebRoutes.decision.path((session.id, id))
        self.record = record
    }
}
