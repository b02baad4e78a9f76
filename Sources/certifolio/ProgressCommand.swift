import ArgumentParser
import CertifolioApp
import CertifolioCore
import CertifolioInterchange
import CertifolioReports
import CertifolioRules

struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Où en est un candidat (ou chacun) : blocs, épreuves finales, conditions, titre.")

    @OptionGroup var options: DatabaseOptions
    @Option(name: .long, help: "Identifiant du candidat.") var candidate: String?
    @Flag(name: .long, help: "Tous les candidats, triés par identifiant.") var all = false
    @Option(name: .customLong("as-of"), help: "Date de la situation (AAAA-MM-JJ), aujourd'hui par défaut.")
    var asOf: Day?
    @Flag(name: .long, help: "Sortie JSON (contrat §4) : un objet par ligne avec --all.") var json = false

    func validate() throws {
        if (candidate == nil) == !all {
            throw ValidationError("indiquez soit --candidate ID, soit --all.")
        }
    }

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let day = asOf ?? Today.day()
        let out = BufferedOutput()
        defer { out.flush() }
        if all {
            // Streamed: one page of records in memory at a time, each line written as it comes;
            // the table's summary counts as it goes.
            if json {
                try app.forEachVerdict(asOf: day) { _, verdict in out.write(VerdictJSON.line(verdict) + "\n") }
                return
            }
            let referentiels = try app.referentiels()
            let table = ProgressTable.Stream(referentiels: referentiels, width: TerminalWidth.columns, write: out.write)
            var summary = CohortSummary(referentiels: referentiels)
            try app.forEachVerdict(asOf: day) { record, verdict in
                table.add(record, verdict)
                summary.add(verdict)
            }
            out.write("\n" + summary.render() + "\n")
            return
        }
        let id = CandidateID(candidate ?? "")
        guard let record = try app.candidateRecord(id) else { throw StoreError.unknownCandidate(id) }
        let referentiels = try app.referentiels()
        guard let row = Certifolio.verdicts([record], referentiels: referentiels, asOf: day).first else { return }
        if json {
            out.write(VerdictJSON.line(row.verdict) + "\n")
        } else if let referentiel = referentiels[row.verdict.certification] {
            out.write(VerdictText.render(row.verdict, record: row.record, referentiel: referentiel) + "\n")
        }
    }
}
