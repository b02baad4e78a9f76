import ArgumentParser
import CertifolioStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Crée la base de données (sans effet si elle existe déjà).")

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let database = try AppDatabase.create(path: options.db)
        print("Base prête : \(options.db) (\(try database.appliedMigrations().count) migration(s) appliquée(s)).")
    }
}
