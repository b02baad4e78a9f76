import ArgumentParser
import CertifolioApp
import CertifolioCore
import Foundation

/// `certifolio cpf`: the declaration of holders to the Caisse des Dépôts (contract §8).
struct CPFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpf",
        abstract: "Déclaration des titulaires au CPF (accrochage) : identifiants, flux XML, rapports de traitement.",
        subcommands: [CPFSettingsCommand.self, CPFExportCommand.self, CPFReportCommand.self, CPFStatusCommand.self])

    /// The flag that gives a settings field (the errors name it).
    static func flag(_ field: CPFSettings.Field) -> String {
        switch field {
        case .emitter: "--emitter"
        case .certifier: "--certifier"
        case .contract: "--contract"
        case .depositor: "--depositor"
        }
    }
}

extension CPFDepositor: CommandValue {
    public init?(argument: String) { self.init(rawValue: argument) }
    static var expected: String { allCases.map(\.rawValue).joined(separator: " ou ") + " attendu." }
}

struct CPFSettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Enregistre les identifiants du certificateur auprès de la Caisse des dépôts.")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @Option(name: .long, help: "idClient de l'émetteur du flux (8 caractères).") var emitter: String
    @Option(name: .long, help: "idClient du certificateur (8 caractères).") var certifier: String
    @Option(name: .long, help: "Numéro de contrat (idContrat).") var contract: String
    @Option(name: .long, help: "Nature du déposant : certificateur (par défaut) ou tiers_confiance.")
    var depositor: CPFDepositor = .certifier

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        try app.setCPFSettings(CPFSettings(emitter: emitter, certifier: certifier, contract: contract, depositor: depositor),
                               actor: actor.value)
        print("Identifiants CPF enregistrés (émetteur \(emitter), certificateur \(certifier), contrat \(contract)).")
    }
}

struct CPFExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Écrit le flux XML des titres à déclarer, validé par le schéma de la Caisse des dépôts avant d'être écrit.")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @Option(name: .long, help: "Fichier XML à écrire.") var out: String
    @Option(name: .customLong("as-of"), help: "Date de référence (AAAA-MM-JJ), aujourd'hui par défaut.") var asOf: Day?

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let summary = try app.exportCPF(to: out, asOf: asOf ?? Today.day(), actor: actor.value)
        if summary.fluxID != nil {
            print("Flux CPF écrit : \(out) — " + French.count(summary.passages, "passage", "passages")
                  + ", valide selon le schéma accrochage 1.1.2.")
        } else {
            print("Aucun titre à déclarer : aucun fichier écrit.")
        }
        if !summary.incomplete.isEmpty {
            print("État civil à compléter avant déclaration (" + French.count(summary.incomplete.count, "titulaire", "titulaires")
                  + ", non envoyés) :")
            for missing in summary.incomplete { print("  " + missing.message) }
        }
    }
}

struct CPFReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Enregistre le rapport de traitement de la Caisse des dépôts (passages acceptés, refusés).")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "Le rapport XML reçu de la Caisse des dépôts.") var file: String

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let result = try app.recordCPFReport(file: file, actor: actor.value)
        print("Rapport enregistré : " + French.count(result.accepted, "passage accepté", "passages acceptés") + ", "
              + French.count(result.refused, "passage refusé", "passages refusés")
              + (result.refused > 0 ? " (à corriger, puis à renvoyer par cpf export)." : "."))
    }
}

struct CPFStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Où en est la déclaration de chaque titre délivré (les plus urgentes d'abord).")

    @OptionGroup var options: DatabaseOptions
    @Option(name: .customLong("as-of"), help: "Date de référence (AAAA-MM-JJ), aujourd'hui par défaut.") var asOf: Day?
    @Flag(name: .long, help: "Une ligne JSON par titre.") var json = false

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let day = asOf ?? Today.day()
        var listed = 0
        try app.forEachCPFAward(asOf: day) { a in
            listed += 1
            if json {
                var object: [String: Any] = [
                    "candidate_id": a.candidate.rawValue, "certification": a.certification.rawValue,
                    "awarded_on": a.awardedOn.iso, "limit": a.limit.iso, "status": a.status.code,
                    "id_technique": a.idTechnique ?? NSNull(), "days_left": a.daysLeft(on: day) ?? NSNull(),
                ]
                if case .refused(let message, _) = a.status { object["message"] = message }
                try Output.jsonLine(object)
                return
            }
            let left = a.daysLeft(on: day).map { $0 < 0 ? "en retard de \(French.count(-$0, "jour", "jours"))"
                                                  : "\(French.count($0, "jour", "jours")) restants" } ?? ""
            print("\(a.candidate)  \(a.name)  \(a.certification)  titre du \(a.awardedOn.french)  \(a.status.french)"
                  + (left.isEmpty ? "" : "  — \(left) (limite \(a.limit.french))"))
        }
        if listed == 0 && !json { print("Aucun titre délivré au \(day.french).") }
    }
}
