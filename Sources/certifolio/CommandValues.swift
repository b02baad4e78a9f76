import ArgumentParser
import CertifolioCore

/// A value a flag's text decodes into, and the French words for what is expected: the one
/// parse of each kind of flag (dates, decisions, roles), with one message per kind.
protocol CommandValue {
    init?(commandText: String)
    /// What is expected, after "--flag « text » : ".
    static var expected: String { get }
}

extension Day: CommandValue {
    init?(commandText: String) { self.init(iso: commandText) }
    static var expected: String { "une date réelle AAAA-MM-JJ est attendue." }
}

extension DecisionKind: CommandValue {
    init?(commandText: String) { self.init(rawValue: commandText) }
    static var expected: String { allCases.map(\.rawValue).joined(separator: ", ") + " attendu." }
}

extension UserRole: CommandValue {
    init?(commandText: String) { self.init(rawValue: commandText) }
    static var expected: String { "rôle inconnu : " + allCases.map(\.rawValue).joined(separator: ", ") + " attendu." }
}

/// `text` as `Value`, or a usage error naming the flag (exit 2), in French: ArgumentParser's own
/// message for a value it cannot read is English, hence flags typed `String` and read here.
func flagValue<Value: CommandValue>(_ text: String, option: String, as type: Value.Type = Value.self) throws -> Value {
    guard let value = Value(commandText: text) else { throw ValidationError("\(option) « \(text) » : \(Value.expected)") }
    return value
}
