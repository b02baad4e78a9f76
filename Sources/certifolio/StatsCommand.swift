import ArgumentParser
import CertifolioApp
import CertifolioCore
import CertifolioReports
import Foundation

/// `certifolio stats`: a fiche's yearly statistics, as its *Statistiques* table reads (contract §8).
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Statistiques d'une certification par année d'obtention : certifiés, par la VAE, taux d'insertion.")

    @OptionGroup var options: DatabaseOptions
    @Option(name: .long, help: "Code de la certification (RNCP…).") var certification: String
    @Option(name: .long, help: "Une seule année d'obtention.") var year: Int?
    @Option(name: .customLong("as-of"), help: "Date de référence (AAAA-MM-JJ), aujourd'hui par défaut.") var asOf: Day?
    @Flag(name: .long, help: "Un objet JSON par année et par ligne.") var json = false
    @Flag(name: .long, help: "CSV (virgule, en-tête).") var csv = false

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let code = CertificationCode(certification)
        let day = asOf ?? Today.day()
        let rows = try app.statistics(of: code, asOf: day).filter { year == nil || $0.year == year }
        if json {
            for row in rows {
                var object: [String: Any] = [:]
                for (key, value) in zip(StatisticsTable.csvHeader, StatisticsTable.csvFields(row)) {
                    object[key] = Int(value).map { $0 as Any } ?? NSNull()
                }
                try Output.jsonLine(object)
            }
        } else if csv {
            print(StatisticsTable.csvHeader.joined(separator: ","))
            for row in rows { print(StatisticsTable.csvFields(row).joined(separator: ",")) }
        } else {
            let referentiel = try app.referentiels()[code]!
            print(StatisticsTable.text(rows, referentiel: referentiel, asOf: day), terminator: "")
        }
    }
}

/// `certifolio survey import FILE`: answers to insertion surveys (`surveys.csv`).
struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: "Enquêtes d'insertion des titulaires.", subcommands: [SurveyImport.self])
}

struct SurveyImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Enregistre les réponses d'un fichier surveys.csv (tout ou rien).")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "Le fichier surveys.csv.") var file: String

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let count = try app.importSurveys(file: file, actor: actor.value)
        print(French.count(count, "réponse enregistrée", "réponses enregistrées") + ".")
    }
}
