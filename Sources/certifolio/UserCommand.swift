import ArgumentParser
import CertifolioCore
import CertifolioApp
import Foundation

/// `certifolio user add|list`: web accounts.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Comptes de l'application web.",
        subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Crée un compte. Le mot de passe est lu sur l'entrée standard (--password-stdin), dans "
                + "CERTIFOLIO_PASSWORD, ou demandé au terminal.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var actor: ActorOptions

        @Option(name: .long, help: "Adresse électronique (identifiant de connexion).")
        var email: String

        @Option(name: .long, help: "Rôle : candidat, evaluateur, gestionnaire ou secretaire.")
        var role: UserRole

        @Option(name: .long, help: "Identifiant du candidat (compte candidat).")
        var candidate: String?

        @Option(name: .long, help: "Nom affiché (par défaut : le nom du candidat, sinon l'adresse).")
        var name: String?

        @Option(name: .long, help: "Promotion suivie par un évaluateur (répétable).")
        var cohort: [String] = []

        @Flag(name: .long, help: "Lit le mot de passe sur la première ligne de l'entrée standard.")
        var passwordStdin = false

        func run() throws {
            let app = try Certifolio.open(path: database.db)
            let candidateID = candidate.map(CandidateID.init)
            let displayName = try name ?? candidateID.flatMap { try app.candidateRecord($0)?.candidate.displayName }
                ?? email
            let draft = AccountDraft(email: email, displayName: displayName, role: role, candidateID: candidateID,
                                     cohorts: cohort)
            let account = try app.createAccount(draft, password: try readPassword(), actor: actor.value)
            print("Compte n° \(account.id) créé : \(account.email) (\(account.role.french)).")
        }

        private func readPassword() throws -> String {
            if passwordStdin { return readLine(strippingNewline: true) ?? "" }
            if let fromEnvironment = ProcessInfo.processInfo.environment["CERTIFOLIO_PASSWORD"] { return fromEnvironment }
            guard isatty(STDIN_FILENO) == 1, let typed = getpass("Mot de passe : ") else {
                throw ValidationError("mot de passe absent : --password-stdin ou CERTIFOLIO_PASSWORD.")
            }
            return String(cString: typed)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liste les comptes.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            for a in try Certifolio.open(path: database.db).userAccounts() {
                var line = "\(a.email)\t\(a.role.rawValue)\t\(a.displayName)"
                if let c = a.candidateID { line += "\t\(c)" }
                if !a.cohorts.isEmpty { line += "\t" + a.cohorts.joined(separator: ", ") }
                print(line)
            }
        }
    }
}
