import CertifolioCore
import CertifolioPDF

extension MinutesPDF {
    /// What the PV draws of each candidate, written in the pass that counts the session and
    /// read by both drawings: three spools, so that each part of the PV reads only its own
    /// (one candidate in ten may have a partial validation or a motive; every one has a row).
    final class Spool {
        /// A partial validation: the candidate, the blocks acquired, what remains for the title.
        struct PartialValidation: Codable {
            var candidate: String
            var acquired: String
            var remaining: [String]
        }

        /// Each candidate's cells in the decisions table.
        let table: SpoolFile<[String]>
        let partial: SpoolFile<PartialValidation>
        /// Each motivated candidate's paragraphs.
        let motives: SpoolFile<[String]>
        private let minutes: JuryMinutes

        /// `path`: the PV's, named when the spool cannot be written.
        init(_ minutes: JuryMinutes, path: String) throws {
            let failure = { (detail: String) -> Error in PDFError(path: path, detail: detail) }
            table = try SpoolFile(failure: failure)
            partial = try SpoolFile(failure: failure)
            motives = try SpoolFile(failure: failure)
            self.minutes = minutes
        }

        func append(_ row: JuryMinutes.Row) throws {
            try table.append(cells(row))
            if row.isPartial {
                let acquired = row.acquired.map { "\($0.0) (jury du \($0.1.french))" }.joined(separator: ", ")
                try partial.append(PartialValidation(candidate: "\(row.candidate.id) — \(row.candidate.displayName)",
                                                     acquired: "Blocs acquis : \(acquired.isEmpty ? "aucun" : acquired).",
                                                     remaining: row.remaining))
            }
            let motivated = row.motivated
            if !motivated.isEmpty {
                try motives.append(motivated.map { d in
                    "\(row.candidate.id), \(d.decision.component.french) — \(d.decision.decision.pvWord) : "
                        + (d.decision.motive ?? "")
                })
            }
        }

        /// The candidate, then each block's decision and the title's: "Validé", "Ajourné",
        /// "Absent" (with " *" when an amendment revoked it), "Acquis" for a block a jury had
        /// validated before, "—" for no decision.
        private func cells(_ row: JuryMinutes.Row) -> [String] {
            let amended = Set(row.amendments.map(\.revoked.decision.slot))
            func cell(_ component: DecisionComponent) -> String {
                if let decision = row.decisions[component] {
                    let mark = amended.contains(DecisionSlot(row.candidate.id, component)) ? " *" : ""
                    return decision.decision.decision.pvWord + mark
                }
                if case .block(let code) = component, row.acquiredBefore.contains(code) { return "Acquis" }
                return "—"
            }
            return ["\(row.candidate.id) — \(row.candidate.displayName)\n\(row.candidate.birthDate.french) — \(row.route)"]
                + minutes.referentiel.blocks.map { cell(.block($0.code)) } + [cell(.title)]
        }
    }
}
