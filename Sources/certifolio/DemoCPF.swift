import CertifolioApp
import CertifolioCore
import CertifolioReports
import Foundation

/// The demo's last part: what the certifier owes the State — the CPF declaration of the holders
/// (a flux valid against the Caisse des Dépôts' schema) and each fiche's statistics.
struct CPFDemo {
    let app: Certifolio
    let day: Day
    let documents: URL
    /// The sample insertion surveys (`SampleCohorts/enquetes/surveys.csv`), when present.
    let surveys: String?
    let section: (String) -> Void
    let actor = Actor("demo:gestionnaire")

    /// Example identifiers: a certifier's own come from its contract with the Caisse des Dépôts.
    static let settings = CPFSettings(emitter: "AB123CDE", certifier: "E564ACB0", contract: "2560080000127J")

    func run() throws {
        section("13. Déclaration des titulaires au CPF (certifolio cpf settings / export / status)")
        try app.setCPFSettings(Self.settings, actor: actor)
        print("  Identifiants d'exemple : émetteur \(Self.settings.emitter), certificateur \(Self.settings.certifier), "
              + "contrat \(Self.settings.contract).")
        let path = documents.appendingPathComponent("cpf-accrochage.xml").path
        let summary = try app.exportCPF(to: path, asOf: day.adding(days: 10), actor: actor)
        print("  Flux écrit : cpf-accrochage.xml — " + French.count(summary.passages, "passage", "passages")
              + ", valide selon le schéma accrochage 1.1.2 de la Caisse des dépôts.")
        for missing in summary.incomplete { print("  État civil à compléter, non envoyé : " + missing.message) }
        let awards = try app.cpfAwards(asOf: day.adding(days: 10))
        let overdue = awards.filter { ($0.daysLeft(on: day.adding(days: 10)) ?? 0) < 0 }
        print("  " + French.count(awards.count, "titre délivré", "titres délivrés") + " ; "
              + French.count(overdue.count, "déclaration hors du délai de trois mois", "déclarations hors du délai de trois mois")
              + (overdue.isEmpty ? "." : " (" + overdue.map(\.candidate.rawValue).joined(separator: ", ") + ")."))

        section("14. Statistiques de chaque fiche (certifolio survey import, certifolio stats)")
        if let surveys {
            let count = try app.importSurveys(file: surveys, actor: actor)
            print("  Enquêtes d'insertion : " + French.count(count, "réponse enregistrée", "réponses enregistrées")
                  + " (\((surveys as NSString).lastPathComponent)).")
        }
        let referentiels = try app.referentiels()
        for code in referentiels.keys.sorted() {
            let rows = try app.statistics(of: code, asOf: day)
            print(StatisticsTable.text(rows, referentiel: referentiels[code]!, asOf: day)
                .split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n"))
        }
    }
}
