import ArgumentParser
import CertifolioCore

// The typed values of the command line's flags: ArgumentParser reads `--as-of`, `--date`
// (a `Day`), `--decision` (a `DecisionKind`) and `--role` (a `UserRole`) once, and the commands
// never see their text. A value it cannot read is refused before the command runs, with the
// French words of `CommandValue.expected` (see `CommandWording.usage`).

/// A value a flag's text reads into, and the French words for what is expected.
protocol CommandValue: ExpressibleByArgument {
    /// What is expected, after "--flag « text » : ".
    static var expected: String { get }
}

extension Day: CommandValue {
    public init?(argument: String) { self.init(iso: argument) }
    static var expected: String { "une date réelle AAAA-MM-JJ est attendue." }
}

extension DecisionKind: CommandValue {
    static var expected: String { allCases.map(\.rawValue).joined(separator: ", ") + " attendu." }
}

extension UserRole: CommandValue {
    static var expected: String { "rôle inconnu : " + allCases.map(\.rawValue).joined(separator: ", ") + " attendu." }
}

enum CommandValues {
    /// What each typed flag expects, by flag.
    static let expected: [String: String] = [
        "--as-of": Day.expected, "--date": Day.expected, "--decision": DecisionKind.expected, "--role": UserRole.expected,
        "--depositor": CPFDepositor.expected,
    ]
}
