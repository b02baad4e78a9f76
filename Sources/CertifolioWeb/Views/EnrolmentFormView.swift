import CertifolioApp
import CertifolioCore

/// The « Inscrire un candidat » form as the page draws it: the values typed so far, the
/// message next to each wrong field, and the certifications with their access routes as one
/// choice (so that a route always belongs to its certification, without a script).
struct EnrolmentFormView {
    let candidateID: FieldView
    let familyName: FieldView
    let givenNames: FieldView
    let birthDate: FieldView
    let email: FieldView
    let routeGroups: [OptionGroup]
    let routeError: String?
    let enrolledOn: FieldView
    let cohort: FieldView
    let cohortNames: [String]
    let identity: IdentityFields
    let errors: [String]

    /// The form's field for each enrolment field (`EnrolmentField`, named as the candidates.csv column).
    static let fieldOfColumn: [EnrolmentField: String] = IdentityFields.formName.merging([
        .candidateID: "identifiant", .familyName: "nom", .givenNames: "prenoms", .birthDate: "naissance",
        .email: "email", .certification: "voie", .accessRoute: "voie", .enrolledOn: "inscription",
        .cohort: "promotion",
    ]) { $1 }

    /// The value of the combined choice: "RNCP41818|apprentissage".
    static func routeValue(_ certification: String, _ route: String) -> String { "\(certification)|\(route)" }

    init(_ enrolment: NewEnrolment, referentiels: [Referentiel], cohortNames: [String], refusal: UserFacingError?) {
        var byField: [String: String] = [:]
        var messages: [String] = []
        for (field, message) in Self.problems(refusal) {
            if let field, byField[field] == nil { byField[field] = message.capitalizedFirst }
            messages.append(message.capitalizedFirst)
        }
        func field(_ value: String, _ name: String) -> FieldView { FieldView(value: value, error: byField[name]) }
        candidateID = field(enrolment.candidateID, "identifiant")
        familyName = field(enrolment.familyName, "nom")
        givenNames = field(enrolment.givenNames, "prenoms")
        birthDate = field(enrolment.birthDate, "naissance")
        email = field(enrolment.email, "email")
        let chosen = Self.routeValue(enrolment.certification, enrolment.accessRoute)
        routeGroups = referentiels.sorted { $0.code.rawValue < $1.code.rawValue }.map { referentiel in
            let code = referentiel.code
            return OptionGroup(label: "\(code) — \(referentiel.title)", options: referentiel.accessRoutes.filter(\.allowed).map { route in
                let value = Self.routeValue(code.rawValue, route.id.rawValue)
                return SelectOption(value: value, label: "\(code) — \(route.label)", selected: value == chosen)
            })
        }
        routeError = byField["voie"]
        enrolledOn = field(enrolment.enrolledOn, "inscription")
        cohort = field(enrolment.cohort, "promotion")
        self.cohortNames = cohortNames
        identity = IdentityFields(values: enrolment.typed.identity, errors: byField)
        errors = messages
    }

    /// Each problem of a refusal with the form field it is about (nil: the whole form).
    private static func problems(_ refusal: UserFacingError?) -> [(String?, String)] {
        switch refusal {
        case nil: return []
        case EnrolmentRefused.fields(let problems)?:
            return problems.map { (fieldOfColumn[$0.field], $0.message) }
        case let refused as EnrolmentRefused: return [("identifiant", refused.message)]
        case let other?: return [(nil, other.message)]
        }
    }
}
