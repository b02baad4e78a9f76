import CertifolioCore
import CertifolioRules

/// Many candidates at once, for a terminal: one row each (fiche and route by their labels,
/// blocks, title), then what is most urgent on an indented line. Cells wrap at word boundaries
/// to fit `width` columns: nothing is cut mid-word.
public enum ProgressTable {
    public static func render(_ rows: [(record: CandidateRecord, verdict: Verdict)],
                              referentiels: [CertificationCode: Referentiel] = [:], width: Int = 100) -> String {
        // Fixed columns take 8 + 19 + 15 and the gaps 8; the name and the route share the rest
        // (on an 80-column terminal: 14 and 16, each wrapping at words).
        let name = width >= 96 ? 20 : 14
        let table = TextTable(headers: ["Candidat", "Nom", "Fiche et voie", "Blocs", "Titre"],
                              widths: [8, name, max(16, width - 50 - name), 19, 15], width: width)
        for (record, verdict) in rows {
            let acquired = verdict.blocks.filter { $0.status == .acquired }.count
            let passed = verdict.blocks.filter { $0.status == .passed }.count
            let route = referentiels[verdict.certification]?.route(record.enrolment.route)?.label
                ?? record.enrolment.route.rawValue
            let missing = VerdictText.missingItems(verdict)
            table.add([record.candidate.id.rawValue, record.candidate.displayName, "\(verdict.certification) — \(route)",
                       "\(acquired) acquis, " + French.count(passed, "réussi", "réussis"), titleWord(verdict.title.status)],
                      detail: missing.first.map {
                          "Manque " + (missing.count > 1 ? "(\(missing.count) éléments, le premier)" : "") + " : " + $0
                      })
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

/// A plain-text table with aligned columns (no colours: it may go to a file). Each column has
/// a maximum width; a longer cell wraps at spaces onto the row's next lines. A row may carry a
/// detail line, indented under it and wrapped to the table's width.
final class TextTable {
    private let headers: [String]
    private let maxWidths: [Int]
    private let width: Int
    private var rows: [(cells: [String], detail: String?)] = []

    init(headers: [String], widths: [Int], width: Int) {
        self.headers = headers
        maxWidths = widths
        self.width = width
    }

    func add(_ row: [String], detail: String? = nil) { rows.append((row, detail)) }

    /// `text` in lines of at most `width` characters, broken at spaces (a word longer than the
    /// width stands alone on its line rather than being cut).
    static func wrap(_ text: String, _ width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    func render() -> String {
        // Each column as wide as its widest line, up to its maximum.
        var widths = zip(headers, maxWidths).map { min(max($0.0.count, 1), $0.1) }
        let wrapped = rows.map { row in zip(row.cells, maxWidths).map { Self.wrap($0.0, $0.1) } }
        for cells in wrapped {
            for (i, lines) in cells.enumerated() { widths[i] = max(widths[i], lines.map(\.count).max() ?? 0) }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (i, cell) in cells.enumerated() {
                text += cell + String(repeating: " ", count: max(0, widths[i] - cell.count))
                if i < cells.count - 1 { text += "  " }
            }
            while text.last == " " { text.removeLast() }
            return text
        }
        var out = [line(headers), line(widths.map { String(repeating: "─", count: $0) })]
        let indent = String(repeating: " ", count: widths[0] + 2)
        for (cells, row) in zip(wrapped, rows) {
            let height = cells.map(\.count).max() ?? 1
            for n in 0..<height { out.append(line(cells.map { n < $0.count ? $0[n] : "" })) }
            if let detail = row.detail {
                out += Self.wrap(detail, max(20, width - indent.count)).map { indent + $0 }
            }
        }
        return out.joined(separator: "\n")
    }
}
