import CertifolioCore
import CertifolioRules

/// Reads the decisions a jury took, from the CSV of `jury decide`
/// (`candidate_id,component,decision,motive`), and checks each line against the session:
/// convoked candidate, block of the certification, a motive when the decision departs from the
/// proposal, nothing decided again on a block already acquired, and a title validated only
/// when every block is acquired or validated in this session. Every bad line is reported at
/// once, with its line and column.
public struct DecisionSheetReader: Sendable {
    /// What the sheet is checked against.
    public struct Context: Sendable {
        public var session: JurySessionID
        public var referentiel: Referentiel
        /// Every candidate recorded, to tell an unknown id from one not convoked.
        public var known: Set<CandidateID>
        /// Convoked candidates with the proposal for each.
        public var proposals: [CandidateID: JuryProposal]
        /// Decisions already entered in the session (a new line replaces its draft).
        public var drafts: [SessionDecision]

        public init(session: JurySessionID, referentiel: Referentiel, known: Set<CandidateID>,
                    proposals: [CandidateID: JuryProposal], drafts: [SessionDecision]) {
            self.session = session
            self.referentiel = referentiel
            self.known = known
            self.proposals = proposals
            self.drafts = drafts
        }
    }

    static let schema = CSVSchema(required: ["candidate_id", "component", "decision"], optional: ["motive"])
    static let conclusion = "Aucune décision n'a été enregistrée."

    public let context: Context

    public init(context: Context) { self.context = context }

    public func read(file: String, bytes: [UInt8]) throws -> [SessionDecision] {
        let table: CSVTable
        let columns: CSVColumns
        do {
            table = try CSVTable(file: file, bytes: bytes)
            columns = try Self.schema.columns(of: table)
        } catch {
            throw InputErrors([error], conclusion: Self.conclusion)
        }
        let errors = ErrorCollector()
        var decisions: [SessionDecision] = []
        var seen: [DecisionSlot: Int] = [:]
        var titleLines: [(SessionDecision, CSVFieldReader)] = []
        for row in table.rows {
            let r = CSVFieldReader(columns: columns, row: row, errors: errors)
            guard let decision = read(r, seen: &seen) else { continue }
            decisions.append(decision)
            if decision.component == .title && decision.decision == .valide { titleLines.append((decision, r)) }
        }
        if table.rows.isEmpty {
            errors.add(InputError(SourceLocation(file: file, line: 2), "aucune décision dans le fichier."))
        }
        for (decision, r) in titleLines { checkTitleRestsOnBlocks(decision, sheet: decisions, r) }
        // The title checks come after the whole sheet is read: report in line order.
        try errors.throwIfAny(conclusion: Self.conclusion, inLineOrder: true)
        return decisions
    }

    private func read(_ r: CSVFieldReader, seen: inout [DecisionSlot: Int]) -> SessionDecision? {
        guard let id = r.nonEmpty("candidate_id", what: "identifiant du candidat").map(CandidateID.init) else { return nil }
        guard let proposal = context.proposals[id] else {
            r.fail("candidate_id", context.known.contains(id)
                   ? "le candidat \(id) n'est pas convoqué à la session n° \(context.session)."
                   : "candidat « \(id) » inconnu.")
            return nil
        }
        let component = DecisionTarget.resolve(r.text("component"), in: context.referentiel, r)
        let kindText = r.text("decision")
        let kind = DecisionKind(rawValue: kindText)
        if kind == nil { r.fail("decision", "décision « \(kindText) » inconnue : valide, ajourne ou absent attendu.") }
        guard let component, let kind else { return nil }

        let key = DecisionSlot(id, component)
        if let first = seen[key] {
            r.fail("component", "\(id) / \(component.fileValue) : déjà décidé ligne \(first) de ce fichier.")
            return nil
        }
        seen[key] = r.row.line

        if case .block(let code) = component, proposal.acquired.contains(code) {
            r.fail("component", "le bloc \(code) de \(id) est déjà acquis (capitalisé) : il n'y a rien à décider ; "
                   + "pour retirer une validation, utilisez certifolio jury revoke.")
            return nil
        }
        if component == .title, proposal.titleAwarded {
            r.fail("component", "le titre de \(id) est déjà délivré : il n'y a rien à décider ; "
                   + "pour retirer une décision, utilisez certifolio jury revoke.")
            return nil
        }
        let motive = r.text("motive")
        let expected = proposal.expectedDecision(component)
        if kind != expected && motive.isEmpty {
            r.fail(r.columns["motive"] == nil ? "decision" : "motive",
                   "\(id) / \(component.fileValue) : la décision « \(kind.rawValue) » s'écarte de la proposition "
                   + "(« \(expected.rawValue) ») : un motif est obligatoire.")
            return nil
        }
        return SessionDecision(candidate: id, component: component, decision: kind,
                               motive: motive.isEmpty ? nil : motive)
    }

    /// The title is all the blocks: it is validated only with every block acquired or
    /// validated in this session (this sheet, or drafts it does not replace).
    private func checkTitleRestsOnBlocks(_ title: SessionDecision, sheet: [SessionDecision], _ r: CSVFieldReader) {
        guard let proposal = context.proposals[title.candidate] else { return }
        var blockDecisions: [BlockCode: DecisionKind] = [:]
        for d in context.drafts + sheet where d.candidate == title.candidate {
            if case .block(let code) = d.component { blockDecisions[code] = d.decision }
        }
        let missing = context.referentiel.blocks.map(\.code).filter {
            !proposal.acquired.contains($0) && blockDecisions[$0] != .valide
        }
        if !missing.isEmpty {
            r.fail("decision", "\(title.candidate) : le titre ne peut être validé, le(s) bloc(s) "
                   + missing.map(\.rawValue).joined(separator: ", ") + " n'étant ni acquis ni validé(s) dans cette session.")
        }
    }
}
