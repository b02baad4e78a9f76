import CertifolioApp
import ArgumentParser
import CertifolioInterchange
import CertifolioStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Charge un dossier de cohorte (candidates.csv, events.csv…) : tout ou rien.")

    @Argument(help: "Dossier de la cohorte.") var folder: String
    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actor: ActorOptions

    func run() throws {
        let database = try AppDatabase.open(path: options.db)
        let summary = try Workflows.importCohort(folder: folder, into: database, actor: actor.value,
                                                 progress: ProgressReporter.forTerminal(label: "Vérification"))
        print(Workflows.describe(summary, folder: folder))
    }
}
