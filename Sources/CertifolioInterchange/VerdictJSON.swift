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
    private(set) var text = ""
    private var needsComma = false

    func raw(_ s: String) {
        text += s
        needsComma = true
    }

    func key(_ name: String) {
        if needsComma { text += "," }
        string(name)
        text += ":"
        needsComma = false
    }

    func field(_ name: String, _ value: String) {
        key(name)
        string(value)
        needsComma = true
    }

    func object(_ body: () -> Void) {
        if needsComma { text += "," }
        text += "{"
        needsComma = false
        body()
        text += "}"
        needsComma = true
    }

    func array<T>(_ items: [T], _ body: (T) -> Void) {
        if needsComma { text += "," }
        text += "["
        needsComma = false
        for item in items { body(item) }
        text += "]"
        needsComma = true
    }

    private func string(_ s: String) {
        text += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
