import ArgumentParser
import CertifolioApp
import CertifolioCore
import CertifolioInterchange
import CertifolioReports

struct JuryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jury",
        abstract: "Sessions de jury : composition, convocations, propositions, décisions, clôture, procès-verbal.",
        subcommands: [JuryCreate.self, JuryList.self, JuryMemberCommand.self, JuryAttendance.self, JuryConvoke.self, JuryShow.self, JuryPropose.self,
                      JuryDecide.self, JuryClose.self, JuryRevoke.self, JuryMinutesCommand.self, JuryNotify.self])
}

/// The session number argument of every `jury` subcommand.
struct SessionArgument: ParsableArguments {
    @Argument(help: "Numéro de la session (affiché par jury create).") var session: String

    var id: JurySessionID {
        get throws {
            guard let number = Int64(session), number > 0 else { throw JuryError.badSessionNumber(session) }
            return JurySessionID(number)
        }
    }
}

/// `--as-of`, for every command whose outcome depends on today's date (contract §6).
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Date du jour pour l'opération (AAAA-MM-JJ), aujourd'hui (à Paris) par défaut.")
    var asOf: Day?

    var day: Day { asOf ?? Today.day() }
}

struct JuryCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Ouvre une session de jury ; affiche son numéro seul.")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @Option(name: .long, help: "Code de la fiche (RNCP41818).") var certification: String
    @Option(name: .long, help: "Date de la session (AAAA-MM-JJ).") var date: Day
    @Option(name: .long, help: "Lieu de la session.") var place: String

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let id = try app.createJurySession(certification: CertificationCode(certification),
                                                date: date, place: place,
                                                actor: actor.value)
        print(id)
    }
}

struct JuryList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Les sessions de jury, la plus récente d'abord.")

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let sessions = try app.jurySessions()
        if sessions.isEmpty { print("Aucune session de jury.") }
        for s in sessions {
            print("n° \(s.id)  \(s.date.iso)  \(s.certification)  \(s.place)  " + French.count(s.members.count, "membre", "membres")
                  + ", " + French.count(s.convoked.count, "convoqué", "convoqués") + "  " + (s.isClosed ? "close" : "ouverte"))
        }
    }
}

struct JuryMemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member", abstract: "Ajoute un membre à une session (rôle du référentiel).")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var session: SessionArgument
    @Option(name: .long, help: "Nom du membre.") var name: String
    @Option(name: .long, help: "Rôle de jury (identifiant du référentiel).") var role: String
    @Flag(name: .long, help: "Membre externe au certificateur et à l'organisme de formation.") var external = false
    @Flag(name: .long, help: "Préside la session (quand la fiche ne nomme pas de rôle présidant le jury).")
    var president = false
    @Flag(name: .long, help: "Absence excusée : nommé au PV, ne siège pas.") var excused = false

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let id = try session.id
        try app.addJuryMember(JuryMember(name: name, role: JuryRoleID(role), external: external, presides: president,
                                         excused: excused), to: id, actor: actor.value)
        print("Membre ajouté à la session n° \(id) : \(name) (\(role)\(external ? ", externe" : ", interne")"
              + "\(president ? ", préside" : "")\(excused ? ", absence excusée" : "")).")
    }
}

struct JuryAttendance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance",
        abstract: "Note la présence ou l'absence excusée d'un membre, et qui préside (session ouverte).")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var session: SessionArgument
    @Option(name: .long, help: "Nom du membre.") var name: String
    @Flag(name: .long, help: "Absence excusée (sans ce drapeau : présent).") var excused = false
    @Flag(name: .long, help: "Préside la session (quand la fiche ne nomme pas de rôle présidant le jury).")
    var president = false

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let id = try session.id
        try app.setJuryMemberStanding(named: name, in: id, presides: president, excused: excused, actor: actor.value)
        print("Session n° \(id) : \(name) — \(excused ? "absence excusée" : "présent")\(president ? ", préside" : "").")
    }
}

struct JuryConvoke: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convoke", abstract: "Convoque des candidats (par identifiant ou toute une cohorte).")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var session: SessionArgument
    @Option(name: .long, help: "Identifiant d'un candidat (répétable).") var candidate: [String] = []
    @Option(name: .long, help: "Nom d'une cohorte : tous ses candidats.") var cohort: String?

    func validate() throws {
        if candidate.isEmpty == (cohort == nil) {
            throw ValidationError("indiquez soit --candidate ID (répétable), soit --cohort NOM.")
        }
    }

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let id = try session.id
        let result = try app.convoke(id, candidates: candidate.map(CandidateID.init), cohort: cohort, actor: actor.value)
        print(French.count(result.added, "candidat convoqué", "candidats convoqués") + " ; la session n° \(id) en compte \(result.total).")
        if !result.closedRoute.isEmpty {
            print("Non convoqués, inscrits par une voie que la fiche n'ouvre pas : "
                  + result.closedRoute.map(\.rawValue).joined(separator: ", ") + ".")
        }
        if !result.titleHolders.isEmpty {
            print("Non convoqués, titre déjà obtenu : " + result.titleHolders.map(\.rawValue).joined(separator: ", ") + ".")
        }
    }
}

struct JuryShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "État d'une session : membres, composition, convoqués, décisions.")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var session: SessionArgument

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let id = try session.id
        let s = try app.jurySession(id)
        let reviews = try app.reviews(id)
        let drafts = s.isClosed ? [] : try app.draftDecisions(id)
        print(JurySessionText.render(s, reviews: reviews, drafts: drafts,
                                     decided: s.isClosed ? try app.sessionDecisions(id).count : nil))
    }
}

struct JuryPropose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "propose",
        abstract: "Propose pour chaque convoqué le titre, des blocs ou rien (règles de la fiche à la date de la session).")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var session: SessionArgument
    @Flag(name: .long, help: "Sortie JSON (contrat §5) : un objet par candidat et par ligne.") var json = false

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let reviews = try app.reviews(try session.id)
        let out = BufferedOutput()
        for review in reviews {
            if json {
                out.write(ProposalJSON.line(verdict: review.verdict, composition: review.composition,
                                            proposal: review.proposal) + "\n")
            } else {
                out.write(JurySessionText.proposal(review) + "\n")
            }
        }
        out.flush()
    }
}

struct JuryDecide: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Enregistre les décisions d'un CSV candidate_id,component,decision,motive (tout ou rien).")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var session: SessionArgument
    @Argument(help: "Fichier CSV des décisions.") var file: String?
    @Flag(name: .customLong("accept-proposals"),
          help: "Adopte telle quelle la proposition pour chaque convoqué encore sans décision.")
    var acceptProposals = false
    @OptionGroup var asOf: AsOfOption

    func validate() throws {
        if (file == nil) == !acceptProposals {
            throw ValidationError("indiquez soit un fichier de décisions, soit --accept-proposals.")
        }
    }

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let id = try session.id
        if let file {
            let decisions = try app.decide(id, file: file, asOf: asOf.day,
                                                     actor: actor.value)
            print(French.count(decisions.count, "décision enregistrée", "décisions enregistrées") + " dans la session n° \(id) "
                  + "(elles comptent à la clôture).")
        } else {
            let accepted = try app.acceptProposals(id, asOf: asOf.day, actor: actor.value)
            print(French.count(accepted.recorded, "décision conforme aux propositions enregistrée",
                               "décisions conformes aux propositions enregistrées") + " dans la session n° \(id).")
            for left in accepted.titlesLeft { print("Titre laissé sans décision — " + left.message) }
        }
    }
}

struct JuryClose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Clôt la session : refusé tant que la composition n'est pas respectée ou qu'un convoqué n'a pas de décision.")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var session: SessionArgument
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let id = try session.id
        try app.close(id, asOf: asOf.day, actor: actor.value)
        print("Session n° \(id) close : ses décisions sont définitives.")
    }
}

struct JuryRevoke: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Révoque une décision : avenant d'une session close, ou décision d'une nouvelle session ouverte.")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @OptionGroup var session: SessionArgument
    @Option(name: .long, help: "Identifiant du candidat.") var candidate: String
    @Option(name: .long, help: "Bloc (code) ou title.") var component: String
    @Option(name: .long, help: "Nouvelle décision : valide, ajourne ou absent.") var decision: DecisionKind
    @Option(name: .long, help: "Raison de la révocation (obligatoire).") var reason: String
    @Option(name: .long, help: "Date de l'avenant (AAAA-MM-JJ), celle de --as-of par défaut.") var date: Day?
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let id = try session.id
        let revocation = Revocation(candidate: CandidateID(candidate), component: DecisionComponent(fileValue: component),
                                    decision: decision, reason: reason, date: date ?? asOf.day)
        print(CommandWording.outcome(try app.revoke(revocation, in: id, actor: actor.value), of: revocation, in: id))
    }
}

struct JuryMinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pv", abstract: "Écrit le procès-verbal d'une session close (PDF A4, et son double CSV).")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var session: SessionArgument
    @Option(name: .long, help: "Fichier PDF à écrire.") var out: String
    @Option(name: .long, help: "Double CSV du procès-verbal.") var csv: String?
    @Flag(name: .long, help: "Projet de PV d'une session encore ouverte (marqué comme tel, sans valeur de décision).")
    var draft = false
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var actor: ActorOptions

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        if draft {
            try app.writeDraftMinutes(try session.id, pdf: out)
            print("Projet de procès-verbal écrit : \(out) (non numéroté : il ne vaut pas décision).")
            return
        }
        let (summary, document) = try app.writeMinutes(try session.id, pdf: out, csv: csv, asOf: asOf.day, actor: actor.value)
        print("Procès-verbal n° \(document.number) écrit : \(out)\(csv.map { " et \($0)" } ?? "") "
              + "(" + French.count(summary.totals.candidates, "candidat", "candidats") + ") ; SHA-256 \(document.sha256), au journal d'audit.")
    }
}

struct JuryNotify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Écrit la notification de décision de chaque convoqué d'une session close (un PDF par candidat).")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var session: SessionArgument
    @Option(name: .customLong("out-dir"), help: "Dossier où écrire les notifications.") var outDir: String
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let files = try app.writeNotifications(try session.id, folder: outDir, asOf: asOf.day)
        print(French.count(files.count, "notification écrite", "notifications écrites") + " dans le dossier « \(outDir) ».")
    }
}
