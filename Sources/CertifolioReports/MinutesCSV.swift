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
        let file = try Writer(m, to: path)
        do {
            try rows.forEach(file.add)
        } catch {
            file.discard()
            throw error
        }
        try file.finish()
    }

    /// The CSV written a row at a time, as another pass over the rows goes (the PV's first),
    /// put in place whole at `finish` or not at all.
    public final class Writer {
        private let minutes: JuryMinutes
        private let file: BufferedFile

        public init(_ m: JuryMinutes, to path: String) throws {
            minutes = m
            file = try BufferedFile(path: path)
            do { try file.write(MinutesCSV.header(m)) } catch { file.discard(); throw error }
        }

        public func add(_ row: JuryMinutes.Row) throws { try file.write(MinutesCSV.lines(minutes, row)) }

        public func finish() throws { try file.finish() }

        public func discard() { file.discard() }
    }

    /// The BOM and the header line.
    static func header(_ m: JuryMinutes) -> String { "\u{FEFF}" + header.joined(separator: ";") + "\n" }

    /// A candidate's lines, each ended by "\n": the session's decisions, then the amendments
    /// that replaced some of them.
    static func lines(_ m: JuryMinutes, _ row: JuryMinutes.Row) -> String {
        var text = ""
        for d in row.decisions.values.sorted(by: { order($0) < order($1) }) + row.amendments.map(\.replacement) {
            text += [String(m.session.id.rawValue), m.session.date.iso, row.candidate.id.rawValue,
                     row.candidate.familyName, row.candidate.givenNames, row.route,
                     d.decision.component.fileValue, d.decision.decision.rawValue, d.decision.motive ?? "",
                     String(d.id), d.date.iso, d.decision.revokes.map(String.init) ?? "",
                     d.decision.revocationReason ?? ""].map(field).joined(separator: ";") + "\n"
        }
        return text
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
