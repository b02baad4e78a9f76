import ArgumentParser
import CertifolioApp
import CertifolioCore
import CertifolioReports

/// Options shared by the candidate documents: who, where to write, as of when, where issued.
struct CandidateDocumentOptions: ParsableArguments {
    @Argument(help: "Identifiant du candidat.") var candidate: String
    @Option(name: .long, help: "Fichier PDF à écrire.") var out: String
    @Option(name: .customLong("as-of"), help: "Date de délivrance (AAAA-MM-JJ), aujourd'hui par défaut.") var asOf: Day?
    @Option(name: .long, help: "Lieu de délivrance (par défaut celui de la dernière session du candidat).") var place: String?

    func document(_ app: Certifolio) throws -> CandidateDocument {
        try app.candidateDocument(CandidateID(candidate),
                                            issuedOn: asOf ?? Today.day(),
                                            place: place)
    }
}

struct AttestationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attestation",
        abstract: "Attestation des blocs validés d'un candidat (et du titre s'il est délivré), en PDF.")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var document: CandidateDocumentOptions

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let d = try document.document(app)
        try Certifolio.writeAttestation(d, to: document.out)
        print("Attestation écrite : \(document.out) (\(French.count(d.acquiredBlocks.count, "bloc validé", "blocs validés"))"
              + (d.verdict.title.awardedOn == nil ? ")." : ", titre délivré)."))
    }
}

struct ParcheminCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parchemin",
        abstract: "Parchemin du titre d'un candidat qui l'a obtenu, en PDF : délivré une fois (numéroté au registre), "
            + "puis toujours le même fichier.")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var document: CandidateDocumentOptions
    @OptionGroup var actor: ActorOptions

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let issued = try app.issueParchemin(CandidateID(document.candidate), asOf: document.asOf ?? Today.day(),
                                            place: document.place, actor: actor.value)
        try Certifolio.copyIssuedFile(issued.path, to: document.out)
        let e = issued.entry
        print((issued.issuedNow ? "Parchemin n° \(e.serial) délivré" : "Parchemin n° \(e.serial), déjà délivré le "
                + DocumentParts.timestamp(e.issuedAt) + " : copie du fichier conservé")
              + " : \(document.out) (code de vérification \(e.verificationCode), SHA-256 \(e.sha256)).")
    }
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Journal d'audit : vérification de la chaîne, lecture.",
        subcommands: [Verify.self, Log.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify", abstract: "Vérifie la chaîne d'empreintes du journal ; nomme la première entrée rompue.")

        @OptionGroup var options: DatabaseOptions

        func run() throws {
            let report = try Certifolio.open(path: options.db).verifyIntegrity()
            if let failure = report.failure { throw failure }
            print(Self.summary(report))
        }

        /// "Journal d'audit intact : 192 entrées vérifiées ; 1 fichier déposé présent … ; 17 parchemins …".
        static func summary(_ r: IntegrityReport) -> String {
            "Journal d'audit intact : " + French.count(r.entries, "entrée vérifiée", "entrées vérifiées") + " ; "
                + French.count(r.depositFiles, "fichier déposé présent avec son SHA-256", "fichiers déposés présents avec leur SHA-256")
                + (r.erasedFiles > 0 ? " ; " + French.count(r.erasedFiles, "fichier effacé par la purge (conservation échue)",
                                                             "fichiers effacés par la purge (conservation échue)") : "")
                + (r.parchemins > 0
                    ? " ; " + French.count(r.parchemins, "parchemin conservé intact", "parchemins conservés intacts") + "."
                    : ".")
        }
    }

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "log", abstract: "Affiche les dernières entrées du journal.")

        @OptionGroup var options: DatabaseOptions
        @Option(name: .long, help: "Nombre d'entrées.") var last = 20

        func run() throws {
            let app = try Certifolio.open(path: options.db)
            for e in try app.auditEntries(limit: last) {
                print("n° \(e.id)  \(e.at)  \(e.actor)  \(e.action)  \(e.subject)  \(e.details)")
            }
        }
    }
}
