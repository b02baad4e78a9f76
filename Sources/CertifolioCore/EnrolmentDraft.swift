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

    public init(candidateID: String, familyName: String, givenNames: String, birthDate: String, email: String,
                certification: String, accessRoute: String, enrolledOn: String, cohort: String) {
        self.candidateID = candidateID
        self.familyName = familyName
        self.givenNames = givenNames
        self.birthDate = birthDate
        self.email = email
        self.certification = certification
        self.accessRoute = accessRoute
        self.enrolledOn = enrolledOn
        self.cohort = cohort
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
