import CertifolioApp
import ArgumentParser
import CertifolioInterchange

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Charge un dossier de cohorte (candidates.csv, events.csv…) : tout ou rien.")

    @Argument(help: "Dossier de la cohorte.") var folder: String
    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actor: ActorOptions

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let summary = try app.importCohort(folder: folder, actor: actor.value,
                                                 progress: ProgressReporter.forTerminal(label: "Vérification"))
        print(Certifolio.describe(summary, folder: folder))
    }
}
