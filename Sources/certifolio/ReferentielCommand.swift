import CertifolioCore
import CertifolioApp
import ArgumentParser

struct ReferentielCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referentiel", abstract: "Référentiels de certification.",
        subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Charge un référentiel YAML ; réimporter la même version ne change rien.")

        @Argument(help: "Fichier YAML du référentiel.") var file: String
        @OptionGroup var options: DatabaseOptions
        @OptionGroup var actor: ActorOptions

        func run() throws {
            let app = try Certifolio.open(path: options.db)
            let (referentiel, outcome) = try app.importReferentiel(file: file, actor: actor.value)
            switch outcome {
            case .created:
                print("Référentiel \(referentiel.code) (version \(referentiel.version)) importé : "
                      + "\(referentiel.blocks.count) blocs, " + French.count(referentiel.finalExams.count, "épreuve finale", "épreuves finales") + ".")
            case .unchanged:
                print("Référentiel \(referentiel.code) (version \(referentiel.version)) déjà importé : rien à faire.")
            case .updated(let old):
                print("Référentiel \(referentiel.code) mis à jour de la version \(old) à la version \(referentiel.version).")
            }
        }
    }
}
