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
        let table = TextTable(headers: headers, widths: widths(width), width: width)
        for (record, verdict) in rows {
            let (cells, detail) = row(record, verdict, referentiels)
            table.add(cells, detail: detail)
        }
        return table.render()
    }

    static let headers = ["Candidat", "Nom", "Fiche et voie", "Blocs", "Titre"]

    /// Fixed columns take 8 + 19 + 15 and the gaps 8; the name and the route share the rest
    /// (on an 80-column terminal: 14 and 16, each wrapping at words).
    static func widths(_ width: Int) -> [Int] {
        let name = width >= 96 ? 20 : 14
        return [8, name, max(16, width - 50 - name), 19, 15]
    }

    static func row(_ record: CandidateRecord, _ verdict: Verdict,
                    _ referentiels: [CertificationCode: Referentiel]) -> (cells: [String], detail: String?) {
        let acquired = verdict.blocks.filter { $0.status == .acquired }.count
        let passed = verdict.blocks.filter { $0.status == .passed }.count
        let route = referentiels[verdict.certification]?.route(record.enrolment.route)?.label
            ?? record.enrolment.route.rawValue
        let missing = VerdictText.missingItems(verdict)
        return ([record.candidate.id.rawValue, record.candidate.displayName, "\(verdict.certification) — \(route)",
                 "\(acquired) acquis, " + French.count(passed, "réussi", "réussis"), titleWord(verdict.title.status)],
                missing.first.map { "Manque " + (missing.count > 1 ? "(\(missing.count) éléments, le premier)" : "") + " : " + $0 })
    }

    /// The same table written row by row as the verdicts come (`progress --all` over a whole
    /// database: one page of records in memory at a time). The columns take their maximum widths
    /// at once, since the rows to come are not known.
    public final class Stream {
        private let table: TextTable
        private let referentiels: [CertificationCode: Referentiel]
        private let write: (String) -> Void

        public init(referentiels: [CertificationCode: Referentiel], width: Int, write: @escaping (String) -> Void) {
            self.referentiels = referentiels
            self.write = write
            table = TextTable(headers: ProgressTable.headers, widths: ProgressTable.widths(width), width: width)
            write(table.headerLines(widths: table.fixedWidths).joined(separator: "\n") + "\n")
        }

        public func add(_ record: CandidateRecord, _ verdict: Verdict) {
            let (cells, detail) = ProgressTable.row(record, verdict, referentiels)
            write(table.rowLines(cells, detail: detail, widths: table.fixedWidths).joined(separator: "\n") + "\n")
        }
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

    /// The columns at their maximum widths (a streamed table: the rows to come are unknown).
    var fixedWidths: [Int] { maxWidths }

    func render() -> String {
        // Each column as wide as its widest line, up to its maximum.
        var widths = zip(headers, maxWidths).map { min(max($0.0.count, 1), $0.1) }
        for row in rows {
            for (i, cell) in row.cells.enumerated() {
                widths[i] = max(widths[i], Self.wrap(cell, maxWidths[i]).map(\.count).max() ?? 0)
            }
        }
        return (headerLines(widths: widths) + rows.flatMap { rowLines($0.cells, detail: $0.detail, widths: widths) })
            .joined(separator: "\n")
    }

    func headerLines(widths: [Int]) -> [String] {
        [Self.line(headers, widths), Self.line(widths.map { String(repeating: "─", count: $0) }, widths)]
    }

    /// A row's lines: its cells wrapped within their columns, then its detail, indented.
    func rowLines(_ cells: [String], detail: String?, widths: [Int]) -> [String] {
        let wrapped = zip(cells, maxWidths).map { Self.wrap($0.0, $0.1) }
        let height = wrapped.map(\.count).max() ?? 1
        var out = (0..<height).map { n in Self.line(wrapped.map { n < $0.count ? $0[n] : "" }, widths) }
        if let detail {
            let indent = String(repeating: " ", count: widths[0] + 2)
            out += Self.wrap(detail, max(20, width - indent.count)).map { indent + $0 }
        }
        return out
    }

    private static func line(_ cells: [String], _ widths: [Int]) -> String {
        var text = ""
        for (i, cell) in cells.enumerated() {
            text += cell + String(repeating: " ", count: max(0, widths[i] - cell.count))
            if i < cells.count - 1 { text += "  " }
        }
        while text.last == " " { text.removeLast() }
        return text
    }
}
