import CertifolioCore

/// A CSV file read whole: its header and its rows, each row with its line number.
///
/// UTF-8 (a BOM is skipped), `,` or `;` detected from the header, RFC 4180 quoting (a quoted
/// field may hold the separator, `""` and line breaks), `\n` or `\r\n` line ends. Blank lines
/// are skipped. Byte-level on purpose: a cohort can hold hundreds of thousands of lines.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line where the row starts in the file (the header is line 1).
        public var line: Int
        public var fields: [String]
    }

    public var file: String
    public var separator: Character
    public var header: [String]
    public var rows: [Row]

    public init(file: String, bytes: [UInt8]) throws(InputError) {
        var stream = try CSVStream(file: file, bytes: bytes)
        var rows: [Row] = []
        while let row = try stream.next() { rows.append(row) }
        self.init(file: file, separator: stream.separator, header: stream.header, rows: rows)
    }

    init(file: String, separator: Character, header: [String], rows: [Row]) {
        self.file = file
        self.separator = separator
        self.header = header
        self.rows = rows
    }
}

/// The same file read one row at a time, so that a large file can be checked and written
/// while the rest of it is still being parsed.
public struct CSVStream {
    public let file: String
    public let separator: Character
    public let header: [String]
    /// Line ends in the file: an upper bound of the rows, for a progress bar.
    public let estimatedRows: Int
    private var parser: Parser

    public init(file: String, bytes: [UInt8]) throws(InputError) {
        self.file = file
        var parser = Parser(file: file, bytes: bytes)
        guard let headerRow = try parser.nextRecord(separator: Parser.detectSeparator(bytes, from: parser.index)) else {
            throw InputError(SourceLocation(file: file, line: 1), "le fichier est vide : la ligne d'en-tête manque.")
        }
        self.separator = Character(Unicode.Scalar(parser.separator))
        self.header = headerRow.fields.map { $0.trimmingSpaces }
        self.estimatedRows = bytes.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        self.parser = parser
    }

    /// The next non-blank row, or nil at the end; a row with another field count than the
    /// header is an error naming its line.
    public mutating func next() throws(InputError) -> CSVTable.Row? {
        while let row = try parser.nextRecord(separator: parser.separator) {
            if row.fields.count == 1, row.fields[0].isEmpty { continue }
            if row.fields.count != header.count {
                throw InputError(SourceLocation(file: file, line: row.line),
                                 French.count(row.fields.count, "champ", "champs") + " au lieu des \(header.count) de l'en-tête "
                                 + "(séparateur « \(separator) »).")
            }
            return row
        }
        return nil
    }

    private struct Parser {
        let file: String
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var separator: UInt8 = UInt8(ascii: ",")

        init(file: String, bytes: [UInt8]) {
            self.file = file
            self.bytes = bytes
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        }

        /// `;` when the header line has more semicolons than commas, else `,`.
        static func detectSeparator(_ bytes: [UInt8], from start: Int) -> UInt8 {
            var commas = 0
            var semicolons = 0
            var i = start
            while i < bytes.count, bytes[i] != UInt8(ascii: "\n") {
                if bytes[i] == UInt8(ascii: ",") { commas += 1 }
                if bytes[i] == UInt8(ascii: ";") { semicolons += 1 }
                i += 1
            }
            return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
        }

        mutating func nextRecord(separator: UInt8) throws(InputError) -> CSVTable.Row? {
            self.separator = separator
            guard index < bytes.count else { return nil }
            let startLine = line
            var fields: [String] = []
            fields.reserveCapacity(expectedFields)
            while true {
                let (field, ended) = try nextField(column: fields.count + 1, line: startLine)
                fields.append(field)
                if ended {
                    expectedFields = max(expectedFields, fields.count)
                    return CSVTable.Row(line: startLine, fields: fields)
                }
            }
        }

        /// Fields per row seen so far, to size the next row's array once.
        private var expectedFields = 8

        /// One field and whether it ended its record. Unquoted fields, and quoted ones without
        /// doubled quotes, are decoded straight from the file bytes.
        private mutating func nextField(column: Int, line startLine: Int) throws(InputError) -> (String, Bool) {
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                index += 1
                let start = index
                var escaped: [UInt8]?
                while true {
                    guard index < bytes.count else {
                        throw InputError(SourceLocation(file: file, line: startLine, column: column),
                                         "guillemet ouvrant sans guillemet fermant.")
                    }
                    let c = bytes[index]
                    if c == UInt8(ascii: "\"") {
                        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                            if escaped == nil { escaped = Array(bytes[start..<index]) }
                            escaped!.append(c)
                            index += 2
                            continue
                        }
                        break
                    }
                    if c == UInt8(ascii: "\n") { line += 1 }
                    escaped?.append(c)
                    index += 1
                }
                let end = index
                index += 1
                let text: String
                if let escaped {
                    text = try string(escaped[...], column: column, line: startLine)
                } else {
                    text = try string(bytes[start..<end], column: column, line: startLine)
                }
                // Whatever follows the closing quote up to the separator is kept (lenient).
                let (rest, ended) = try nextField(column: column, line: startLine)
                return (text + rest, ended)
            }
            let start = index
            while index < bytes.count {
                let c = bytes[index]
                if c == separator {
                    let text = try string(bytes[start..<index], column: column, line: startLine)
                    index += 1
                    return (text, false)
                }
                if c == UInt8(ascii: "\n") {
                    var end = index
                    if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                    let text = try string(bytes[start..<end], column: column, line: startLine)
                    index += 1
                    line += 1
                    return (text, true)
                }
                index += 1
            }
            var end = index
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            return (try string(bytes[start..<end], column: column, line: startLine), true)
        }

        private func string(_ bytes: ArraySlice<UInt8>, column: Int, line: Int) throws(InputError) -> String {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw InputError(SourceLocation(file: file, line: line, column: column),
                                 "texte qui n'est pas de l'UTF-8 valide (enregistrez le fichier en UTF-8).")
            }
            return text
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (Foundation-free).
    var trimmingSpaces: String {
        // Fast path: nearly every field has no surrounding space.
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return self }
        if first != 32, first != 9, last != 32, last != 9 { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}
