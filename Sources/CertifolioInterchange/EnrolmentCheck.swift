import CertifolioCore

/// The one check of an enrolment, whether it comes from a line of `candidates.csv` or from the
/// enrolment form: required fields, an id without spaces, real dates, an e-mail address, a
/// certification whose référentiel is imported, one of its access routes, and a candidate not
/// already enrolled in another certification; a birth date at least 15 years before the
/// enrolment (an earlier one is a typing error: a birth year of 2030, a date swapped). The form
/// (`openRoutesOnly`) also refuses a route the fiche closes; `candidates.csv` records it and the
/// verdict reports it (contract §3). The civil identity is checked by `IdentityCheck`.
public enum EnrolmentCheck {
    /// The youngest age at enrolment taken as plausible.
    public static let minimumAge = 15

    /// The candidate and the enrolment, or every problem, in the order of the fields.
    public static func check(_ d: EnrolmentDraft, referentiels: [CertificationCode: Referentiel],
                             enrolledIn known: CertificationCode?, openRoutesOnly: Bool = false)
        -> Result<(Candidate, Enrolment), Problems> {
        var problems: [EnrolmentProblem] = []
        func required(_ value: String, _ field: EnrolmentField, _ what: String) -> String? {
            if value.isEmpty { problems.append(EnrolmentProblem(field, "\(what) manquant.")) }
            return value.isEmpty ? nil : value
        }
        func day(_ value: String, _ field: EnrolmentField) -> Day? {
            if value.isEmpty {
                problems.append(EnrolmentProblem(field, "date manquante (format AAAA-MM-JJ)."))
                return nil
            }
            guard let day = Day(iso: value) else {
                problems.append(EnrolmentProblem(field, "date « \(value) » invalide : une date réelle au format AAAA-MM-JJ est attendue."))
                return nil
            }
            return day
        }
        let id = required(d.candidateID, .candidateID, "identifiant du candidat")
        if let id, id.contains(where: { $0 == " " || $0 == "\t" }) {
            problems.append(EnrolmentProblem(.candidateID, "l'identifiant « \(id) » ne doit pas contenir d'espace."))
        }
        let family = required(d.familyName, .familyName, "nom de famille")
        let given = required(d.givenNames, .givenNames, "prénom(s)")
        let birth = day(d.birthDate, .birthDate)
        if !d.email.isEmpty, !EmailAddress.isPlausible(d.email) {
            problems.append(EnrolmentProblem(.email, "adresse électronique « \(d.email) » invalide."))
        }
        let enrolledOn = day(d.enrolledOn, .enrolledOn)
        // A birth in the last years of the calendar (9999-…, found by fuzzing) has no such
        // birthday: it is as implausible as any birth after the enrolment.
        if let birth, let enrolledOn,
           Day(year: birth.year + minimumAge, month: birth.month, day: min(birth.day, 28)).map({ enrolledOn < $0 }) ?? true {
            problems.append(EnrolmentProblem(.birthDate, "date de naissance \(birth.french) invraisemblable : "
                + "le candidat aurait moins de \(minimumAge) ans à son inscription du \(enrolledOn.french)."))
        }
        var referentiel: Referentiel?
        if let code = required(d.certification, .certification, "code de certification") {
            referentiel = referentiels[CertificationCode(code)]
            if referentiel == nil {
                problems.append(EnrolmentProblem(.certification,
                                                 "certification « \(code) » inconnue : importez d'abord son référentiel."))
            }
        }
        var route: AccessRouteID?
        if let text = required(d.accessRoute, .accessRoute, "voie d'accès"), let referentiel {
            route = AccessRouteID(text)
            if referentiel.route(AccessRouteID(text)) == nil {
                problems.append(EnrolmentProblem(.accessRoute, "voie d'accès « \(text) » inconnue pour \(referentiel.code). "
                    + "Voies possibles : " + referentiel.accessRoutes.map(\.id.rawValue).joined(separator: ", ") + "."))
                route = nil
            } else if openRoutesOnly, let open = referentiel.route(AccessRouteID(text)), !open.allowed {
                problems.append(EnrolmentProblem(.accessRoute, "la fiche \(referentiel.code) n'ouvre pas la voie « \(open.label) » : "
                    + "un candidat ne peut pas s'y inscrire."))
                route = nil
            }
        }
        let identity = IdentityCheck.check(d.identity, problems: &problems)
        if let id, let known, let referentiel, known != referentiel.code {
            problems.append(EnrolmentProblem(.certification, "le candidat \(id) est déjà inscrit en \(known)."))
        }
        guard problems.isEmpty, let id, let family, let given, let birth, let enrolledOn, let referentiel, let route,
              let identity else {
            return .failure(Problems(problems: problems))
        }
        return .success((Candidate(id: CandidateID(id), familyName: family, givenNames: given, birthDate: birth,
                                   email: d.email, identity: identity),
                         Enrolment(certification: referentiel.code, route: route, enrolledOn: enrolledOn,
                                   cohort: d.cohort)))
    }

    /// Every problem of one enrolment.
    public struct Problems: Error, Sendable, Equatable {
        public var problems: [EnrolmentProblem]
    }
}
