import Foundation

/// What a certifier's documents say of it and no fiche publishes: its postal address, the town
/// its documents are made in, who signs for it and in what quality, the appeal mention (voies et
/// délais de recours) its decisions carry, and where a parchemin is verified. The certifier sets
/// it once; Certifolio never words an appeal itself (the jurisdiction and the delays depend on
/// the certifier's legal status).
public struct CertifierProfile: Sendable, Equatable {
    public var siret: String
    /// Postal address, one line per line of the address block.
    public var address: String
    /// "Fait à …" on every document.
    public var city: String
    public var signatoryName: String
    /// "Directeur général", "Administrateur général du Cnam"…
    public var signatoryQuality: String
    /// The appeal mention printed on the PV and the notifications, as the certifier words it.
    public var appeal: String
    /// The public address of the verification page, without the code: `https://…/verification`.
    public var verificationURL: String

    public init(siret: String, address: String, city: String, signatoryName: String, signatoryQuality: String,
                appeal: String, verificationURL: String) {
        self.siret = siret
        self.address = address
        self.city = city
        self.signatoryName = signatoryName
        self.signatoryQuality = signatoryQuality
        self.appeal = appeal
        self.verificationURL = verificationURL
    }

    public enum Field: String, Sendable, CaseIterable {
        case siret, address, city, signatoryName, signatoryQuality, appeal, verificationURL

        /// The field's name as a person reads it.
        public var label: String {
            switch self {
            case .siret: return "SIRET"
            case .address: return "adresse"
            case .city: return "lieu de signature"
            case .signatoryName: return "signataire"
            case .signatoryQuality: return "qualité du signataire"
            case .appeal: return "voies et délais de recours"
            case .verificationURL: return "adresse de vérification"
            }
        }
    }

    /// One thing wrong with a profile, at its field.
    public struct Problem: Sendable, Equatable {
        public var field: Field
        public var message: String
    }

    /// Everything wrong, field by field; empty when the profile can be recorded. `sirets`: the
    /// certifiers the référentiels name.
    public func problems(knownSirets sirets: Set<String>) -> [Problem] {
        var problems: [Problem] = []
        let values: [(Field, String)] = [(.address, address), (.city, city), (.signatoryName, signatoryName),
                                         (.signatoryQuality, signatoryQuality), (.appeal, appeal)]
        for (field, value) in values where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(Problem(field: field, message: "\(field.label) : à renseigner."))
        }
        if !sirets.contains(siret) {
            let known = sirets.sorted().joined(separator: ", ")
            problems.append(Problem(field: .siret, message: "SIRET « \(siret) » : aucun référentiel ne nomme ce "
                                    + "certificateur (certificateurs connus : \(known.isEmpty ? "aucun" : known))."))
        }
        let url = verificationURL.trimmingCharacters(in: .whitespaces)
        if !(url.hasPrefix("https://") || url.hasPrefix("http://")) || url.count < 12 || url.contains(" ") {
            problems.append(Problem(field: .verificationURL, message: "adresse de vérification « \(verificationURL) » : "
                                    + "une adresse web complète est attendue (https://…/verification)."))
        }
        return problems
    }

    /// The address a parchemin prints and encodes in its QR code.
    public func verificationLink(_ code: String) -> String {
        var base = verificationURL.trimmingCharacters(in: .whitespaces)
        while base.hasSuffix("/") { base.removeLast() }
        return "\(base)/\(code)"
    }
}

/// A certifier profile refused: every problem, each at its field.
public struct CertifierProfileRefused: UserFacingError, Equatable {
    public var problems: [CertifierProfile.Problem]

    public init(problems: [CertifierProfile.Problem]) { self.problems = problems }

    public var message: String {
        (problems.map(\.message) + ["Rien n'a été enregistré."]).joined(separator: "\n")
    }
}
