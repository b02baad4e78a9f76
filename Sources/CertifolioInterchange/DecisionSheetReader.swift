import CertifolioCore
import CertifolioRules

/// Reads the decisions a jury took, from the CSV of `jury decide`
/// (`candidate_id,component,decision,motive`), into `SessionDecision` values, each checked by
/// `SessionDecisionCheck` (the same check the web form's rows pass) and worded at its line and
/// column. Every bad line is reported at once. The title rule (TitleDecisionRule) is the use
/// case's; the sheet says where each decision was written, to word its refusals too.
public struct DecisionSheetReader: Sendable {
    static let schema = CSVSchema(required: ["candidate_id", "component", "decision"], optional: ["motive"])
    public static let conclusion = "Aucune décision n'a été enregistrée."

    public let check: SessionDecisionCheck

    public init(check: SessionDecisionCheck) { self.check = check }

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
        public func location(of slot: DecisionSlot, field: DecisionField = .decision) -> SourceLocation? {
            lines[slot].map { columns.location(line: $0, field.rawValue) }
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
        func fail(_ problem: DecisionProblem) {
            // Without a motive column, a missing motive is the decision's problem.
            let field = problem.field == .motive && r.columns["motive"] == nil ? DecisionField.decision : problem.field
            r.fail(field.rawValue, problem.message)
        }
        guard let id = r.nonEmpty("candidate_id", what: "identifiant du candidat").map(CandidateID.init) else { return nil }
        let proposal: JuryProposal
        switch check.proposal(for: id) {
        case .success(let found): proposal = found
        case .failure(let problem): fail(problem); return nil
        }
        var component: DecisionComponent?
        switch check.component(r.text("component"), candidate: id) {
        case .success(let found): component = found
        case .failure(let problem): fail(problem)
        }
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
        let motive = r.text("motive")
        let decision = SessionDecision(candidate: id, component: component, decision: kind,
                                       motive: motive.isEmpty ? nil : motive)
        if let problem = check.problem(decision, proposal: proposal) {
            fail(problem)
            return nil
        }
        return decision
    }
}
