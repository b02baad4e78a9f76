import ArgumentParser
import CertifolioCore
import CertifolioApp
import Foundation
import GRDB

/// Entry point: maps failures to the contract's exit codes — 1 for a user error (a French
/// message naming the file, line and column or the id), 2 for a usage error.
@main
enum CertifolioMain {
    static func main() async {
        do {
            var command = try RootCommand.parseAsRoot()
            if var server = command as? AsyncParsableCommand {
                try await server.run()
            } else {
                try command.run()
            }
        } catch let error as UserFacingError {
            Output.error(CommandWording.message(for: error))
            exit(1)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            Output.error("la base est occupée par une autre écriture depuis plus de \(Int(Certifolio.busyTimeout)) s : "
                         + "rien n'a été écrit ; réessayez dans un instant.")
            exit(1)
        } catch let error as DatabaseError {
            Output.error("base de données : \(error.message ?? error.description)")
            exit(1)
        } catch let error as CocoaError {
            Output.error("fichier : \(error.localizedDescription)")
            exit(1)
        } catch {
            if RootCommand.exitCode(for: error) == .success { RootCommand.exit(withError: error) }
            Output.error(CommandWording.usage(RootCommand.fullMessage(for: error)))
            exit(2)
        }
    }
}

enum Output {
    /// One JSON object on its own line, keys sorted (the `--json` of `cpf status` and `stats`).
    static func jsonLine(_ object: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        print(String(decoding: data, as: UTF8.self))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("certifolio : \(message)\n".utf8))
    }
}

/// The use cases' errors worded for a command line: where a message names a field, the
/// command names its flag (the web names its form fields instead).
enum CommandWording {
    static func message(for error: UserFacingError) -> String {
        switch error {
        case JuryError.emptyPlace: "--place : " + error.message
        case JuryError.emptyName: "--name : " + error.message
        case JuryError.amendmentBeforeSession: "--date : " + error.message
        case JuryError.notYetSat: error.message + " (--as-of donne la date du jour à retenir)"
        case let refused as CertifierProfileRefused:
            (refused.problems.map { "\(CertifierCommand.flag($0.field)) : \($0.message)" } + ["Rien n'a été enregistré."])
                .joined(separator: "\n")
        case let refused as CPFSettingsRefused:
            (zip(refused.fields, refused.problems).map { "\(CPFCommand.flag($0)) : \($1)" } + ["Rien n'a été enregistré."])
                .joined(separator: "\n")
        case CPFExportRefused.noSettings:
            error.message + " Enregistrez-les avec « certifolio cpf settings --emitter … --certifier … --contract … »."
        case StoreError.missingDatabase(let path):
            error.message + " Créez-la d'abord avec « certifolio init --db \(path) », ou vérifiez le chemin donné à --db."
        default: error.message
        }
    }

    /// What `jury revoke` recorded.
    static func outcome(_ outcome: Revocation.Outcome, of revocation: Revocation, in session: JurySessionID) -> String {
        switch outcome {
        case .amendment(let decision):
            "Avenant à la session n° \(session) : décision n° \(decision) (\(revocation.decision.pvWord)) pour "
                + "\(revocation.candidate), \(revocation.component.french)."
        case .pending(let revoked):
            "Révocation de la décision n° \(revoked) enregistrée dans la session n° \(session) : elle prendra effet "
                + "à la clôture."
        }
    }

    /// ArgumentParser's usage message with its English framing in French ("Error: …",
    /// "See '… --help' for more information."), and a flag's value it could not read worded
    /// as the flag's type expects it (`CommandValues`).
    static func usage(_ message: String) -> String {
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let first = lines.first, first.hasPrefix("Error: ") {
            lines[0] = invalidValue(String(first.dropFirst("Error: ".count)))
        }
        lines = lines.map { line in
            if line.hasPrefix("Help:  ") { return "Option : " + line.dropFirst("Help:  ".count) }
            guard let start = line.range(of: "See '"), let end = line.range(of: "' for more information.") else { return line }
            return line[..<start.lowerBound] + "Aide : « " + line[start.upperBound..<end.lowerBound] + " »."
        }
        return lines.joined(separator: "\n")
    }

    /// "The value 'x' is invalid for '--as-of <as-of>'…" as "--as-of « x » : une date réelle…".
    private static func invalidValue(_ line: String) -> String {
        let prefix = "The value '"
        guard line.hasPrefix(prefix), let end = line.range(of: "' is invalid for '") else { return line }
        let value = line[line.index(line.startIndex, offsetBy: prefix.count)..<end.lowerBound]
        let flag = line[end.upperBound...].prefix { $0 != " " && $0 != "'" }
        return "\(flag) « \(value) » : " + (CommandValues.expected[String(flag)] ?? "valeur invalide.")
    }
}
