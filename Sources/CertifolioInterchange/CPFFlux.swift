import CertifolioCore

/// The CPF accrochage flux (schema `accrochage-1.1.2.xsd`): one certifier, its certifications,
/// one passage per title awarded. Written here as text, element by element in the schema's
/// order, each value escaped; `CPFFlux.problems` then checks it against the schema (libxml2).
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

    /// The flux as text, and the lines of each passage (to name the candidate of a schema problem).
    public static func xml(id: String, timestamp: String, settings: CPFSettings,
                           certifications: [(code: CertificationCode, passages: [Passage])])
        -> (text: String, lines: [(range: ClosedRange<Int>, candidate: CandidateID)]) {
        var out = Writer()
        out.line(0, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        out.line(0, "<cpf:flux xmlns:cpf=\"urn:cdc:cpf:pc5:schema:1.0.0\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">")
        out.element(1, "idFlux", id)
        out.element(1, "horodatage", timestamp)
        out.line(1, "<cpf:emetteur>")
        out.element(2, "idClient", settings.emitter)
        out.line(2, "<cpf:certificateurs>")
        out.line(3, "<cpf:certificateur>")
        out.element(4, "idClient", settings.certifier)
        out.element(4, "idContrat", settings.contract)
        out.line(4, "<cpf:certifications>")
        var lines: [(ClosedRange<Int>, CandidateID)] = []
        for (code, passages) in certifications {
            out.line(5, "<cpf:certification>")
            out.element(6, "type", "RNCP")
            out.element(6, "code", code.rawValue)
            out.element(6, "natureDeposant", settings.depositor.schemaValue)
            out.line(6, "<cpf:passageCertifications>")
            for passage in passages {
                let first = out.count + 1
                passageXML(passage, &out)
                lines.append((first...out.count, passage.candidate))
            }
            out.line(6, "</cpf:passageCertifications>")
            out.line(5, "</cpf:certification>")
        }
        out.line(4, "</cpf:certifications>")
        out.line(3, "</cpf:certificateur>")
        out.line(2, "</cpf:certificateurs>")
        out.line(1, "</cpf:emetteur>")
        out.line(0, "</cpf:flux>")
        return (out.text, lines)
    }

    private static func passageXML(_ p: Passage, _ out: inout Writer) {
        let h = p.holder
        out.line(7, "<cpf:passageCertification>")
        out.element(8, "idTechnique", p.idTechnique)
        out.element(8, "obtentionCertification", "PAR_ADMISSION")
        out.element(8, "donneeCertifiee", "true")
        // The award's date starts the validity (and the three months to declare it); a title has no end.
        out.element(8, "dateDebutValidite", p.awardedOn.iso)
        out.nilElement(8, "dateFinValidite")
        out.element(8, "presenceNiveauLangueEuro", "false")
        out.element(8, "presenceNiveauNumeriqueEuro", "false")
        out.nilElement(8, "scoring")
        out.nilElement(8, "mentionValidee")
        out.line(8, "<cpf:modalitesInscription>")
        out.element(9, "modaliteAcces", p.access.rawValue)
        out.element(9, "dateInscription", p.enrolledOn.iso)
        out.line(8, "</cpf:modalitesInscription>")
        out.line(8, "<cpf:identificationTitulaire>")
        out.line(9, "<cpf:titulaire>")
        out.element(10, "nomNaissance", h.birthName)
        if let usage = h.usageName { out.element(10, "nomUsage", usage) } else { out.nilElement(10, "nomUsage") }
        for (i, name) in h.firstNames.prefix(3).enumerated() { out.element(10, "prenom\(i + 1)", name) }
        out.element(10, "anneeNaissance", String(h.birthDate.year))
        out.element(10, "moisNaissance", String(h.birthDate.month))
        out.element(10, "jourNaissance", String(h.birthDate.day))
        out.element(10, "sexe", h.sex.rawValue)
        out.line(10, "<cpf:codeCommuneNaissance>")
        switch h.commune {
        case .insee(let code):
            out.line(11, "<cpf:codeInseeNaissance>")
            out.element(12, "codeInsee", code)
            out.line(11, "</cpf:codeInseeNaissance>")
        case .postal(let code):
            out.line(11, "<cpf:codePostalNaissance>")
            if let code { out.element(12, "codePostal", code) } else { out.nilElement(12, "codePostal") }
            out.line(11, "</cpf:codePostalNaissance>")
        }
        out.line(10, "</cpf:codeCommuneNaissance>")
        if let name = h.communeName { out.element(10, "libelleCommuneNaissance", name) }
        if let code = h.countryCode { out.element(10, "codePaysNaissance", code) }
        out.element(10, "libellePaysNaissance", h.countryName ?? (h.countryCode == nil ? "France" : nil))
        out.line(9, "</cpf:titulaire>")
        out.line(8, "</cpf:identificationTitulaire>")
        out.line(7, "</cpf:passageCertification>")
    }

    /// Lines of XML, counted as they are written.
    private struct Writer {
        var text = ""
        var count = 0

        mutating func line(_ depth: Int, _ markup: String) {
            text += String(repeating: "   ", count: depth) + markup + "\n"
            count += 1
        }

        mutating func element(_ depth: Int, _ name: String, _ value: String?) {
            guard let value else { return }
            line(depth, "<cpf:\(name)>\(escaped(value))</cpf:\(name)>")
        }

        mutating func nilElement(_ depth: Int, _ name: String) {
            line(depth, "<cpf:\(name) xsi:nil=\"true\"/>")
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
