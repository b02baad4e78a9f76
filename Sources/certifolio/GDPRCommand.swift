import ArgumentParser
import CertifolioApp
import CertifolioCore

/// `certifolio gdpr`: a candidate's personal data given out, and what is past its retention
/// period anonymised or erased (RetentionPolicy; guide §12).
struct GDPRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gdpr", abstract: "Données personnelles (RGPD) : export d'un candidat, purge des durées échues.",
        subcommands: [Export.self, Purge.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Tout ce que la base contient d'un candidat (donnees-personnelles.json), avec ses documents déposés.")

        @OptionGroup var options: DatabaseOptions
        @OptionGroup var export: CandidateExportOptions

        func run() throws {
            let app = try Certifolio.open(path: options.db)
            let (candidate, out) = (export.candidate, export.out)
            let (rows, files) = try app.exportPersonalData(CandidateID(candidate), to: out, asOf: export.day)
            print("Données personnelles de \(candidate) : " + French.count(rows, "ligne", "lignes")
                  + " dans \(out)/donnees-personnelles.json, "
                  + French.count(files, "document déposé copié", "documents déposés copiés") + ".")
        }
    }

    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "purge",
            abstract: "Anonymise les candidats jamais titulaires inactifs depuis 5 ans, efface les documents déposés "
                + "2 ans après la dernière activité, anonymise les comptes désactivés depuis 1 an.")

        @OptionGroup var options: DatabaseOptions
        @OptionGroup var actor: ActorOptions
        @Option(name: .customLong("as-of"), help: "Date à laquelle les durées sont comptées (AAAA-MM-JJ).") var asOf: Day
        @Flag(name: .customLong("dry-run"), help: "Dit ce qui serait purgé, sans rien changer.") var dryRun = false

        func run() throws {
            let app = try Certifolio.open(path: options.db)
            let s = try app.purgePersonalData(asOf: asOf, dryRun: dryRun, actor: actor.value)
            let what = French.count(s.anonymisedCandidates.count, "candidat anonymisé", "candidats anonymisés") + ", "
                + French.count(s.erasedFiles, "document effacé", "documents effacés")
                + " (\(DepositProblem.megabytes(s.erasedBytes))), " + French.count(s.anonymisedAccounts, "compte anonymisé", "comptes anonymisés")
            print((s.dryRun ? "Purge à blanc au \(s.asOf.french), rien n'a été changé : " : "Purge au \(s.asOf.french) : ")
                  + what + ".")
            if !s.anonymisedCandidates.isEmpty {
                print("Candidats : " + s.anonymisedCandidates.map(\.rawValue).joined(separator: ", ") + ".")
            }
        }
    }
}
