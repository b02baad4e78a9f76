import CertifolioApp
import CertifolioCore

// The forms of the web pages as values: each decodes from its page's field names (French,
// as the page shows them) and carries nothing else. The use cases check them.

/// The anti-forgery token every form carries (see `CSRFMiddleware`).
struct CSRFField: Decodable {
    let token: String

    init(from decoder: Decoder) throws {
        token = try decoder.container(keyedBy: CodingKeys.self).text(.token)
    }

    enum CodingKeys: String, CodingKey { case token = "_csrf" }
}

/// The sign-in form; `next` is where to go once signed in.
struct SignInForm: Decodable {
    let email: String
    let password: String
    let next: String

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        email = try c.text(.email)
        password = try c.raw(.password)
        next = try c.text(.next)
    }

    enum CodingKeys: String, CodingKey {
        case email, password = "mot_de_passe", next = "suite"
    }
}

/// A new jury session (the sessions page).
struct NewSessionForm: Decodable {
    var certification = ""
    var date = ""
    var place = ""

    init() {}

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        certification = try c.text(.certification)
        date = try c.text(.date)
        place = try c.text(.place)
    }

    enum CodingKeys: String, CodingKey { case certification, date, place = "lieu" }
}

/// A member's attendance and whether they preside.
struct MemberStandingForm: Decodable {
    let name: String
    let excused: Bool
    let presides: Bool

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.text(.name)
        excused = try c.text(.attendance) == "excuse"
        presides = try c.text(.presides) == "oui"
    }

    enum CodingKeys: String, CodingKey { case name = "nom", attendance = "presence", presides = "preside" }
}

/// A jury member added to a session, or (by name) removed from it.
struct MemberForm: Decodable {
    let name: String
    let role: String
    let external: Bool

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.text(.name)
        role = try c.text(.role)
        external = try c.text(.external) == "oui"
    }

    enum CodingKeys: String, CodingKey { case name = "nom", role, external = "externe" }
}

/// A person of the jury directory added to a session, in a role.
struct DirectoryMemberForm: Decodable {
    let person: String
    let role: String

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        person = try c.text(.person)
        role = try c.text(.role)
    }

    enum CodingKeys: String, CodingKey { case person = "personne", role }
}

/// A person added to the jury directory.
struct JuryPersonForm: Decodable {
    let name: String
    let external: Bool
    let account: String

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.text(.name)
        external = try c.text(.external) == "oui"
        account = try c.text(.account)
    }

    enum CodingKeys: String, CodingKey { case name = "nom", external = "externe", account = "compte" }
}

/// Who to convoke: a cohort, or candidates' ids separated by commas, semicolons or spaces.
struct ConvocationForm: Decodable {
    let cohort: String?
    let candidates: [CandidateID]

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let cohort = try c.text(.cohort)
        self.cohort = cohort.isEmpty ? nil : cohort
        candidates = try c.text(.candidates).split { $0 == "," || $0 == ";" || $0.isWhitespace }
            .map { CandidateID(String($0)) }
    }

    enum CodingKeys: String, CodingKey { case cohort = "promotion", candidates = "candidats" }
}

/// An avenant: the decision in force on one candidate's block or title revoked, with the new
/// decision, its reason and its date. Decoded into a `Revocation`, as `jury revoke` makes one.
struct RevocationForm: Decodable {
    let candidate: String
    let component: String
    let decision: String
    let reason: String
    let date: String

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        candidate = try c.text(.candidate)
        component = try c.text(.component)
        decision = try c.text(.decision)
        reason = try c.text(.reason)
        date = try c.text(.date)
    }

    enum CodingKeys: String, CodingKey {
        case candidate = "candidat", component = "objet", decision, reason = "raison", date
    }

    /// The revocation, or what is wrong with a field in words.
    func revocation() throws -> Revocation {
        var problems: [String] = []
        let kind = DecisionKind(rawValue: decision)
        if kind == nil { problems.append("Nouvelle décision : choisissez validé, ajourné ou absent.") }
        let day = Day(iso: date)
        if day == nil { problems.append("Date de l'avenant : « \(date) » n'est pas une date (jj/mm/aaaa).") }
        if candidate.isEmpty { problems.append("Candidat : choisissez le candidat.") }
        if component.isEmpty { problems.append("Objet : choisissez le bloc ou le titre.") }
        guard let kind, let day, problems.isEmpty else { throw FormRefused(problems: problems) }
        return Revocation(candidate: CandidateID(candidate), component: DecisionComponent(fileValue: component),
                          decision: kind, reason: reason, date: day)
    }
}

/// A form refused before any use case: each field's problem, in words.
struct FormRefused: UserFacingError {
    let problems: [String]
    var message: String { problems.joined(separator: "\n") }
}

/// The decisions for one convoked candidate: per component (`composante[]`), the decision
/// chosen (`decision[component]`) and its motive (`motif[component]`).
struct DecisionForm: Decodable {
    let components: [String]
    let decisions: [String: String]
    let motives: [String: String]

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        components = try c.texts(.components)
        decisions = try c.decodeIfPresent([String: String].self, forKey: .decisions) ?? [:]
        motives = try c.decodeIfPresent([String: String].self, forKey: .motives) ?? [:]
    }

    enum CodingKeys: String, CodingKey { case components = "composante", decisions = "decision", motives = "motif" }
}

/// The « Inscrire un candidat » form: the same value as a line of `candidates.csv` once
/// decoded (`NewEnrolment`); the certification and its route are one choice, "RNCP41818|vae".
struct EnrolmentForm: Decodable {
    let enrolment: NewEnrolment

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let choice = try c.text(.route).split(separator: "|", maxSplits: 1).map(String.init)
        enrolment = NewEnrolment(
            candidateID: try c.text(.candidateID), familyName: try c.text(.familyName),
            givenNames: try c.text(.givenNames), birthDate: try c.text(.birthDate), email: try c.text(.email),
            certification: choice.first ?? "", accessRoute: choice.count == 2 ? choice[1] : "",
            enrolledOn: try c.text(.enrolledOn), cohort: try c.text(.cohort),
            identity: try IdentityFields.decode(decoder))
    }

    enum CodingKeys: String, CodingKey {
        case candidateID = "identifiant", familyName = "nom", givenNames = "prenoms", birthDate = "naissance"
        case email, route = "voie", enrolledOn = "inscription", cohort = "promotion"
    }
}

/// A cohort's files, sent to be checked and previewed (multipart).
struct CohortFilesForm: Decodable {
    /// Each chosen file under its cohort-folder name (`candidates.csv`…).
    let files: [String: [UInt8]]

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: FormKey.self)
        var files: [String: [UInt8]] = [:]
        // Each file's field is its name without `.csv` (`candidates`).
        for name in CohortUpload.fileNames {
            if let bytes = try c.file(FormKey(String(name.dropLast(".csv".count)))) { files[name] = bytes }
        }
        self.files = files
    }
}

/// The confirmation of a previewed import: the token of the files kept since the preview.
struct ImportConfirmationForm: Decodable {
    let token: String

    init(from decoder: Decoder) throws {
        token = try decoder.container(keyedBy: CodingKeys.self).text(.token)
    }

    enum CodingKeys: String, CodingKey { case token = "envoi" }
}

/// A new account (the accounts page); kept as typed after a refusal, but the password.
struct AccountForm: Decodable {
    var email = ""
    var name = ""
    var role = ""
    var candidate = ""
    var cohorts: [String] = []
    var password = ""

    init() {}

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        email = try c.text(.email)
        name = try c.text(.name)
        role = try c.text(.role)
        candidate = try c.text(.candidate)
        cohorts = try c.texts(.cohorts)
        password = try c.raw(.password)
    }

    enum CodingKeys: String, CodingKey {
        case email, name = "nom", role, candidate = "candidat", cohorts = "promotions", password = "mot_de_passe"
    }
}

/// The cohorts an évaluateur follows (`promotions[]`).
struct CohortsForm: Decodable {
    let cohorts: [String]

    init(from decoder: Decoder) throws {
        cohorts = try decoder.container(keyedBy: CodingKeys.self).texts(.cohorts)
    }

    enum CodingKeys: String, CodingKey { case cohorts = "promotions" }
}
