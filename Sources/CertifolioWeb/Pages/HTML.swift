/// A piece of HTML written in Swift: every page is drawn with it (see `PageContent`).
///
/// What is written as a literal is markup; what is interpolated is text and is escaped, unless
/// it is itself `HTML`. So `"<p>\(name)</p>" as HTML` cannot inject markup: a name typed by a
/// person is always text. The compiler checks every page's values and their types.
struct HTML: ExpressibleByStringInterpolation, Sendable {
    private(set) var markup: String

    init(stringLiteral literal: String) {
        markup = literal
    }

    init(stringInterpolation: StringInterpolation) {
        markup = stringInterpolation.markup
    }

    /// Markup that is already escaped (the sum of two pieces).
    init(escaped markup: String) {
        self.markup = markup
    }

    /// Nothing: for an optional part of a page.
    static let empty = HTML(stringLiteral: "")

    static func + (lhs: HTML, rhs: HTML) -> HTML {
        HTML(escaped: lhs.markup + rhs.markup)
    }

    static func += (lhs: inout HTML, rhs: HTML) {
        lhs.markup += rhs.markup
    }

    struct StringInterpolation: StringInterpolationProtocol {
        var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: String) {
            markup += literal
        }

        /// Text: escaped.
        mutating func appendInterpolation(_ text: String) {
            HTML.escape(text, into: &markup)
        }

        mutating func appendInterpolation<Number: BinaryInteger>(_ number: Number) {
            markup += String(number)
        }

        /// Markup already built: as it is.
        mutating func appendInterpolation(_ html: HTML) {
            markup += html.markup
        }
    }

    /// Escapes what could end a text or an attribute value (`& < > " '`).
    static func escape(_ text: String, into output: inout String) {
        // Most texts have nothing to escape: copy them whole, after a scan of their bytes.
        let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        let needsEscaping = text.utf8.withContiguousStorageIfAvailable { $0.contains(where: special) }
            ?? text.utf8.contains(where: special)
        guard needsEscaping else {
            output += text
            return
        }
        for character in text.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(character)
            }
        }
    }
}

extension Sequence {
    /// Each element's HTML, one after the other.
    func html(_ part: (Element) -> HTML) -> HTML {
        reduce(into: HTML.empty) { $0 += part($1) }
    }
}
