import ArgumentParser
import CertifolioApp
import CertifolioCore

/// `certifolio backup`: a consistent copy of the database while it is in use, its stored files beside it.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copie cohérente de la base pendant qu'elle sert (et de ses fichiers, dans FICHIER.files/).")

    @OptionGroup var options: DatabaseOptions
    @Option(name: .long, help: "La sauvegarde à écrire (jamais par-dessus un fichier existant).") var out: String

    func run() throws {
        let files = try Certifolio.open(path: options.db).backup(to: out)
        print("Sauvegarde écrite : \(out) (" + French.count(files, "fichier conservé", "fichiers conservés")
              + " dans \(out).files). Restauration : certifolio restore --from \(out) --db …")
    }
}

/// `certifolio restore`: puts a backup back after proving it whole.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Remet une sauvegarde en place après l'avoir vérifiée (intégrité, journal d'audit, empreinte de chaque fichier).")

    @OptionGroup var options: DatabaseOptions
    @Option(name: .long, help: "La sauvegarde à restaurer.") var from: String

    func run() throws {
        let report = try Certifolio.restore(from: from, to: options.db)
        print("Base restaurée : \(options.db). " + AuditCommand.Verify.summary(report))
    }
}
