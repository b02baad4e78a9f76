/// An exact decimal number (scores, maximum scores, years of experience, pass ratios).
///
/// `mantissa × 10^-scale`. Never a `Double`: "10/20 passes" must hold to the letter.
public struct ExactDecimal: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let mantissa: Int64
    public let scale: Int

    /// The most digits after the decimal mark that a score may carry.
    public static let maxScale = 6

    public init(mantissa: Int64, scale: Int = 0) {
        self.mantissa = mantissa
        self.scale = scale
    }

    public init(_ integer: Int) { self.init(mantissa: Int64(integer), scale: 0) }

    /// Parses `12`, `12.5`, `12,5`, `-3.25`; nil for anything else (empty, `1e3`, `12.5.1`,
    /// more than `maxScale` decimals or 12 integer digits).
    public init?(parsing text: some StringProtocol) {
        self.init(parsingUTF8: String(text))
    }

    /// Concrete (non-generic) parser: it runs for every score of every import.
    private init?(parsingUTF8 text: String) {
        var negative = false
        var mantissa: Int64 = 0
        var scale = 0
        var seenMark = false
        var digits = 0
        var intDigits = 0
        var i = -1
        for c in text.utf8 {
            i += 1
            switch c {
            case UInt8(ascii: "-") where i == 0:
                negative = true
            case UInt8(ascii: "+") where i == 0:
                continue
            case UInt8(ascii: "."), UInt8(ascii: ","):
                guard !seenMark else { return nil }
                seenMark = true
            case 48...57:
                digits += 1
                if seenMark {
                    scale += 1
                    guard scale <= ExactDecimal.maxScale else { return nil }
                } else {
                    intDigits += 1
                    guard intDigits <= 12 else { return nil }
                }
                mantissa = mantissa * 10 + Int64(c - 48)
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        self.init(mantissa: negative ? -mantissa : mantissa, scale: scale)
    }

    public static let zero = ExactDecimal(0)

    private static func pow10(_ n: Int) -> Int64 {
        var v: Int64 = 1
        for _ in 0..<n { v *= 10 }
        return v
    }

    /// Both mantissas brought to the larger scale.
    private static func aligned(_ a: ExactDecimal, _ b: ExactDecimal) -> (Int64, Int64, Int) {
        if a.scale == b.scale { return (a.mantissa, b.mantissa, a.scale) }
        if a.scale > b.scale { return (a.mantissa, b.mantissa * pow10(a.scale - b.scale), a.scale) }
        return (a.mantissa * pow10(b.scale - a.scale), b.mantissa, b.scale)
    }

    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool {
        let (x, y, _) = aligned(a, b)
        return x < y
    }

    public static func == (a: ExactDecimal, b: ExactDecimal) -> Bool {
        let (x, y, _) = aligned(a, b)
        return x == y
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(normalized.mantissa)
        hasher.combine(normalized.scale)
    }

    public static func + (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        let (x, y, s) = aligned(a, b)
        return ExactDecimal(mantissa: x + y, scale: s)
    }

    public static func * (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        ExactDecimal(mantissa: a.mantissa * b.mantissa, scale: a.scale + b.scale).normalized
    }

    /// Trailing zeros after the decimal mark removed (12.50 -> 12.5).
    public var normalized: ExactDecimal {
        var m = mantissa
        var s = scale
        while s > 0, m % 10 == 0 {
            m /= 10
            s -= 1
        }
        return ExactDecimal(mantissa: m, scale: s)
    }

    public var isPositive: Bool { mantissa > 0 }
    public var isNegative: Bool { mantissa < 0 }

    /// `12.5`, canonical with a dot (files, database).
    public var description: String { formatted(mark: ".") }

    /// `12,5`, French decimal comma (documents, messages).
    public var french: String { formatted(mark: ",") }

    private func formatted(mark: String) -> String {
        if scale == 0 { return String(mantissa) }
        let n = normalized
        if n.scale == 0 { return String(n.mantissa) }
        let digits = String(n.mantissa.magnitude)
        let sign = n.mantissa < 0 ? "-" : ""
        guard n.scale > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: max(0, n.scale + 1 - digits.count)) + digits
        let cut = padded.index(padded.endIndex, offsetBy: -n.scale)
        return sign + padded[..<cut] + mark + padded[cut...]
    }
}
