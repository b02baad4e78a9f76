import CertifolioApp
import CertifolioCore

/// The rectification page: the candidate's identity as recorded (or as just typed, with the
/// message next to each refused field), the reason, and the rectifications before this one.
struct IdentityFormView {
    let candidateID: CandidateID
    let name: String
    let familyName: FieldView
    let givenNames: FieldView
    let birthDate: FieldView
    let email: FieldView
    let identity: IdentityFields
    let reason: FieldView
    let errors: [String]
    let history: [IdentityRectification]

    /// The form field of each column the rectification can refuse.
    static let fieldOfColumn: [EnrolmentField: String] = IdentityFields.formName.merging([
        .familyName: "nom", .givenNames: "prenoms", .birthDate: "naissance", .email: "email",
    ]) { $1 }

    init(record: CandidateRecord, fields: NewEnrolment, reason: String, refusal: RectificationRefused?,
         history: [IdentityRectification]) {
        var byField: [String: String] = [:]
        var messages: [String] = []
        switch refusal {
        case nil: break
        case .fields(let problems)?:
            for problem in problems {
                let field = Self.fieldOfColumn[problem.field]
                if let field, byField[field] == nil { byField[field] = problem.message.capitalizedFirst }
                messages.append(problem.message.capitalizedFirst)
            }
        case .reasonMissing?:
            byField["motif"] = RectificationRefused.reasonMissing.message.capitalizedFirst
            messages.append(RectificationRefused.reasonMissing.message.capitalizedFirst)
        case let other?: messages.append(other.message.capitalizedFirst)
        }
        func field(_ value: String, _ name: String) -> FieldView { FieldView(value: value, error: byField[name]) }
        candidateID = record.candidate.id
        name = record.candidate.displayName
        familyName = field(fields.familyName, "nom")
        givenNames = field(fields.givenNames, "prenoms")
        birthDate = field(fields.birthDate, "naissance")
        email = field(fields.email, "email")
        identity = IdentityFields(values: fields.typed.identity, errors: byField)
        self.reason = field(reason, "motif")
        errors = messages
        self.history = history
    }

    /// A field's French name in the history.
    static func label(_ field: EnrolmentField) -> String {
        switch field {
        case .familyName: return "nom de famille"
        case .givenNames: return "prénom(s) usuel(s)"
        case .birthDate: return "date de naissance"
        case .email: return "adresse électronique"
        case .birthName: return "nom de naissance"
        case .usageName: return "nom d'usage"
        case .firstNames: return "prénoms de l'état civil"
        case .sex: return "sexe"
        case .birthPlaceCode: return "code de la commune de naissance"
        case .birthPlace: return "commune de naissance"
        case .birthCountryCode: return "code du pays de naissance"
        case .birthCountry: return "pays de naissance"
        case .postalAddress: return "adresse postale"
        case .candidateID: return "identifiant"
        case .certification: return "certification"
        case .accessRoute: return "voie d'accès"
        case .enrolledOn: return "date d'inscription"
        case .cohort: return "promotion"
        }
    }
}

extension IdentityFormView: PageContent {
    func html(csrf: String) -> HTML {
        """
        <p class="crumbs"><a href="\(WebRoutes.candidate.path(candidateID))">\(name) (\(candidateID.rawValue))</a></p>
        <h1>État civil de \(name)</h1>
        <p class="hint">Une rectification remplace l'état civil enregistré ; l'ancien reste dans l'historique ci-dessous et au journal d'audit. Les parchemins déjà délivrés ne changent pas.</p>
        \(FormHTML.refusal("L'état civil n'a pas été rectifié :", errors))\
        <form method="post" action="\(WebRoutes.identity.path(candidateID))" class="stack">
          \(FormHTML.token(csrf))
        \(FormHTML.input("nom", "Nom de famille", familyName, attributes: " required autocomplete=\"off\""))\
        \(FormHTML.input("prenoms", "Prénom(s) usuel(s)", givenNames, attributes: " required autocomplete=\"off\""))\
        \(FormHTML.input("naissance", "Date de naissance", birthDate, attributes: " type=\"date\" required"))\
        \(FormHTML.input("email", "Adresse électronique (facultative)", email, attributes: " type=\"email\" autocomplete=\"off\""))\
        \(identity.html())\
        \(FormHTML.input("motif", "Motif de la rectification (au journal d'audit)", reason, attributes: " required",
                         hint: "Par exemple : acte de naissance reçu le 3 mars 2027, erreur de saisie du prénom."))\
          <button type="submit">Rectifier l'état civil</button>
        </form>
        \(historyHTML)
        """
    }

    private var historyHTML: HTML {
        guard !history.isEmpty else { return "<p class=\"hint\">Aucune rectification enregistrée.</p>\n" }
        return """
            <section aria-labelledby="historique">
              <h2 id="historique">Rectifications enregistrées</h2>
            \(history.reversed().html { r in
                let when = ParisTime(stored: r.at)?.french ?? r.at
                return """
                  <div class="panel"><h3>\(when) — \(r.actor)</h3><p>Motif : \(r.reason)</p>
                  <ul>\(r.changes.html { c in
                    "<li>\(Self.label(c.field)) : « \(c.before ?? "—") » → « \(c.after ?? "—") »</li>"
                  })</ul></div>

                """
            })</section>

            """
    }
}
