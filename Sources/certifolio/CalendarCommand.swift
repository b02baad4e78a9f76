import ArgumentParser
import CertifolioApp
import CertifolioCore

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Calendrier des promotions : échéances de dépôt, dates et lieux des épreuves.",
        subcommands: [Import.self, List.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Charge un calendar.csv (docs/formats.md) ; tout ou rien. Une épreuve déjà datée prend ses nouvelles dates.")

        @Argument(help: "Fichier calendar.csv.") var file: String
        @OptionGroup var options: DatabaseOptions
        @OptionGroup var actor: ActorOptions

        func run() throws {
            let app = try Certifolio.open(path: options.db)
            let s = try app.importCalendar(file: file, actor: actor.value)
            print("Calendrier \(file) : " + French.count(s.added, "date nouvelle", "dates nouvelles") + ", "
                  + French.count(s.changed, "modifiée", "modifiées") + ", " + French.count(s.unchanged, "inchangée", "inchangées") + ".")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Le calendrier, par promotion.")

        @OptionGroup var options: DatabaseOptions
        @Option(name: .long, help: "Une promotion seulement.") var cohort: String?

        func run() throws {
            let app = try Certifolio.open(path: options.db)
            // An épreuve is named by the référentiel of its cohort (both fiches have a `memoire`).
            let cohorts = try app.calendarCheck().cohorts
            for entry in try app.calendar(cohort: cohort) {
                let label = cohorts[entry.cohort]?.lazy.compactMap { $0.epreuveLabel(entry.component, entry.modality) }.first
                    ?? "\(entry.component.fileValue) / \(entry.modality)"
                let when: String
                switch entry.schedule {
                case .deadline(let time): when = "à déposer avant le \(time.french)"
                case let .sitting(day, place): when = "le \(day.french), \(place)"
                }
                print("\(entry.cohort)\t\(label)\t\(when)")
            }
        }
    }
}
