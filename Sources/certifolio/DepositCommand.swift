import ArgumentParser
import CertifolioApp
import CertifolioCore
import CertifolioInterchange
import CertifolioRules
import Foundation

/// `certifolio deposit add|list|extend` (contract §7): a candidate's deposits for the épreuves
/// handed in, and the gestionnaire's extensions of a deadline.
struct DepositCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deposit", abstract: "Dépôts des candidats : travaux à remettre (note de synthèse, dossier, mémoire…).",
        subcommands: [Add.self, List.self, Extend.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Dépose un ou plusieurs fichiers (PDF, ODT ou DOCX) pour une épreuve qui se dépose ; affiche le numéro du dépôt.")

        @OptionGroup var options: DatabaseOptions
        @Option(name: .long, help: "Numéro du candidat.") var candidate: String
        @Option(name: .long, help: "Code du bloc, ou final.") var component: String
        @Option(name: .long, help: "Modalité de l'épreuve (note_synthese, memoire…).") var modality: String
        @Option(name: .customLong("as-of"), help: "Date du dépôt (AAAA-MM-JJ), daté du début de ce jour ; par défaut : maintenant.")
        var asOf: Day?
        @Argument(help: "Fichiers déposés.") var files: [String] = []
        @OptionGroup var actor: ActorOptions

        func run() throws {
            let app = try Certifolio.open(path: options.db)
            try app.sweepStrayFiles()
            var received: [ReceivedFile] = []
            do {
                for file in files { received.append(try app.receiveFile(copying: file)) }
            } catch {
                app.discard(received)
                throw error
            }
            let moment = asOf.flatMap { ParisTime(paris: $0, hour: 0, minute: 0) } ?? Today.moment()
            let draft = DepositDraft(candidate: CandidateID(candidate), component: component, modality: modality,
                                     files: received)
            let deposit = try app.deposit(draft, at: moment, actor: actor.value)
            print(deposit.id)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Les dépôts d'un candidat : épreuve, version, date, fichiers avec taille et SHA-256.")

        @OptionGroup var options: DatabaseOptions
        @Option(name: .long, help: "Numéro du candidat.") var candidate: String
        @Flag(name: .long, help: "Sortie JSON : un objet par dépôt et par ligne.") var json = false

        func run() throws {
            let app = try Certifolio.open(path: options.db)
            let id = CandidateID(candidate)
            guard let enrolment = try app.enrolment(of: id) else { throw StoreError.unknownCandidate(id) }
            let referentiel = try app.referentiels()[enrolment.certification]
            for d in try app.deposits(of: id) {
                let epreuve = referentiel?.epreuveName(d.component, d.modality) ?? "\(d.component.fileValue) / \(d.modality)"
                if json {
                    print(DepositJSON.line(d, epreuve: epreuve))
                    continue
                }
                print("n° \(d.id)\t\(epreuve)\tversion \(d.version)\t\(d.at.french)")
                for f in d.files { print("\t\(f.name)\t\(f.kind.label)\t\(f.size) octets\tSHA-256 \(f.sha256)") }
            }
        }
    }

    struct Extend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extend", abstract: "Accorde à un candidat un délai pour une épreuve qui se dépose (journalisé avec son motif).")

        @OptionGroup var options: DatabaseOptions
        @Option(name: .long, help: "Numéro du candidat.") var candidate: String
        @Option(name: .long, help: "Code du bloc, ou final.") var component: String
        @Option(name: .long, help: "Modalité de l'épreuve.") var modality: String
        @Option(name: .long, help: "Nouvelle date limite, heure de Paris (AAAA-MM-JJ HH:MM, ou AAAA-MM-JJ pour 23:59).")
        var until: String
        @Option(name: .long, help: "Motif du délai (obligatoire).") var reason: String
        @OptionGroup var actor: ActorOptions

        func run() throws {
            let app = try Certifolio.open(path: options.db)
            try app.grantExtension(candidate: CandidateID(candidate), component: component, modality: modality,
                                   until: until, reason: reason, actor: actor.value)
            print("Délai accordé à \(candidate) pour \(component) / \(modality) jusqu'au \(ParisTime(typed: until)?.french ?? until).")
        }
    }
}

/// What a candidate's export takes: who, where, as of when (`portfolio export`, `gdpr export`).
struct CandidateExportOptions: ParsableArguments {
    @Argument(help: "Numéro du candidat.") var candidate: String
    @Option(name: .long, help: "Dossier de sortie.") var out: String
    @Option(name: .customLong("as-of"), help: "Date de la situation du dossier (AAAA-MM-JJ) ; par défaut : aujourd'hui.")
    var asOf: Day?

    var day: Day { asOf ?? Today.day() }
}

/// `certifolio portfolio export CANDIDATE --out DIR` (contract §7).
struct PortfolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio", abstract: "Le portfolio d'un candidat.", subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Copie chaque fichier déposé, avec son accusé de dépôt, et un résumé du dossier dans un dossier.")

        @OptionGroup var options: DatabaseOptions
        @OptionGroup var export: CandidateExportOptions

        func run() throws {
            let app = try Certifolio.open(path: options.db)
            let (candidate, out) = (export.candidate, export.out)
            let copied = try app.exportPortfolio(CandidateID(candidate), to: out, asOf: export.day)
            print("Portfolio de \(candidate) : \(French.count(copied, "fichier déposé copié", "fichiers déposés copiés")) dans \(out), avec resume.txt et dossier.json.")
        }
    }
}
