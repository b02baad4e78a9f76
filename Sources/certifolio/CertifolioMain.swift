import ArgumentParser
import CertifolioCore
import CertifolioStore
import Foundation
import GRDB

/// Entry point: maps failures to the contract's exit codes — 1 for a user error (a French
/// message naming the file, line and column or the id), 2 for a usage error.
@main
enum CertifolioMain {
    static func main() async {
        do {
            var command = try Certifolio.parseAsRoot()
            if var server = command as? AsyncParsableCommand {
                try await server.run()
            } else {
                try command.run()
            }
        } catch StoreError.missingDatabase(let path) {
            Output.error("\(path) : base de données introuvable ; rien n'a été créé. "
                         + "Créez-la d'abord avec « certifolio init --db \(path) », ou vérifiez le chemin donné à --db.")
            exit(1)
        } catch let error as UserFacingError {
            Output.error(error.message)
            exit(1)
        } catch let error as DatabaseError {
            Output.error("base de données : \(error.message ?? error.description)")
            exit(1)
        } catch let error as CocoaError {
            Output.error("fichier : \(error.localizedDescription)")
            exit(1)
        } catch {
            if Certifolio.exitCode(for: error) == .success { Certifolio.exit(withError: error) }
            Output.error(Certifolio.fullMessage(for: error))
            exit(2)
        }
    }
}

enum Output {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("certifolio : \(message)\n".utf8))
    }
}
