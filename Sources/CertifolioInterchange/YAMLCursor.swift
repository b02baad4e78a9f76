import CertifolioCore
import Yams

/// A YAML node with the file it came from, read field by field with French errors that name
/// the line and column of the offending node.
struct YAMLCursor {
    let file: String
    let node: Node
    /// Where this node sits, for messages: `blocks[2].modalities[0]`.
    let path: String

    var location: SourceLocation {
        SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    func error(_ problem: String) -> InputError {
        InputError(location, path.isEmpty ? problem : "\(path) : \(problem)")
    }

    private func child(_ key: String, _ node: Node) -> YAMLCursor {
        YAMLCursor(file: file, node: node, path: path.isEmpty ? key : "\(path).\(key)")
    }

    func mapping() throws(InputError) -> Node.Mapping {
        guard case .mapping(let mapping) = node else { throw error("un dictionnaire (clé: valeur) est attendu.") }
        return mapping
    }

    /// Refuses keys the format does not know (a typo must not be silently ignored).
    func onlyKeys(_ allowed: [String]) throws(InputError) {
        for (key, _) in try mapping() {
            let name = key.string ?? ""
            if !allowed.contains(name) {
                throw YAMLCursor(file: file, node: key, path: path)
                    .error("clé « \(name) » inconnue. Clés possibles : \(allowed.joined(separator: ", ")).")
            }
        }
    }

    func optional(_ key: String) throws(InputError) -> YAMLCursor? {
        let mapping = try mapping()
        guard let value = mapping[key] else { return nil }
        if case .scalar(let scalar) = value, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null",
           scalar.style == .plain {
            return nil
        }
        return child(key, value)
    }

    func required(_ key: String) throws(InputError) -> YAMLCursor {
        guard let value = try optional(key) else { throw error("champ obligatoire « \(key) » absent.") }
        return value
    }

    func string() throws(InputError) -> String {
        guard case .scalar(let scalar) = node else { throw error("un texte est attendu.") }
        return scalar.string.trimmingTrailingNewlines
    }

    func string(_ key: String) throws(InputError) -> String { try required(key).string() }

    func optionalString(_ key: String) throws(InputError) -> String? { try optional(key)?.string() }

    func int(_ key: String) throws(InputError) -> Int {
        let field = try required(key)
        guard let value = Int(try field.string()) else { throw field.error("un nombre entier est attendu.") }
        return value
    }

    func bool(_ key: String) throws(InputError) -> Bool {
        let field = try required(key)
        switch try field.string() {
        case "true", "oui", "yes": return true
        case "false", "non", "no": return false
        default: throw field.error("true ou false attendu.")
        }
    }

    func day(_ key: String) throws(InputError) -> Day {
        let field = try required(key)
        guard let day = Day(iso: try field.string()) else { throw field.error("une date AAAA-MM-JJ réelle est attendue.") }
        return day
    }

    func decimal(_ key: String) throws(InputError) -> ExactDecimal {
        let field = try required(key)
        guard let value = ExactDecimal(parsing: try field.string()) else { throw field.error("un nombre est attendu.") }
        return value
    }

    func sequence() throws(InputError) -> [YAMLCursor] {
        guard case .sequence(let sequence) = node else { throw error("une liste est attendue.") }
        return sequence.enumerated().map { YAMLCursor(file: file, node: $1, path: "\(path)[\($0)]") }
    }

    /// An absent list reads as empty.
    func list(_ key: String) throws(InputError) -> [YAMLCursor] {
        try optional(key)?.sequence() ?? []
    }

    func strings(_ key: String) throws(InputError) -> [String] {
        var values: [String] = []
        for item in try list(key) { values.append(try item.string()) }
        return values
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
