import CertifolioCore

/// A stand-alone CSV file checked line by line (`calendar.csv`, `surveys.csv`): its header matched
/// against `schema`, each line handed to `line` with a field reader that collects problems at their
/// line and column, every bad line reported at once, and a file with one refused whole.
struct CSVFileReader {
    let schema: CSVSchema
    /// What a refusal ends with ("Rien n'a été enregistré").
    let conclusion: String
    /// The problem of a file without lines.
    let empty: String

    func read<Value>(file: String, bytes: [UInt8],
                     line: (CSVFieldReader, CSVColumns) -> Value?) throws -> [Value] {
        let table: CSVTable
        let columns: CSVColumns
        do {
            table = try CSVTable(file: file, bytes: bytes)
            columns = try schema.columns(of: table)
        } catch {
            throw InputErrors([error], conclusion: conclusion)
        }
        let errors = ErrorCollector()
        var values: [Value] = []
        for row in table.rows {
            if let value = line(CSVFieldReader(columns: columns, row: row, errors: errors), columns) { values.append(value) }
        }
        if table.rows.isEmpty { errors.add(InputError(SourceLocation(file: file, line: 2), empty)) }
        guard errors.isEmpty else { throw InputErrors(errors.errors, total: errors.total, conclusion: conclusion) }
        return values
    }
}
