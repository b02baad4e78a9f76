/// One candidate's enrolment as typed, before it is checked: a line of `candidates.csv` and the
/// gestionnaire's « Inscrire un candidat » form both decode into it, and one check
/// (EnrolmentCheck) accepts or refuses it, field by field.
public struct EnrolmentDraft: Sendable, Equatable {
    public var candidateID: String
    public var familyName: String
    public var givenNames: String
    /// ISO dates (the form makes a French date ISO before).
    public var birthDate: String
    public var email: String
    public var certification: String
    public var accessRoute: String
    public var enrolledOn: String
    public var cohort: String
    /// The optional civil-identity columns (contract §8), as typed.
    public var identity: IdentityDraft

    public init(candidateID: String, familyName: String, givenNames: String, birthDate: String, email: String,
                certification: String, accessRoute: String, enrolledOn: String, cohort: String,
                identity: IdentityDraft = IdentityDraft()) {
        self.candidateID = candidateID
        self.familyName = familyName
        self.givenNames = givenNames
        self.birthDate = birthDate
        self.email = email
        self.certification = certification
        self.accessRoute = accessRoute
        self.enrolledOn = enrolledOn
        self.cohort = cohort
        self.identity = identity
    }
}

/// The civil-identity fields of a candidate as typed (a `candidates.csv` line, the enrolment form
/// or the rectification form), before `IdentityCheck`; "" is a field left empty.
public struct IdentityDraft: Sendable, Equatable {
    public var birthName = ""
    public var usageName = ""
    /// Space-separated, in civil-status order.
    public var firstNames = ""
    public var sex = ""
    public var birthPlaceCode = ""
    public var birthPlace = ""
    public var birthCountryCode = ""
    public var birthCountry = ""
    public var postalAddress = ""

    public init(birthName: String = "", usageName: String = "", firstNames: String = "", sex: String = "",
                birthPlaceCode: String = "", birthPlace: String = "", birthCountryCode: String = "",
                birthCountry: String = "", postalAddress: String = "") {
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

    /// The fields of an identity already recorded, to show it again in a form.
    public init(_ identity: CivilIdentity) {
        self.init(birthName: identity.birthName ?? "", usageName: identity.usageName ?? "",
                  firstNames: identity.firstNames.joined(separator: " "), sex: identity.sex?.rawValue ?? "",
                  birthPlaceCode: identity.birthPlaceCode ?? "", birthPlace: identity.birthPlace ?? "",
                  birthCountryCode: identity.birthCountryCode ?? "", birthCountry: identity.birthCountry ?? "",
                  postalAddress: identity.postalAddress ?? "")
    }

    /// Each field with the column that carries it.
    public static var fields: [(EnrolmentField, WritableKeyPath<IdentityDraft, String>)] {
        [(.birthName, \.birthName), (.usageName, \.usageName), (.firstNames, \.firstNames), (.sex, \.sex),
         (.birthPlaceCode, \.birthPlaceCode), (.birthPlace, \.birthPlace), (.birthCountryCode, \.birthCountryCode),
         (.birthCountry, \.birthCountry), (.postalAddress, \.postalAddress)]
    }
}

/// A field of an enrolment, named as the `candidates.csv` column (the form maps it to its input).
public enum EnrolmentField: String, Sendable, Equatable, CaseIterable {
    case candidateID = "candidate_id"
    case familyName = "family_name"
    case givenNames = "given_names"
    case birthDate = "birth_date"
    case email
    case certification
    case accessRoute = "access_route"
    case enrolledOn = "enrolled_on"
    case cohort
    case birthName = "birth_name"
    case usageName = "usage_name"
    case firstNames = "first_names"
    case sex
    case birthPlaceCode = "birth_place_code"
    case birthPlace = "birth_place"
    case birthCountryCode = "birth_country_code"
    case birthCountry = "birth_country"
    case postalAddress = "postal_address"
}

/// What is wrong with one field of an enrolment, in French.
public struct EnrolmentProblem: Sendable, Equatable {
    public var field: EnrolmentField
    public var message: String

    public init(_ field: EnrolmentField, _ message: String) {
        self.field = field
        self.message = message
    }
}
