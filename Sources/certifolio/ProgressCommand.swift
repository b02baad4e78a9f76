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
        if all, json {
            // Streamed: one page of records in memory at a time, each line written as it comes.
            let out = BufferedOutput()
            try app.forEachVerdict(asOf: day) { _, verdict in out.write(VerdictJSON.line(verdict) + "\n") }
            out.flush()
            return
        }
        let referentiels = try app.referentiels()
        let records: [CandidateRecord]
        if let candidate {
            guard let record = try app.candidateRecord(CandidateID(candidate)) else {
                throw StoreError.unknownCandidate(CandidateID(candidate))
            }
            records = [record]
        } else {
            records = try app.allCandidateRecords()
        }
        let rows = Certifolio.verdicts(records, referentiels: referentiels, asOf: day)
        let out = BufferedOutput()
        if json {
            for row in rows { out.write(VerdictJSON.line(row.verdict) + "\n") }
        } else if candidate != nil, let row = rows.first, let referentiel = referentiels[row.verdict.certification] {
            out.write(VerdictText.render(row.verdict, record: row.record, referentiel: referentiel) + "\n")
        } else {
            out.write(ProgressTable.render(rows, referentiels: referentiels, width: TerminalWidth.columns) + "\n\n")
            out.write(CohortSummary(verdicts: rows.map(\.verdict), referentiels: referentiels).render() + "\n")
        }
        out.flush()
    }
}
