import CertifolioApp
import CertifolioCore
import Foundation

/// The demo's RGPD part: a candidate's data given out, and what a purge six years on would
/// anonymise or erase (a dry run: the demo's record stays whole for the audit check after it).
struct PersonalDataDemo {
    let app: Certifolio
    let day: Day
    let documents: URL
    let section: (String) -> Void

    func run() throws {
        section("15. Données personnelles (certifolio gdpr export, certifolio gdpr purge --dry-run)")
        let folder = documents.appendingPathComponent("MQ016-donnees").path
        let (rows, files) = try app.exportPersonalData("MQ016", to: folder, asOf: day)
        print("  Droit d'accès de MQ016 : " + French.count(rows, "ligne", "lignes") + " dans MQ016-donnees/donnees-personnelles.json, "
              + French.count(files, "document déposé", "documents déposés") + " à côté.")
        let later = day.adding(months: 6 * 12)
        let purge = try app.purgePersonalData(asOf: later, dryRun: true, actor: Actor("demo:gestionnaire"))
        print("  Purge à blanc au \(later.french) : " + French.count(purge.anonymisedCandidates.count,
                                                                    "candidat jamais titulaire serait anonymisé",
                                                                    "candidats jamais titulaires seraient anonymisés")
              + ", " + French.count(purge.erasedFiles, "document serait effacé", "documents seraient effacés")
              + " ; décisions, parchemins, statistiques et journal restent. Rien n'a été changé.")
    }
}
