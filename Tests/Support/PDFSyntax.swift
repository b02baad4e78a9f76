import Foundation

/// A PDF object as the file spells it (ISO 32000-1 §7.3), enough to read the documents cairo
/// writes: no encryption, no object streams.
public indirect enum PDFObject: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case name(String)
    case string([UInt8])
    case array([PDFObject])
    case dictionary([String: PDFObject])
    case reference(Int)
    /// An operator of a content stream (`Tj`, `BT`…), or a keyword such as `obj`.
    case keyword(String)

    var number: Double? { if case .number(let n) = self { n } else { nil } }
    var name: String? { if case .name(let n) = self { n } else { nil } }
    var array: [PDFObject]? { if case .array(let a) = self { a } else { nil } }
    var dictionary: [String: PDFObject]? { if case .dictionary(let d) = self { d } else { nil } }
    var bytes: [UInt8]? { if case .string(let s) = self { s } else { nil } }
}

/// Reads PDF objects one after the other from bytes: the body of an indirect object, a content
/// stream or a CMap. `next()` returns nil at the end.
struct PDFScanner {
    let bytes: [UInt8]
    var offset: Int

    init(_ bytes: [UInt8], from offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var atEnd: Bool {
        mutating get {
            skipSpace()
            return offset >= bytes.count
        }
    }

    /// The next object; `R` after two numbers makes a reference.
    mutating func next() -> PDFObject? {
        guard let object = token() else { return nil }
        if case .number(let id) = object {
            var ahead = self
            if case .number = ahead.token(), case .keyword("R") = ahead.token() {
                self = ahead
                return .reference(Int(id))
            }
        }
        return object
    }

    private static let delimiters = Set("()<>[]{}/%".utf8)

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0 }

    private mutating func skipSpace() {
        while offset < bytes.count {
            if Self.isSpace(bytes[offset]) {
                offset += 1
            } else if bytes[offset] == UInt8(ascii: "%") {
                while offset < bytes.count, bytes[offset] != 0x0A, bytes[offset] != 0x0D { offset += 1 }
            } else {
                return
            }
        }
    }

    private mutating func token() -> PDFObject? {
        skipSpace()
        guard offset < bytes.count else { return nil }
        let byte = bytes[offset]
        switch byte {
        case UInt8(ascii: "/"):
            offset += 1
            return .name(String(decoding: regular(), as: UTF8.self))
        case UInt8(ascii: "("):
            offset += 1
            return .string(literalString())
        case UInt8(ascii: "<") where offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "<"):
            offset += 2
            return .dictionary(dictionary())
        case UInt8(ascii: "<"):
            offset += 1
            return .string(hexString())
        case UInt8(ascii: "["):
            offset += 1
            var items: [PDFObject] = []
            while true {
                skipSpace()
                if offset >= bytes.count { break }
                if bytes[offset] == UInt8(ascii: "]") { offset += 1; break }
                guard let item = next() else { break }
                items.append(item)
            }
            return .array(items)
        case UInt8(ascii: "]"), UInt8(ascii: ">"), UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            offset += 1  // stray delimiter: skip it
            return .keyword(String(UnicodeScalar(byte)))
        default:
            let word = String(decoding: regular(), as: UTF8.self)
            if let number = Double(word) { return .number(number) }
            switch word {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            default: return .keyword(word)
            }
        }
    }

    /// Bytes up to the next space or delimiter.
    private mutating func regular() -> ArraySlice<UInt8> {
        let start = offset
        while offset < bytes.count, !Self.isSpace(bytes[offset]), !Self.delimiters.contains(bytes[offset]) { offset += 1 }
        return bytes[start..<offset]
    }

    private mutating func dictionary() -> [String: PDFObject] {
        var entries: [String: PDFObject] = [:]
        while true {
            skipSpace()
            if offset + 1 >= bytes.count { offset = bytes.count; break }
            if bytes[offset] == UInt8(ascii: ">"), bytes[offset + 1] == UInt8(ascii: ">") { offset += 2; break }
            guard case .name(let key)? = next(), let value = next() else { continue }
            entries[key] = value
        }
        return entries
    }

    /// `(…)` with its escapes and balanced parentheses (§7.3.4.2).
    private mutating func literalString() -> [UInt8] {
        var out: [UInt8] = []
        var depth = 1
        while offset < bytes.count {
            let b = bytes[offset]
            offset += 1
            switch b {
            case UInt8(ascii: "("):
                depth += 1
                out.append(b)
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return out }
                out.append(b)
            case UInt8(ascii: "\\"):
                guard offset < bytes.count else { return out }
                let e = bytes[offset]
                offset += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case 0x0D:
                    if offset < bytes.count, bytes[offset] == 0x0A { offset += 1 }
                case 0x0A:
                    break
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    var value = Int(e - UInt8(ascii: "0"))
                    for _ in 0..<2 where offset < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[offset]) {
                        value = value * 8 + Int(bytes[offset] - UInt8(ascii: "0"))
                        offset += 1
                    }
                    out.append(UInt8(truncatingIfNeeded: value))
                default:
                    out.append(e)
                }
            default:
                out.append(b)
            }
        }
        return out
    }

    /// `<…>`: pairs of hex digits, spaces ignored, an odd last digit padded with 0 (§7.3.4.3).
    private mutating func hexString() -> [UInt8] {
        var digits: [UInt8] = []
        while offset < bytes.count, bytes[offset] != UInt8(ascii: ">") {
            if let d = Self.hexValue(bytes[offset]) { digits.append(d) }
            offset += 1
        }
        offset += 1
        if digits.count % 2 == 1 { digits.append(0) }
        return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
