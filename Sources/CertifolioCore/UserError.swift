/// An error a user can act on: its French message names the file, line and column or the id
/// at fault. The CLI prints `message` and exits 1; nothing has been changed.
public protocol UserFacingError: Error, CustomStringConvertible {
    var message: String { get }
}

extension UserFacingError {
    public var description: String { message }
}

/// A place in an input file. `column` is 1-based; for CSV it is the field number and
/// `columnName` the header of that field.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var columnName: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
    }

    /// "candidates.csv, ligne 3, colonne 4 (birth_date)".
    public var description: String {
        var text = file
        if let line { text += ", ligne \(line)" }
        if let column { text += ", colonne \(column)" }
        if let columnName { text += " (\(columnName))" }
        return text
    }
}

/// A bad input file: what is wrong and exactly where.
public struct InputError: UserFacingError, Equatable {
    public var location: SourceLocation
    public var problem: String

    public init(_ location: SourceLocation, _ problem: String) {
        self.location = location
        self.problem = Self.shortened(problem)
    }

    public var message: String { "\(location) : \(problem)" }

    /// A value quoted « … » longer than 60 characters is cut to its first 50, with its length:
    /// a 100 000-character field (found by fuzzing the command line) made a 100 KB message.
    static func shortened(_ problem: String) -> String {
        guard problem.count > 80 else { return problem }
        var result = ""
        var rest = Substring(problem)
        while let open = rest.range(of: "« "), let close = rest[open.upperBound...].range(of: " »") {
            let quoted = rest[open.upperBound..<close.lowerBound]
            result += rest[..<open.upperBound]
            result += quoted.count > 60 ? quoted.prefix(50) + "… (\(quoted.count) caractères)" : quoted
            result += " »"
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}

/// Several bad lines at once, so that a file can be mended in one pass.
public struct InputErrors: UserFacingError, Equatable {
    public var errors: [InputError]
    /// How many errors there were in all (only the first ones are kept).
    public var total: Int
    /// The closing sentence: what was left unchanged.
    public var conclusion: String

    public init(_ errors: [InputError], total: Int? = nil, conclusion: String = "Rien n'a été importé.") {
        self.errors = errors
        self.total = total ?? errors.count
        self.conclusion = conclusion
    }

    public var message: String {
        var lines = errors.map(\.message)
        if total > errors.count { lines.append("… et " + French.count(total - errors.count, "autre erreur", "autres erreurs") + ".") }
        lines.append(conclusion)
        return lines.joined(separator: "\n")
    }
}
