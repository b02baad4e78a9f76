/// A QR code (ISO/IEC 18004) of a short text — a parchemin's verification address — in byte
/// mode at error-correction level M, versions 1 to 6 (up to 106 bytes): no package does it on
/// this machine, and a verification link needs no more. The construction follows the standard
/// step by step: data codewords, Reed–Solomon error correction, function patterns, zig-zag
/// placement, the mask of lowest penalty, format information.
public struct QRCode: Sendable, Equatable {
    /// `modules[row][column]`: true for a dark module.
    public let modules: [[Bool]]
    public let version: Int
    public let mask: Int

    public var size: Int { modules.count }

    /// Level M, per version 1…6: data codewords per block, blocks, error-correction codewords per block.
    static let blocks: [(data: Int, count: Int, ec: Int)] = [
        (16, 1, 10), (28, 1, 16), (44, 1, 26), (32, 2, 18), (43, 2, 24), (27, 4, 16),
    ]
    /// The largest text, in UTF-8 bytes.
    public static let capacity = 106

    /// Nil when the text is longer than `capacity` bytes. `mask` forces a mask (tests compare
    /// with a reference encoder); by default the one of lowest penalty is chosen.
    public init?(_ text: String, mask forced: Int? = nil) {
        let bytes = Array(text.utf8)
        guard let version = (1...6).first(where: { Self.dataCapacity($0) * 8 >= 12 + 8 * bytes.count }) else {
            return nil
        }
        self.version = version
        var grid = Grid(size: 17 + 4 * version)
        grid.drawFunctionPatterns(version: version)
        grid.place(Self.codewords(bytes, version: version))
        let chosen = forced ?? (0..<8).min { grid.masked($0).penalty < grid.masked($1).penalty }!
        var final = grid.masked(chosen)
        final.drawFormat(mask: chosen)
        modules = final.dark
        mask = chosen
    }

    static func dataCapacity(_ version: Int) -> Int {
        let b = blocks[version - 1]
        return b.data * b.count
    }

    /// Mode and length, the bytes, terminator and padding, split into blocks each followed by
    /// its error correction, interleaved as the standard orders them.
    static func codewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        let capacity = dataCapacity(version)
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for i in (0..<count).reversed() { bits.append((value >> i) & 1 == 1) }
        }
        append(0b0100, 4)
        append(bytes.count, 8)
        for byte in bytes { append(Int(byte), 8) }
        append(0, min(4, capacity * 8 - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var data = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while data.count < capacity {
            data.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        let shape = blocks[version - 1]
        let divisor = ReedSolomon.divisor(degree: shape.ec)
        let split = (0..<shape.count).map { Array(data[$0 * shape.data..<($0 + 1) * shape.data]) }
        let corrections = split.map { ReedSolomon.remainder($0, divisor: divisor) }
        var result: [UInt8] = []
        for i in 0..<shape.data { for block in split { result.append(block[i]) } }
        for i in 0..<shape.ec { for block in corrections { result.append(block[i]) } }
        return result
    }
}

/// Arithmetic in GF(256) modulo x⁸ + x⁴ + x³ + x² + 1, and the code's generator polynomial.
enum ReedSolomon {
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z = 0
        for i in (0..<8).reversed() {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= Int((y >> i) & 1) * Int(x)
        }
        return UInt8(z)
    }

    /// The coefficients of ∏(x − αⁱ), i < degree, highest power omitted.
    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func remainder(_ data: [UInt8], divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for i in result.indices { result[i] ^= multiply(divisor[i], factor) }
        }
        return result
    }
}

/// The module grid while it is built: which modules are dark, which belong to function patterns.
struct Grid {
    var dark: [[Bool]]
    var function: [[Bool]]
    let size: Int

    init(size: Int) {
        self.size = size
        dark = Array(repeating: Array(repeating: false, count: size), count: size)
        function = dark
    }

    mutating func set(_ x: Int, _ y: Int, _ value: Bool) {
        dark[y][x] = value
        function[y][x] = true
    }

    mutating func drawFunctionPatterns(version: Int) {
        for i in 0..<size {
            set(6, i, i % 2 == 0)
            set(i, 6, i % 2 == 0)
        }
        for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 where (0..<size).contains(cx + dx) && (0..<size).contains(cy + dy) {
                    let distance = max(abs(dx), abs(dy))
                    set(cx + dx, cy + dy, distance != 2 && distance != 4)
                }
            }
        }
        if version > 1 {
            // Versions 2–6 have one alignment pattern, centred 7 modules from the far corner.
            let c = size - 7
            for dy in -2...2 { for dx in -2...2 { set(c + dx, c + dy, max(abs(dx), abs(dy)) != 1) } }
        }
        drawFormat(mask: 0) // reserves the format areas; drawn again once the mask is chosen
    }

    /// The 15 format bits (level M, the mask) around the finders, and the dark module.
    mutating func drawFormat(mask: Int) {
        let data = mask // level M's two bits are 00
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        for i in 0...5 { set(8, i, bit(i)) }
        set(8, 7, bit(6))
        set(8, 8, bit(7))
        set(7, 8, bit(8))
        for i in 9..<15 { set(14 - i, 8, bit(i)) }
        for i in 0..<8 { set(size - 1 - i, 8, bit(i)) }
        for i in 8..<15 { set(8, size - 15 + i, bit(i)) }
        set(8, size - 8, true)
    }

    /// The codewords' bits in the zig-zag order: two columns at a time from the right,
    /// upwards then downwards, skipping the vertical timing pattern.
    mutating func place(_ codewords: [UInt8]) {
        var index = 0
        let total = codewords.count * 8
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for j in 0..<2 {
                    let x = right - j
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vertical : vertical
                    guard !function[y][x], index < total else { continue }
                    dark[y][x] = (codewords[index >> 3] >> (7 - UInt8(index & 7))) & 1 == 1
                    index += 1
                }
            }
            right -= 2
        }
    }

    func masked(_ mask: Int) -> Grid {
        var copy = self
        for y in 0..<size {
            for x in 0..<size where !function[y][x] {
                let flip: Bool
                switch mask {
                case 0: flip = (x + y) % 2 == 0
                case 1: flip = y % 2 == 0
                case 2: flip = x % 3 == 0
                case 3: flip = (x + y) % 3 == 0
                case 4: flip = (x / 3 + y / 2) % 2 == 0
                case 5: flip = x * y % 2 + x * y % 3 == 0
                case 6: flip = (x * y % 2 + x * y % 3) % 2 == 0
                default: flip = ((x + y) % 2 + x * y % 3) % 2 == 0
                }
                if flip { copy.dark[y][x].toggle() }
            }
        }
        copy.drawFormat(mask: mask)
        return copy
    }

    /// The standard's penalty: runs of five or more, 2×2 blocks, finder-like sequences, and
    /// the distance of the dark proportion from one half.
    var penalty: Int {
        var score = 0
        let columns = (0..<size).map { x in (0..<size).map { dark[$0][x] } }
        for line in dark + columns {
            var run = 1
            for i in 1..<size {
                if line[i] == line[i - 1] {
                    run += 1
                } else {
                    if run >= 5 { score += run - 2 }
                    run = 1
                }
            }
            if run >= 5 { score += run - 2 }
            let finder: [Bool] = [true, false, true, true, true, false, true]
            for start in 0...(size - 7) where Array(line[start..<start + 7]) == finder {
                let before = start >= 4 && !line[(start - 4)..<start].contains(true)
                let after = start + 11 <= size && !line[(start + 7)..<(start + 11)].contains(true)
                if before || after { score += 40 }
            }
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let c = dark[y][x]
                if dark[y][x + 1] == c && dark[y + 1][x] == c && dark[y + 1][x + 1] == c { score += 3 }
            }
        }
        let darkCount = dark.reduce(0) { $0 + $1.filter { $0 }.count }
        let total = size * size
        let k = (abs(darkCount * 20 - total * 10) + total - 1) / total - 1
        return score + 10 * max(0, k)
    }
}
