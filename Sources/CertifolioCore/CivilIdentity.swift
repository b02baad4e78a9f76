/// A holder's civil identity as the civil-status record writes it: what the parchemin prints and
/// what the Caisse des Dépôts matches a holder on (birth name, first name, sex, birth year, then
/// month and day, then commune). Every part is optional: a candidate enrolled before these columns
/// existed, or without them, still has a record; what a document or an export needs and lacks is
/// said where it is needed.
public struct CivilIdentity: Sendable, Equatable, Codable {
    /// Nil: the family name is the birth name (contract §8).
    public var birthName: String?
    public var usageName: String?
    /// In civil-status order; empty: not given (the given names stand in).
    public var firstNames: [String]
    public var sex: Sex?
    /// The birth commune: its INSEE code (or, abroad, a postal code) and its name.
    public var birthPlaceCode: String?
    public var birthPlace: String?
    /// Nil: born in France. Otherwise the INSEE country code without its "99" (3 digits).
    public var birthCountryCode: String?
    public var birthCountry: String?
    /// Where letters reach the candidate (the notification's address block); lines as typed.
    public var postalAddress: String?

    public init(birthName: String? = nil, usageName: String? = nil, firstNames: [String] = [], sex: Sex? = nil,
                birthPlaceCode: String? = nil, birthPlace: String? = nil, birthCountryCode: String? = nil,
                birthCountry: String? = nil, postalAddress: String? = nil) {
        self.birthName = birthName
        self.usageName = usageName
        self.firstNames = firstNames
        self.sex = sex
        self.birthPlaceCode = birthPlaceCode
        self.birthPlace = birthPlace
        self.birthCountryCode = birthCountryCode
        self.birthCountry = birthCountry
        self.postalAddress = postalAddress
    }

    public var bornAbroad: Bool { birthCountryCode != nil }

    /// "Lyon", "Lyon (69123)", "Casablanca (Maroc)": where a document says the holder was born;
    /// nil when nothing is known.
    public var birthPlaceText: String? {
        switch (birthPlace, birthCountry ?? birthCountryCode.map { "pays \($0)" }) {
        case (let place?, let country?): return "\(place) (\(country))"
        case (let place?, nil): return place
        case (nil, let country?): return country
        case (nil, nil): return nil
        }
    }
}

/// Sex as the civil-status record and the Caisse des Dépôts write it.
public enum Sex: String, Sendable, Equatable, Codable, CaseIterable {
    case male = "M"
    case female = "F"

    /// French agreement of a past participle: "né" / "née"; "né(e)" when the sex is unknown.
    public static func agree(_ masculine: String, _ sex: Sex?) -> String {
        switch sex {
        case .male?: return masculine
        case .female?: return masculine + "e"
        case nil: return masculine + "(e)"
        }
    }
}
