/// Issue 15's seeded mutator, shared by the readers' fuzz tests, the refusals through the door
/// and the web forms: byte flips, truncation, a BOM, CRLF, another separator, a 100 000-byte field,
/// invalid UTF-8, an unbalanced quote, a repeated first line, impossible dates, NaN, infinite and
/// negative scores, a stray comma, a deleted run.
public enum Mutator {}

/// A small deterministic generator (SplitMix64): the same seed, the same cases.
public struct Seeded: RandomNumberGenerator {
    public var state: UInt64
    public init(state: UInt64) { self.state = state }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Mutator {
    /// One mutation of `input`.
    public static func mutate(_ input: [UInt8], _ g: inout Seeded) -> [UInt8] {
        var bytes = input
        let text = { (s: String) in Array(s.utf8) }
        func at() -> Int { bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &g) }
        switch Int.random(in: 0..<13, using: &g) {
        case 0: if !bytes.isEmpty { bytes[at()] ^= UInt8.random(in: 1...255, using: &g) }
        case 1: bytes = Array(bytes.prefix(at()))
        case 2: bytes = [0xEF, 0xBB, 0xBF] + bytes
        case 3: bytes = text(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n"))
        case 4: bytes = bytes.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ";") : $0 == UInt8(ascii: ";") ? UInt8(ascii: "\t") : $0 }
        case 5: bytes.insert(contentsOf: [UInt8](repeating: UInt8(ascii: "x"), count: 100_000), at: at())
        case 6: bytes.insert(contentsOf: [0xFF, 0xC3, 0x28, 0x80], at: at())
        case 7: bytes.insert(UInt8(ascii: "\""), at: at())
        case 8:
            let firstLine = bytes.firstIndex(of: UInt8(ascii: "\n")).map { Array(bytes[...$0]) } ?? bytes
            bytes = firstLine + bytes
        case 9: bytes = text(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "-0", with: "-3"))
        case 10: bytes = text(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "12", with: ["NaN", "-4", "1e999", "inf"].randomElement(using: &g)!))
        case 11: bytes.insert(contentsOf: text(","), at: at())
        default:
            let start = at()
            bytes.removeSubrange(start..<min(bytes.count, start + 40))
        }
        return bytes
    }
}
