/// The text of one page, in the order it is drawn, one line per positioning of the text:
/// what a reader selecting the page's text gets. Ligatures and spaces that a line break
/// swallowed come back through the `ActualText` cairo attaches to them (§14.9.4).
struct PDFPageText {
    private let file: PDFFile
    private var fonts: [String: PDFFont] = [:]
    private var font: PDFFont?
    /// One entry per open marked-content sequence: whether it carries an ActualText.
    private var marked: [Bool] = []
    /// The ActualText of the open span, written where its first glyph is drawn (cairo may move
    /// to the next line inside the span), or at its end when it draws none.
    private var actualText: String?
    private var lines: [String] = [""]
    private var lineBreak = false

    static func read(_ page: [String: PDFObject], in file: PDFFile) throws -> String {
        var reader = PDFPageText(file: file)
        try reader.loadFonts(page)
        try reader.interpret(try contents(of: page, in: file))
        return reader.lines.joined(separator: "\n")
    }

    private init(file: PDFFile) { self.file = file }

    private static func contents(of page: [String: PDFObject], in file: PDFFile) throws -> [UInt8] {
        guard let contents = page["Contents"] else { return [] }
        if case .array(let parts) = contents { return try parts.flatMap { try file.streamData($0) + [0x0A] } }
        return try file.streamData(contents)
    }

    private mutating func loadFonts(_ page: [String: PDFObject]) throws {
        let resources = try page["Resources"].map(file.resolve)?.dictionary ?? [:]
        let named = try resources["Font"].map(file.resolve)?.dictionary ?? [:]
        for (name, reference) in named {
            guard let dictionary = try file.resolve(reference).dictionary else { continue }
            fonts[name] = try PDFFont(dictionary, in: file)
        }
    }

    private mutating func interpret(_ content: [UInt8]) throws {
        var scanner = PDFScanner(content)
        var operands: [PDFObject] = []
        while let object = scanner.next() {
            guard case .keyword(let op) = object else {
                operands.append(object)
                continue
            }
            switch op {
            case "BT", "Tm", "Td", "TD", "T*":
                lineBreak = true
            case "Tf":
                guard let name = operands.first?.name, let named = fonts[name] else {
                    throw PDFFile.Unreadable(description: "police inconnue \(operands.first.map { "\($0)" } ?? "")")
                }
                font = named
            case "Tj":
                show(operands.last)
            case "'", "\"":
                lineBreak = true
                show(operands.last)
            case "TJ":
                for element in operands.last?.array ?? [] {
                    // A move right of more than a third of an em is a gap between words that
                    // cairo drew without a space glyph (two texts side by side); kerning is
                    // far smaller.
                    if let move = element.number, move < -333 { emitSpace() }
                    show(element)
                }
            case "BDC":
                let actual = operands.last?.dictionary?["ActualText"]?.bytes
                marked.append(actual != nil)
                if let actual { actualText = Self.textString(actual) }
            case "BMC":
                marked.append(false)
            case "EMC":
                if marked.popLast() == true, let text = actualText {
                    actualText = nil
                    emit(text)
                }
            default:
                break
            }
            operands.removeAll()
        }
    }

    private mutating func show(_ string: PDFObject?) {
        guard let bytes = string?.bytes, let font else { return }
        if marked.contains(true) {
            if !bytes.isEmpty, let text = actualText {
                actualText = nil
                emit(text)
            }
        } else {
            emit(font.text(bytes))
        }
    }

    private mutating func emitSpace() {
        if !lineBreak, lines[lines.count - 1].last != " " { lines[lines.count - 1] += " " }
    }

    private mutating func emit(_ text: String) {
        if lineBreak, !lines[lines.count - 1].isEmpty { lines.append("") }
        lineBreak = false
        lines[lines.count - 1] += text
    }

    /// A text string: UTF-16BE behind its byte-order mark, else PDFDocEncoding (Latin-1 here).
    private static func textString(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFE, 0xFF]) { return PDFFont.utf16(Array(bytes.dropFirst(2))) }
        return String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
    }
}
