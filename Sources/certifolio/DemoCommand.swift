import ArgumentParser
import CertifolioApp
import CertifolioCore
import CertifolioInterchange
import CertifolioReports
import CertifolioRules
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Construit une base jetable à partir de SampleCohorts/ et montre ce que fait Certifolio.")

    /// The sample cohorts are written as of this day: the demo shows them then, so that it
    /// reads the same whatever the day it is run.
    static let sampleDay = Day(iso: "2027-06-30")!
    /// Who the demo's writes are recorded as in the audit trail.
    static let actor = Actor("demo")

    @Option(name: .long, help: "Fichier de la base de démonstration (jetable par défaut).")
    var db: String?
    @Option(name: .long, help: "Dossier des exemples (SampleCohorts/ du dépôt par défaut).")
    var samples: String?
    @Option(name: .long, help: "Dossier où écrire les documents (PV, attestations…) ; un dossier temporaire par défaut.")
    var documents: String?
    @Option(name: .customLong("as-of"), help: "Date de la situation et de la session de jury (AAAA-MM-JJ).")
    var asOf: Day = DemoCommand.sampleDay

    func run() throws {
        let folder = try samplesFolder()
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("certifolio-demo-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { if db == nil { try? FileManager.default.removeItem(at: temporary) } }
        let path = db ?? temporary.appendingPathComponent("demo.sqlite").path
        let app = try Certifolio.create(path: path)
        let day = asOf

        section("1. Référentiels (\(folder)/referentiels)")
        let referentielFiles = try files(in: folder + "/referentiels").filter { $0.hasSuffix(".yaml") }
        for file in referentielFiles {
            let (r, _) = try app.importReferentiel(file: file, actor: Self.actor)
            print("  \(r.code) — \(r.title) (niveau \(r.level), échéance \(r.registrationEnd.french)) : "
                  + "\(r.blocks.count) blocs, épreuves finales : \(r.finalExams.map(\.id.rawValue).joined(separator: ", "))")
        }
        try DemoCertifiers.set(on: app, actor: Self.actor)
        print("  Paramètres des certificateurs (adresse, signataire, voies de recours — exemples) : certifolio certifier set")

        section("2. Cohortes")
        let cohortFolders = try files(in: folder).filter {
            FileManager.default.fileExists(atPath: $0 + "/candidates.csv")
        }
        for cohort in cohortFolders {
            let summary = try app.importCohort(folder: cohort, actor: Self.actor)
            print("  " + Certifolio.describe(summary, folder: (cohort as NSString).lastPathComponent))
        }

        let referentiels = try app.referentiels()
        let rows = Certifolio.verdicts(try app.allCandidateRecords(), referentiels: referentiels, asOf: day)
        section("3. Situation de chaque candidat au \(day.french)")
        print(ProgressTable.render(rows, referentiels: referentiels, width: TerminalWidth.columns))

        for code in referentiels.keys.sorted() {
            section("4. Bilan \(code) au \(day.french)")
            let verdicts = rows.map(\.verdict).filter { $0.certification == code }
            print(CohortSummary(verdicts: verdicts, referentiels: referentiels).render())
        }

        if let example = rows.first(where: { $0.verdict.title.status == .notEligible && !$0.verdict.title.reasons.isEmpty }),
           let referentiel = referentiels[example.verdict.certification] {
            section("5. Le détail d'un candidat (certifolio progress --candidate \(example.record.candidate.id))")
            print(VerdictText.render(example.verdict, record: example.record, referentiel: referentiel))
            section("6. Le même verdict en JSON (certifolio progress --candidate \(example.record.candidate.id) --json)")
            print(VerdictJSON.line(example.verdict))
        }
        let documents = URL(fileURLWithPath: self.documents ?? temporary.path + "-documents")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        try PortfolioDemo(app: app, documents: documents, section: section).run()
        let surveys = folder + "/enquetes/surveys.csv"
        let cpf = CPFDemo(app: app, day: day, documents: documents,
                          surveys: FileManager.default.fileExists(atPath: surveys) ? surveys : nil, section: section)
        let personalData = PersonalDataDemo(app: app, day: day, documents: documents, section: section)
        try JuryDemo(app: app, day: day, documents: documents, section: section, then: {
            try cpf.run()
            try personalData.run()
        }).run()
        print(db == nil ? "Base de démonstration jetable : supprimée." : "Base conservée : \(path)")
    }

    private func section(_ title: String) {
        print("\n\(title)\n" + String(repeating: "═", count: title.count))
    }

    private func files(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
    }

    /// `--samples`, else ./SampleCohorts, else the repository's own (next to these sources).
    private func samplesFolder() throws -> String {
        if let samples { return samples }
        let candidates = [
            FileManager.default.currentDirectoryPath + "/SampleCohorts",
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("SampleCohorts").path,
        ]
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/referentiels") }) else {
            throw InputError(SourceLocation(file: "SampleCohorts"),
                             "dossier d'exemples introuvable : lancez la démo depuis la racine du dépôt ou passez --samples.")
        }
        return found
    }
}
