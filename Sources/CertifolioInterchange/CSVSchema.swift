import CertifolioCore

/// The columns a cohort file may have, matched against a file's header by name.
struct CSVSchema {
    let required: [String]
    let optional: [String]

    /// Column positions of this file; unknown, repeated or missing columns are errors.
    func columns(file: String, header: [String]) throws(InputError) -> CSVColumns {
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            let location = SourceLocation(file: file, line: 1, column: i + 1)
            guard required.contains(name) || optional.contains(name) else {
                throw InputError(location, "colonne inconnue « \(name) ». Colonnes attendues : "
                                 + (required + optional).joined(separator: ", ") + ".")
            }
            guard index[name] == nil else { throw InputError(location, "colonne « \(name) » en double.") }
            index[name] = i
        }
        for name in required where index[name] == nil {
            throw InputError(SourceLocation(file: file, line: 1), "colonne obligatoire « \(name) » absente.")
        }
        return CSVColumns(file: file, positions: index.map { ($0.key, $0.value) })
    }

    func columns(of table: CSVTable) throws(InputError) -> CSVColumns {
        try columns(file: table.file, header: table.header)
    }
}

/// Where each named column sits in one file. A class shared by every row of the file, looked
/// up by a short linear scan: cheaper than hashing the name for each of a million fields.
final class CSVColumns {
    let file: String
    private let positions: [(name: String, index: Int)]

    init(file: String, positions: [(String, Int)]) {
        self.file = file
        self.positions = positions.map { (name: $0.0, index: $0.1) }
    }

    subscript(name: String) -> Int? {
        for p in positions where p.name == name { return p.index }
        return nil
    }

    /// Where a named field of a row sits: file, line, 1-based column and column name.
    func location(line: Int, _ name: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: self[name].map { $0 + 1 }, columnName: name)
    }
}

/// Reads the fields of one row by column name, collecting errors instead of stopping at the
/// first one, so that a whole file can be reported at once.
struct CSVFieldReader {
    let columns: CSVColumns
    let row: CSVTable.Row
    let errors: ErrorCollector

    func location(_ name: String) -> SourceLocation { columns.location(line: row.line, name) }

    /// The field trimmed of spaces; "" when the column is absent.
    func text(_ name: String) -> String {
        guard let i = columns[name] else { return "" }
        return row.fields[i].trimmingSpaces
    }

    func fail(_ name: String, _ problem: String) {
        errors.add(InputError(location(name), problem))
    }

    func nonEmpty(_ name: String, what: String) -> String? {
        let value = text(name)
        if value.isEmpty {
            fail(name, "\(what) manquant.")
            return nil
        }
        return value
    }

    func day(_ name: String) -> Day? {
        let value = text(name)
        if value.isEmpty {
            fail(name, "date manquante (format AAAA-MM-JJ).")
            return nil
        }
        guard let day = Day(iso: value) else {
            fail(name, "date « \(value) » invalide : une date réelle au format AAAA-MM-JJ est attendue.")
            return nil
        }
        return day
    }

    /// Nil and no error when the field is empty.
    func optionalDecimal(_ name: String) -> ExactDecimal?? {
        let value = text(name)
        if value.isEmpty { return .some(nil) }
        guard let number = ExactDecimal(parsing: value) else {
            fail(name, "nombre « \(value) » invalide (par exemple 12,5 ou 12.5).")
            return nil
        }
        return .some(number)
    }
}

/// Errors of a whole import, kept in file order; only the first `limit` are kept in full.
final class ErrorCollector {
    private(set) var errors: [InputError] = []
    private(set) var total = 0
    let limit: Int

    init(limit: Int = 50) { self.limit = limit }

    func add(_ error: InputError) {
        total += 1
        if errors.count < limit { errors.append(error) }
    }

    var isEmpty: Bool { total == 0 }

    /// Throws the errors kept, in the order they were found or, for checks that run after a
    /// whole file was read, in line order.
    func throwIfAny(conclusion: String = "Rien n'a été importé.", inLineOrder: Bool = false) throws(InputErrors) {
        guard total > 0 else { return }
        let kept = inLineOrder
            ? errors.enumerated().sorted { ($0.element.location.line ?? 0, $0.offset) < ($1.element.location.line ?? 0, $1.offset) }
                .map(\.element)
            : errors
        throw InputErrors(kept, total: total, conclusion: conclusion)
    }
}
