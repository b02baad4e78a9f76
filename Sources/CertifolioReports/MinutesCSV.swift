import CertifolioCore

/// The CSV twin of the procès-verbal: one line per decision of the session, amendments
/// included, `;`-separated UTF-8 with a BOM so that a spreadsheet opens it as it is. Written as
/// the rows are read: the memory does not grow with the candidates.
public enum MinutesCSV {
    public static let header = ["session_id", "session_date", "candidate_id", "family_name", "given_names", "route",
                                "component", "decision", "motive", "decision_id", "decision_date",
                                "revokes_decision_id", "revocation_reason"]

    /// Writes the file whole or not at all.
    public static func write(_ m: JuryMinutes, rows: JuryMinutes.Rows, to path: String) throws {
        let file = try BufferedFile(path: path)
        do {
            try lines(m, rows: rows) { try file.write($0) }
        } catch {
            file.discard()
            throw error
        }
        try file.finish()
    }

    /// The whole text at once: for a session of a few candidates.
    public static func render(_ m: JuryMinutes, rows: JuryMinutes.Rows) throws -> String {
        var text = ""
        try lines(m, rows: rows) { text += $0 }
        return text
    }

    /// Hands each line (ended by "\n") to `out`, the BOM first.
    static func lines(_ m: JuryMinutes, rows: JuryMinutes.Rows, _ out: (String) throws -> Void) throws {
        try out("\u{FEFF}" + header.joined(separator: ";") + "\n")
        try rows.forEach { row in
            // The session's decisions, then the amendments that replaced some of them.
            for d in row.decisions.values.sorted(by: { order($0) < order($1) }) + row.amendments.map(\.replacement) {
                try out([String(m.session.id.rawValue), m.session.date.iso, row.candidate.id.rawValue,
                         row.candidate.familyName, row.candidate.givenNames, row.route,
                         d.decision.component.fileValue, d.decision.decision.rawValue, d.decision.motive ?? "",
                         String(d.id), d.date.iso, d.decision.revokes.map(String.init) ?? "",
                         d.decision.revocationReason ?? ""].map(field).joined(separator: ";") + "\n")
            }
        }
    }

    /// Blocks in code order, the title last, then by recording order.
    private static func order(_ d: RecordedSessionDecision) -> (Int, String, Int64) {
        switch d.decision.component {
        case .block(let code): return (0, code.rawValue, d.id)
        case .title: return (1, "", d.id)
        }
    }

    static func field(_ value: String) -> String { CSVField.quoted(value, separator: ";") }
}
