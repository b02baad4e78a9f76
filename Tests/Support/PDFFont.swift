import Foundation

/// What a font of a page says of its character codes: how many bytes a code takes and which
/// text each code stands for, from the font's ToUnicode CMap (ISO 32000-1 §9.10.3), or from
/// WinAnsiEncoding for a simple font without one.
struct PDFFont {
    /// 2 for a Type0 font with Identity-H (what cairo writes for glyphs outside WinAnsi), else 1.
    let codeLength: Int
    private var unicode: [UInt32: String] = [:]

    init(_ font: [String: PDFObject], in file: PDFFile) throws {
        codeLength = font["Subtype"] == .name("Type0") ? 2 : 1
        if let map = font["ToUnicode"] {
            try read(cmap: try file.streamData(map))
        } else if codeLength == 2 {
            throw PDFFile.Unreadable(description: "police composite sans ToUnicode")
        }
    }

    /// The text a shown string stands for.
    func text(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i + codeLength <= bytes.count {
            let code = bytes[i..<(i + codeLength)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            if let text = unicode[code] {
                out += text
            } else if codeLength == 1 {
                out += String(data: Data([UInt8(code)]), encoding: .windowsCP1252) ?? "\u{FFFD}"
            } else {
                out += "\u{FFFD}"
            }
            i += codeLength
        }
        return out
    }

    /// `bfchar` and `bfrange` sections; destinations are UTF-16BE.
    private mutating func read(cmap: [UInt8]) throws {
        var scanner = PDFScanner(cmap)
        var operands: [PDFObject] = []
        while let object = scanner.next() {
            guard case .keyword(let word) = object else {
                operands.append(object)
                continue
            }
            switch word {
            case "endbfchar":
                for pair in stride(from: 0, to: operands.count - 1, by: 2) {
                    guard let source = operands[pair].bytes, let target = operands[pair + 1].bytes else { continue }
                    unicode[Self.code(source)] = Self.utf16(target)
                }
            case "endbfrange":
                for triple in stride(from: 0, to: operands.count - 2, by: 3) {
                    guard let low = operands[triple].bytes, let high = operands[triple + 1].bytes else { continue }
                    let (first, last) = (Self.code(low), Self.code(high))
                    guard first <= last, last - first < 65_536 else { continue }
                    switch operands[triple + 2] {
                    case .string(let target):
                        var units = Self.units(target)
                        for code in first...last {
                            unicode[code] = String(decoding: units, as: UTF16.self)
                            if !units.isEmpty { units[units.count - 1] &+= 1 }
                        }
                    case .array(let targets):
                        for (code, target) in zip(first...last, targets) {
                            if let bytes = target.bytes { unicode[code] = Self.utf16(bytes) }
                        }
                    default: continue
                    }
                }
            default: break
            }
            operands.removeAll()
        }
    }

    private static func code(_ bytes: [UInt8]) -> UInt32 { bytes.reduce(0) { $0 << 8 | UInt32($1) } }

    private static func units(_ bytes: [UInt8]) -> [UInt16] {
        stride(from: 0, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
    }

    static func utf16(_ bytes: [UInt8]) -> String { String(decoding: units(bytes), as: UTF16.self) }
}
