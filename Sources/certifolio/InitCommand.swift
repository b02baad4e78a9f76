import CertifolioCore
import ArgumentParser
import CertifolioApp

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Crée la base de données (sans effet si elle existe déjà).")

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let app = try Certifolio.create(path: options.db)
        print("Base prête : \(options.db) (\(French.count(try app.appliedMigrations().count, "migration appliquée", "migrations appliquées"))).")
    }
}
