import ArgumentParser
import CertifolioCore
import Foundation

struct RootCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certifolio",
        abstract: "Certifolio : suivi des certifications RNCP, bloc par bloc, jusqu'au jury.",
        subcommands: [InitCommand.self, ReferentielCommand.self, CertifierCommand.self, ImportCommand.self, CalendarCommand.self, DepositCommand.self, PortfolioCommand.self, ProgressCommand.self,
                      JuryCommand.self, AttestationCommand.self, ParcheminCommand.self, CPFCommand.self, StatsCommand.self,
                      SurveyCommand.self, AuditCommand.self, BackupCommand.self, RestoreCommand.self, GDPRCommand.self,
                      UserCommand.self, ServeCommand.self, DemoCommand.self]
    )
}

/// `--actor NAME`, taken by every command that writes: who appears in the audit trail.
struct ActorOptions: ParsableArguments {
    @Option(name: .long, help: "Qui fait l'opération, pour le journal d'audit (par défaut : l'utilisateur du système).")
    var actor: String?

    var value: Actor {
        if let actor, !actor.trimmingCharacters(in: .whitespaces).isEmpty { return Actor(actor) }
        return Actor("cli:" + (ProcessInfo.processInfo.environment["USER"] ?? NSUserName()))
    }
}

/// `--db PATH`, taken by every command.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Fichier de la base de données.")
    var db: String = "./certifolio.sqlite"
}
