import CertifolioCore

/// The civil-identity fields (contract §8) as the enrolment form and the rectification form both
/// draw and decode them: one fieldset, one decoder, one mapping from a refused column to its field.
struct IdentityFields {
    /// The form field of each identity column, by `EnrolmentField`.
    static let formName: [EnrolmentField: String] = [
        .birthName: "nom_naissance", .usageName: "nom_usage", .firstNames: "prenoms_etat_civil", .sex: "sexe",
        .birthPlaceCode: "commune_code", .birthPlace: "commune", .birthCountryCode: "pays_code",
        .birthCountry: "pays", .postalAddress: "adresse",
    ]

    let values: IdentityDraft
    /// The message of each refused field, by form name.
    let errors: [String: String]

    /// The identity fields of a submitted form.
    static func decode(_ decoder: Decoder) throws -> IdentityDraft {
        let c = try decoder.container(keyedBy: FormKey.self)
        var draft = IdentityDraft()
        for (field, path) in IdentityDraft.fields {
            draft[keyPath: path] = try c.text(FormKey(formName[field]!))
        }
        return draft
    }

    func html() -> HTML {
        func field(_ column: EnrolmentField, _ path: KeyPath<IdentityDraft, String>) -> FieldView {
            FieldView(value: values[keyPath: path], error: errors[Self.formName[column]!])
        }
        let sex = field(.sex, \.sex)
        let sexOptions = [SelectOption(value: "", label: "— non renseigné —"),
                          SelectOption(value: "F", label: "féminin (F)", selected: sex.value == "F"),
                          SelectOption(value: "M", label: "masculin (M)", selected: sex.value == "M")]
        let address = field(.postalAddress, \.postalAddress)
        return """
              <fieldset class="stack">
                <legend>État civil (pour le parchemin et la déclaration au CPF)</legend>
                <p class="hint">Tel que l'écrit l'acte de naissance. Facultatif à l'inscription ; nécessaire avant la délivrance du parchemin et la déclaration du titulaire à la Caisse des dépôts.</p>
            \(FormHTML.input("nom_naissance", "Nom de naissance", field(.birthName, \.birthName),
                             attributes: " autocomplete=\"off\"", hint: "Laissez vide s'il est le nom de famille ci-dessus."))\
            \(FormHTML.input("nom_usage", "Nom d'usage", field(.usageName, \.usageName), attributes: " autocomplete=\"off\""))\
            \(FormHTML.input("prenoms_etat_civil", "Prénoms de l'état civil", field(.firstNames, \.firstNames),
                             attributes: " autocomplete=\"off\"", hint: "Dans l'ordre de l'acte, séparés par des espaces."))\
                <label for="sexe">Sexe</label>
                <select id="sexe" name="sexe"\(FormHTML.invalid(sex.error, "sexe-erreur"))>\(FormHTML.options(sexOptions))</select>
                \(FormHTML.fieldError(sex.error, "sexe-erreur"))\
            \(FormHTML.input("commune_code", "Code INSEE de la commune de naissance", field(.birthPlaceCode, \.birthPlaceCode),
                             attributes: " autocomplete=\"off\" maxlength=\"9\"",
                             hint: "5 caractères, par exemple 69123 pour Lyon, 2A004 pour Ajaccio ; à l'étranger, un code postal facultatif."))\
            \(FormHTML.input("commune", "Commune de naissance", field(.birthPlace, \.birthPlace), attributes: " autocomplete=\"off\""))\
            \(FormHTML.input("pays_code", "Code INSEE du pays de naissance", field(.birthCountryCode, \.birthCountryCode),
                             attributes: " autocomplete=\"off\" inputmode=\"numeric\" maxlength=\"3\"",
                             hint: "Sans « 99 », par exemple 350 pour le Maroc ; vide pour une naissance en France."))\
            \(FormHTML.input("pays", "Pays de naissance", field(.birthCountry, \.birthCountry), attributes: " autocomplete=\"off\""))\
                <label for="adresse">Adresse postale</label>
                <textarea id="adresse" name="adresse" rows="3"\(FormHTML.invalid(address.error, "adresse-erreur"))>\(address.value)</textarea>
                \(FormHTML.fieldError(address.error, "adresse-erreur"))\
              </fieldset>

            """
    }
}
