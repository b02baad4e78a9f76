import CertifolioCore

/// The CSV twin of the procès-verbal: one line per decision of the session, amendments
/// included, `;`-separated UTF-8 with a BOM so that a spreadsheet opens it as it is.
public enum MinutesCSV {
    public static let header = ["session_id", "session_date", "candidate_id", "family_name", "given_names", "route",
                                "component", "decision", "motive", "decision_id", "decision_date",
                                "revokes_decision_id", "revocation_reason"]

    public static func render(_ m: JuryMinutes) -> String {
        var lines = [header.joined(separator: ";")]
        var byCandidate: [CandidateID: [RecordedSessionDecision]] = [:]
        for row in m.rows {
            byCandidate[row.candidate.id] = row.decisions.values.sorted { order($0) < order($1) }
        }
        for a in m.amendments { byCandidate[a.candidate.id, default: []].append(a.replacement) }
        for row in m.rows {
            for d in byCandidate[row.candidate.id] ?? [] {
                lines.append([String(m.session.id.rawValue), m.session.date.iso, row.candidate.id.rawValue,
                              row.candidate.familyName, row.candidate.givenNames, row.route,
                              d.decision.component.fileValue, d.decision.decision.rawValue, d.decision.motive ?? "",
                              String(d.id), d.date.iso, d.decision.revokes.map(String.init) ?? "",
                              d.decision.revocationReason ?? ""].map(field).joined(separator: ";"))
            }
        }
        return "\u{FEFF}" + lines.joined(separator: "\n") + "\n"
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
