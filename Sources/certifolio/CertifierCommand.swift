import ArgumentParser
import CertifolioApp
import CertifolioCore

/// `certifolio certifier`: the certifier's own particulars, which its documents carry.
struct CertifierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certifier",
        abstract: "Paramètres du certificateur : adresse, signataire, voies de recours, adresse de vérification.",
        subcommands: [CertifierSet.self, CertifierShow.self])

    /// The flag that gives a field (the errors name it).
    static func flag(_ field: CertifierProfile.Field) -> String {
        switch field {
        case .siret: "--siret"
        case .address: "--address"
        case .city: "--city"
        case .signatoryName: "--signatory"
        case .signatoryQuality: "--quality"
        case .appeal: "--appeal"
        case .verificationURL: "--verification-url"
        }
    }
}

struct CertifierSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Enregistre (ou remplace) les paramètres d'un certificateur des référentiels.")

    @OptionGroup var options: DatabaseOptions
    @OptionGroup var actor: ActorOptions
    @Option(name: .long, help: "SIRET du certificateur, tel que le référentiel le donne.") var siret: String
    @Option(name: .long, help: "Adresse postale ; « \\n » sépare les lignes.") var address: String
    @Option(name: .long, help: "Ville où les documents sont faits (« Fait à … »).") var city: String
    @Option(name: .long, help: "Nom du signataire des documents.") var signatory: String
    @Option(name: .long, help: "Qualité du signataire (Directeur général…).") var quality: String
    @Option(name: .long, help: "Mention des voies et délais de recours, telle que le certificateur la rédige.")
    var appeal: String
    @Option(name: .customLong("verification-url"), help: "Adresse publique de la page de vérification (https://…/verification).")
    var verificationURL: String

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        try app.setCertifierProfile(CertifierProfile(
            siret: siret, address: address.replacingOccurrences(of: "\\n", with: "\n"), city: city,
            signatoryName: signatory, signatoryQuality: quality, appeal: appeal, verificationURL: verificationURL),
            actor: actor.value)
        print("Paramètres du certificateur \(siret) enregistrés.")
    }
}

struct CertifierShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Affiche les paramètres enregistrés.")

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let app = try Certifolio.open(path: options.db)
        let profiles = try app.certifierProfiles()
        if profiles.isEmpty { print("Aucun paramètre de certificateur enregistré.") }
        for p in profiles.values.sorted(by: { $0.siret < $1.siret }) {
            print("""
                SIRET \(p.siret)
                  Adresse : \(p.address.replacingOccurrences(of: "\n", with: ", "))
                  Fait à : \(p.city)
                  Signataire : \(p.signatoryName), \(p.signatoryQuality)
                  Voies et délais de recours : \(p.appeal)
                  Vérification : \(p.verificationURL)
                """)
        }
    }
}
