import CertifolioCore

/// The CPF accrochage flux (schema `accrochage-1.1.2.xsd`): one certifier, its certifications,
/// one passage per title awarded. Written here as text, element by element in the schema's
/// order, each value escaped, a line at a time (`Document`); `XMLSchemaValidator` then checks
/// the file against the schema (libxml2).
public enum CPFFlux {
    /// A holder as the Caisse matches them: birth name, first names, sex, birth date, commune.
    public struct Holder: Sendable, Equatable {
        public var birthName: String
        public var usageName: String?
        /// At most the first three are sent (prenom1…prenom3).
        public var firstNames: [String]
        public var birthDate: Day
        public var sex: Sex
        public var commune: Commune
        public var communeName: String?
        public var countryCode: String?
        public var countryName: String?

        public enum Commune: Sendable, Equatable {
            case insee(String)
            /// Born abroad: a postal code, or none (sent as nil).
            case postal(String?)
        }

        /// The holder of `candidate`'s record, or what is missing for the Caisse to match them.
        public static func of(_ candidate: Candidate) -> Result<Holder, Missing> {
            let i = candidate.identity
            var missing: [String] = []
            if i.sex == nil { missing.append("le sexe") }
            let commune: Commune?
            if i.bornAbroad {
                commune = .postal(i.birthPlaceCode)
            } else if let code = i.birthPlaceCode {
                commune = .insee(code)
            } else {
                commune = nil
                missing.append("le code INSEE de la commune de naissance (ou, né à l'étranger, le pays)")
            }
            guard let sex = i.sex, let commune else { return .failure(Missing(candidate: candidate.id, parts: missing)) }
            let usage = i.usageName.flatMap { $0 == candidate.birthName ? nil : $0 }
                ?? (candidate.familyName == candidate.birthName ? nil : candidate.familyName)
            return .success(Holder(birthName: candidate.birthName, usageName: usage, firstNames: candidate.firstNames,
                                   birthDate: candidate.birthDate, sex: sex, commune: commune, communeName: i.birthPlace,
                                   countryCode: i.birthCountryCode, countryName: i.birthCountry))
        }
    }

    /// A holder who cannot be declared yet, with what their record lacks.
    public struct Missing: Error, Sendable, Equatable {
        public var candidate: CandidateID
        public var parts: [String]

        public var message: String { "\(candidate) : il manque " + parts.joined(separator: ", ") + "." }
    }

    public struct Passage: Sendable, Equatable {
        public var idTechnique: String
        public var candidate: CandidateID
        public var awardedOn: Day
        public var access: CPFAccessMode
        public var enrolledOn: Day
        public var holder: Holder

        public init(idTechnique: String, candidate: CandidateID, awardedOn: Day, access: CPFAccessMode, enrolledOn: Day,
                    holder: Holder) {
            self.idTechnique = idTechnique
            self.candidate = candidate
            self.awardedOn = awardedOn
            self.access = access
            self.enrolledOn = enrolledOn
            self.holder = holder
        }
    }

    /// A flux written as it goes, a line at a time to `out`: the opening, then each certification
    /// with its passages, then the closing. A flux of a million passages is never held whole.
    public final class Document {
        private var out: Writer
        private var inCertification = false

        public init(id: String, timestamp: String, settings: CPFSettings, out: @escaping (String) throws -> Void) throws {
            self.settings = settings
            self.out = Writer(out)
            try self.out.line(0, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
            try self.out.line(0, "<cpf:flux xmlns:cpf=\"urn:cdc:cpf:pc5:schema:1.0.0\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
            try self.out.element(1, "idFlux", id)
            try self.out.element(1, "horodatage", timestamp)
            try self.out.line(1, "<cpf:emetteur>")
            try self.out.element(2, "idClient", settings.emitter)
            try self.out.line(2, "<cpf:certificateurs>")
            try self.out.line(3, "<cpf:certificateur>")
            try self.out.element(4, "idClient", settings.certifier)
            try self.out.element(4, "idContrat", settings.contract)
            try self.out.line(4, "<cpf:certifications>")
        }

        private let settings: CPFSettings

        /// Starts the passages of a certification (ending the previous one's).
        public func certification(_ code: CertificationCode) throws {
            try endCertification()
            try out.line(5, "<cpf:certification>")
            try out.element(6, "type", "RNCP")
            try out.element(6, "code", code.rawValue)
            try out.element(6, "natureDeposant", settings.depositor.schemaValue)
            try out.line(6, "<cpf:passageCertifications>")
            inCertification = true
        }

        /// Writes a passage of the current certification; returns its lines.
        @discardableResult
        public func passage(_ passage: Passage) throws -> ClosedRange<Int> {
            let first = out.count + 1
            try passageXML(passage, &out)
            return first...out.count
        }

        public func finish() throws {
            try endCertification()
            try out.line(4, "</cpf:certifications>")
            try out.line(3, "</cpf:certificateur>")
            try out.line(2, "</cpf:certificateurs>")
            try out.line(1, "</cpf:emetteur>")
            try out.line(0, "</cpf:flux>")
        }

        private func endCertification() throws {
            guard inCertification else { return }
            try out.line(6, "</cpf:passageCertifications>")
            try out.line(5, "</cpf:certification>")
            inCertification = false
        }
    }

    private static func passageXML(_ p: Passage, _ out: inout Writer) throws {
        let h = p.holder
        try out.line(7, "<cpf:passageCertification>")
        try out.element(8, "idTechnique", p.idTechnique)
        try out.element(8, "obtentionCertification", "PAR_ADMISSION")
        try out.element(8, "donneeCertifiee", "true")
        // The award's date starts the validity (and the three months to declare it); a title has no end.
        try out.element(8, "dateDebutValidite", p.awardedOn.iso)
        try out.nilElement(8, "dateFinValidite")
        try out.element(8, "presenceNiveauLangueEuro", "false")
        try out.element(8, "presenceNiveauNumeriqueEuro", "false")
        try out.nilElement(8, "scoring")
        try out.nilElement(8, "mentionValidee")
        try out.line(8, "<cpf:modalitesInscription>")
        try out.element(9, "modaliteAcces", p.access.rawValue)
        try out.element(9, "dateInscription", p.enrolledOn.iso)
        try out.line(8, "</cpf:modalitesInscription>")
        try out.line(8, "<cpf:identificationTitulaire>")
        try out.line(9, "<cpf:titulaire>")
        try out.element(10, "nomNaissance", h.birthName)
        if let usage = h.usageName { try out.element(10, "nomUsage", usage) } else { try out.nilElement(10, "nomUsage") }
        for (i, name) in h.firstNames.prefix(3).enumerated() { try out.element(10, "prenom\(i + 1)", name) }
        try out.element(10, "anneeNaissance", String(h.birthDate.year))
        try out.element(10, "moisNaissance", String(h.birthDate.month))
        try out.element(10, "jourNaissance", String(h.birthDate.day))
        try out.element(10, "sexe", h.sex.rawValue)
        try out.line(10, "<cpf:codeCommuneNaissance>")
        switch h.commune {
        case .insee(let code):
            try out.line(11, "<cpf:codeInseeNaissance>")
            try out.element(12, "codeInsee", code)
            try out.line(11, "</cpf:codeInseeNaissance>")
        case .postal(let code):
            try out.line(11, "<cpf:codePostalNaissance>")
            if let code { try out.element(12, "codePostal", code) } else { try out.nilElement(12, "codePostal") }
            try out.line(11, "</cpf:codePostalNaissance>")
        }
        try out.line(10, "</cpf:codeCommuneNaissance>")
        if let name = h.communeName { try out.element(10, "libelleCommuneNaissance", name) }
        if let code = h.countryCode { try out.element(10, "codePaysNaissance", code) }
        try out.element(10, "libellePaysNaissance", h.countryName ?? (h.countryCode == nil ? "France" : nil))
        try out.line(9, "</cpf:titulaire>")
        try out.line(8, "</cpf:identificationTitulaire>")
        try out.line(7, "</cpf:passageCertification>")
    }

    /// Lines of XML, counted as they are written, handed to `out`.
    private struct Writer {
        let out: (String) throws -> Void
        var count = 0

        init(_ out: @escaping (String) throws -> Void) { self.out = out }

        mutating func line(_ depth: Int, _ markup: String) throws {
            try out(String(repeating: "   ", count: depth) + markup + "\n")
            count += 1
        }

        mutating func element(_ depth: Int, _ name: String, _ value: String?) throws {
            guard let value else { return }
            try line(depth, "<cpf:\(name)>\(escaped(value))</cpf:\(name)>")
        }

        mutating func nilElement(_ depth: Int, _ name: String) throws {
            try line(depth, "<cpf:\(name) xsi:nil=\"true\"/>")
        }

        private func escaped(_ value: String) -> String {
            var result = ""
            for c in value {
                switch c {
                case "&": result += "&amp;"
                case "<": result += "&lt;"
                case ">": result += "&gt;"
                case "\"": result += "&quot;"
                case "'": result += "&apos;"
                default: result.append(c)
                }
            }
            return result
        }
    }
}
