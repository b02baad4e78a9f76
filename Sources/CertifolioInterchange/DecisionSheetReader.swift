import CertifolioCore
import CertifolioRules

/// Reads the decisions a jury took, from the CSV of `jury decide`
/// (`candidate_id,component,decision,motive`), and checks each line against the session:
/// convoked candidate, block of the certification, a motive when the decision departs from the
/// proposal, nothing decided again on a block already acquired. Every bad line is reported at
/// once, with its line and column. The title rule (TitleDecisionRule) is the use case's, for
/// every way a decision arrives; the sheet says where each decision was written, to word it.
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
    public static let conclusion = "Aucune décision n'a été enregistrée."

    public let context: Context

    public init(context: Context) { self.context = context }

    /// The decisions of a sheet that could be read, where each is written, and the bad lines.
    public struct Sheet {
        public var decisions: [SessionDecision]
        /// Bad lines (the first ones, `problemCount` in all): the use case adds its own, then
        /// refuses the sheet.
        public var problems: [InputError]
        public var problemCount: Int
        fileprivate var lines: [DecisionSlot: Int]
        fileprivate var columns: CSVColumns

        /// The place of a decision's `field` in the file.
        public func location(of slot: DecisionSlot, field: String = "decision") -> SourceLocation? {
            lines[slot].map { columns.location(line: $0, field) }
        }
    }

    /// Reads every line; throws only when the file as a whole cannot be read (encoding,
    /// header), else reports bad lines in `problems`.
    public func read(file: String, bytes: [UInt8]) throws -> Sheet {
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
        for row in table.rows {
            let r = CSVFieldReader(columns: columns, row: row, errors: errors)
            guard let decision = read(r, seen: &seen) else { continue }
            decisions.append(decision)
        }
        if table.rows.isEmpty {
            errors.add(InputError(SourceLocation(file: file, line: 2), "aucune décision dans le fichier."))
        }
        return Sheet(decisions: decisions, problems: errors.errors, problemCount: errors.total, lines: seen,
                     columns: columns)
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
                   + "une validation ne se retire que par une révocation motivée.")
            return nil
        }
        if component == .title, proposal.titleAwarded {
            r.fail("component", "le titre de \(id) est déjà délivré : il n'y a rien à décider ; "
                   + "une décision ne se retire que par une révocation motivée.")
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
}
