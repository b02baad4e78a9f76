import ArgumentParser

struct Certifolio: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certifolio",
        abstract: "Certifolio : suivi des certifications RNCP, bloc par bloc, jusqu'au jury.",
        subcommands: [InitCommand.self, ReferentielCommand.self, ImportCommand.self, ProgressCommand.self,
                      DemoCommand.self]
    )
}

/// `--db PATH`, taken by every command.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Fichier de la base de données.")
    var db: String = "./certifolio.sqlite"
}
