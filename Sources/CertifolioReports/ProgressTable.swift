import CertifolioCore
import CertifolioRules

/// Many candidates at once: one line each, what is acquired and what is most urgent.
public enum ProgressTable {
    public static func render(_ rows: [(record: CandidateRecord, verdict: Verdict)]) -> String {
        let table = TextTable(headers: ["Candidat", "Nom", "Certif.", "Voie", "Blocs acquis/réussis", "Titre", "Manque"])
        for (record, verdict) in rows {
            let acquired = verdict.blocks.filter { $0.status == .acquired }.count
            let passed = verdict.blocks.filter { $0.status == .passed }.count
            let missing = VerdictText.missingItems(verdict)
            table.add([
                record.candidate.id.rawValue,
                TextTable.clip(record.candidate.displayName, 26),
                verdict.certification.rawValue,
                record.enrolment.route.rawValue,
                "\(acquired) acquis, \(passed) réussis / \(verdict.blocks.count)",
                titleWord(verdict.title.status),
                missing.isEmpty ? "—" : "\(missing.count) élément(s) : " + TextTable.clip(missing[0], 60),
            ])
        }
        return table.render()
    }

    static func titleWord(_ status: TitleStatus) -> String {
        switch status {
        case .awarded: return "délivré"
        case .eligible: return "présentable"
        case .notEligible: return "non présentable"
        }
    }
}

/// A plain-text table with aligned columns (no colours: it may go to a file).
final class TextTable {
    private let headers: [String]
    private var rows: [[String]] = []

    init(headers: [String]) { self.headers = headers }

    func add(_ row: [String]) { rows.append(row) }

    static func clip(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    func render() -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (i, cell) in cells.enumerated() {
                text += cell + String(repeating: " ", count: widths[i] - cell.count)
                if i < cells.count - 1 { text += "  " }
            }
            while text.last == " " { text.removeLast() }
            return text
        }
        var out = [line(headers), line(widths.map { String(repeating: "─", count: $0) })]
        out += rows.map(line)
        return out.joined(separator: "\n")
    }
}
