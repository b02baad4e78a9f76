import CertifolioCore
import CertifolioRules

/// The verdict as contract §4 JSON, written by hand: keys in the contract's order, one line
/// per verdict, and fast enough for tens of thousands of verdicts a second.
public enum VerdictJSON {
    public static func line(_ v: Verdict) -> String {
        let out = JSONWriter()
        out.object {
            out.field("candidate_id", v.candidateID.rawValue)
            out.field("certification", v.certification.rawValue)
            out.field("as_of", v.asOf.iso)
            out.key("title")
            out.object {
                out.field("status", v.title.status.rawValue)
                if let day = v.title.awardedOn { out.field("awarded_on", day.iso) }
                out.key("reasons")
                reasons(v.title.reasons, out)
            }
            out.key("blocks")
            out.array(v.blocks) { block in
                out.object {
                    out.field("code", block.code.rawValue)
                    out.field("status", block.status.rawValue)
                    if let day = block.acquiredOn { out.field("acquired_on", day.iso) }
                    out.key("reasons")
                    reasons(block.reasons, out)
                }
            }
            out.key("finals")
            out.array(v.finals) { final in
                out.object {
                    out.field("id", final.id.rawValue)
                    out.field("status", final.status.rawValue)
                }
            }
            out.key("requirements")
            out.array(v.requirements) { requirement in
                out.object {
                    out.field("id", requirement.id.rawValue)
                    out.field("status", requirement.status.rawValue)
                    if requirement.waived { out.key("waived"); out.raw("true") }
                }
            }
        }
        return out.text
    }

    private static func reasons(_ reasons: [Reason], _ out: JSONWriter) {
        out.array(reasons) { reason in
            out.object {
                out.field("code", reason.code.rawValue)
                out.field("component", reason.component)
                out.field("message", reason.message)
            }
        }
    }
}

/// A minimal JSON writer (objects, arrays, strings) with correct escaping. A class so that
/// nested closures can write into the same buffer.
final class JSONWriter {
    private var bytes: [UInt8] = []
    private var needsComma = false

    init() { bytes.reserveCapacity(1024) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    func raw(_ s: String) {
        bytes.append(contentsOf: s.utf8)
        needsComma = true
    }

    func key(_ name: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    func field(_ name: String, _ value: String) {
        key(name)
        appendQuoted(value)
        needsComma = true
    }

    func object(_ body: () -> Void) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body()
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    func array<T>(_ items: [T], _ body: (T) -> Void) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for item in items { body(item) }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// A string value (in an array, or after `key`).
    func string(_ s: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        appendQuoted(s)
        needsComma = true
    }

    private func appendQuoted(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [92, 110])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [92, 114])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [92, 116])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [92, 117, 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default:
                // UTF-8 continuation and lead bytes pass through unchanged: JSON is UTF-8.
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
