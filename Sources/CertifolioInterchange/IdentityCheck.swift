import CertifolioCore

/// The one check of a civil identity, for an enrolment (file or form) and for a rectification:
/// names without digits and within the Caisse des Dépôts' 60 characters, sex `M` or `F`, an INSEE
/// commune code of the right shape for a birth in France (Corsica 2A/2B, overseas 971–978 and
/// 984–989), a 3-digit INSEE country code for a birth abroad (with, there, an optional postal
/// code), the commune's name beside its code.
public enum IdentityCheck {
    /// The longest name or first name the Caisse des Dépôts' schema takes.
    public static let longestName = 60
    /// The longest foreign postal code the schema takes.
    public static let longestPostalCode = 9

    /// The identity, with the problems found appended to `problems` (nil when there are some).
    public static func check(_ d: IdentityDraft, problems: inout [EnrolmentProblem]) -> CivilIdentity? {
        let before = problems.count
        func fail(_ field: EnrolmentField, _ message: String) { problems.append(EnrolmentProblem(field, message)) }
        func optional(_ value: String) -> String? { value.isEmpty ? nil : value }
        func name(_ value: String, _ field: EnrolmentField, _ what: String) -> String? {
            guard !value.isEmpty else { return nil }
            if value.contains(where: \.isNumber) {
                fail(field, "\(what) « \(value) » : un nom ne contient pas de chiffre.")
            } else if value.count > longestName {
                fail(field, "\(what) trop long (\(value.count) caractères, \(longestName) au plus).")
            }
            return value
        }
        let birthName = name(d.birthName, .birthName, "nom de naissance")
        let usageName = name(d.usageName, .usageName, "nom d'usage")
        let firstNames = d.firstNames.split(separator: " ").map(String.init)
        for first in firstNames { _ = name(first, .firstNames, "prénom") }
        var sex: Sex?
        if !d.sex.isEmpty {
            sex = Sex(rawValue: d.sex.uppercased())
            if sex == nil { fail(.sex, "sexe « \(d.sex) » invalide : M ou F est attendu (comme à l'état civil).") }
        }
        let countryCode = optional(d.birthCountryCode)
        var country = optional(d.birthCountry)
        if let code = countryCode {
            if code == "100" || code == "99100" {
                fail(.birthCountryCode, "le code pays « \(code) » désigne la France : laissez le pays vide pour une naissance en France.")
            } else if !(code.count == 3 && code.allSatisfy(\.isASCIIDigit) && "12345".contains(code.first!)) {
                fail(.birthCountryCode, "code pays « \(code) » invalide : le code INSEE du pays sans « 99 » est attendu, "
                     + "3 chiffres (par exemple 350 pour le Maroc).")
            }
        } else if let name = country {
            if name.lowercased() == "france" {
                country = nil
            } else {
                fail(.birthCountryCode, "code pays manquant pour « \(name) » : le code INSEE du pays sans « 99 » est attendu "
                     + "(par exemple 350 pour le Maroc) ; laissez les deux vides pour une naissance en France.")
            }
        }
        if let name = country, name.count > longestName {
            fail(.birthCountry, "nom du pays trop long (\(name.count) caractères, \(longestName) au plus).")
        }
        if countryCode == nil { country = nil }
        let placeCode = optional(d.birthPlaceCode.uppercased())
        let place = optional(d.birthPlace)
        if let code = placeCode {
            if countryCode == nil, let problem = inseeCommuneProblem(code) {
                fail(.birthPlaceCode, problem)
            } else if countryCode != nil, code.count > longestPostalCode
                        || !code.allSatisfy({ $0.isASCIIDigit || $0.isASCIILetter || $0 == " " || $0 == "-" }) {
                fail(.birthPlaceCode, "code postal étranger « \(code) » invalide : \(longestPostalCode) lettres, chiffres "
                     + "ou tirets au plus.")
            }
            if place == nil {
                fail(.birthPlace, "commune de naissance manquante pour le code « \(code) ».")
            }
        }
        if let place, place.count > longestName {
            fail(.birthPlace, "nom de la commune trop long (\(place.count) caractères, \(longestName) au plus).")
        }
        let address = optional(d.postalAddress)
        if let address, address.count > 300 {
            fail(.postalAddress, "adresse postale trop longue (\(address.count) caractères, 300 au plus).")
        }
        guard problems.count == before else { return nil }
        return CivilIdentity(birthName: birthName, usageName: usageName, firstNames: firstNames, sex: sex,
                             birthPlaceCode: placeCode, birthPlace: place, birthCountryCode: countryCode,
                             birthCountry: country, postalAddress: address)
    }

    /// Why `code` is not an INSEE commune code (nil when it has the shape of one): 5 characters,
    /// a département 01–95 (2A or 2B for Corsica), 971–978 or 984–989 overseas, then digits.
    static func inseeCommuneProblem(_ code: String) -> String? {
        let chars = Array(code)
        let shape = "code commune « \(code) » invalide : le code INSEE de la commune de naissance est attendu, "
            + "5 caractères (par exemple 69123 pour Lyon, 2A004 pour Ajaccio)."
        guard chars.count == 5, chars[2...].allSatisfy(\.isASCIIDigit) else { return shape }
        let department = String(chars[0...1])
        if department == "2A" || department == "2B" { return nil }
        guard let number = Int(department) else { return shape }
        switch number {
        case 20:
            return "code commune « \(code) » : les communes de Corse ont un code INSEE commençant par 2A ou 2B."
        case 99:
            return "code commune « \(code) » : « 99 » désigne un pays étranger ; indiquez plutôt le pays de naissance "
                + "(code pays et nom)."
        case 97:
            return (1...8).contains(Int(String(chars[2]))!) ? nil : shape
        case 98:
            return (4...9).contains(Int(String(chars[2]))!) ? nil : shape
        case 1...95:
            return nil
        default:
            return shape
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIILetter: Bool { isASCII && isLetter }
}
