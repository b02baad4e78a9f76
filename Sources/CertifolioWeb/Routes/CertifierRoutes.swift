import CertifolioApp
import CertifolioCore
import Hummingbird

/// The gestionnaire's page for the certifier's particulars (address, signatory, appeal
/// mention, verification address), one form per certifier the référentiels name. The form
/// decodes into a `CertifierProfile`, checked by the same rule as `certifolio certifier set`.
struct CertifierRoutes {
    let services: WebServices

    struct Page {
        struct Certifier {
            let siret: String
            let name: String
            let profile: CertifierProfile?
            /// Problems of a refused submission, by field.
            var errors: [CertifierProfile.Field: String] = [:]
        }
        let certifiers: [Certifier]
    }

    func add(to router: Router<WebContext>) {
        let manager = router.group().add(middleware: RequireRole(.manager))
        manager.get(WebRoutes.certifierProfile) { _, context in try page(context: context) }
        manager.post(WebRoutes.certifierProfile) { _, context -> Response in
            let account = try context.requireIdentity()
            let profile = try context.form.decode(CertifierProfileForm.self).profile
            do {
                try services.app.setCertifierProfile(profile, actor: account.actor)
                return flashRedirect(WebRoutes.certifierProfile.path, "Paramètres du certificateur enregistrés.", context)
            } catch let refused as CertifierProfileRefused {
                return try page(submitted: profile, refused: refused, context: context)
            }
        }
    }

    private func page(submitted: CertifierProfile? = nil, refused: CertifierProfileRefused? = nil,
                      context: WebContext) throws -> Response {
        let profiles = try services.app.certifierProfiles()
        var seen = Set<String>()
        var certifiers: [Page.Certifier] = []
        for referentiel in try services.referentiels().values.sorted(by: { $0.code < $1.code }) {
            for c in referentiel.certifiers where seen.insert(c.siret).inserted {
                var line = Page.Certifier(siret: c.siret, name: c.displayName,
                                          profile: submitted?.siret == c.siret ? submitted : profiles[c.siret])
                if submitted?.siret == c.siret, let refused {
                    line.errors = Dictionary(refused.problems.map { ($0.field, $0.message) }, uniquingKeysWith: { a, _ in a })
                }
                certifiers.append(line)
            }
        }
        return services.pages.render(Page(certifiers: certifiers), title: "Certificateur", context: context,
                                     status: refused == nil ? .ok : .unprocessableContent)
    }
}

/// The certifier form's fields, as the page names them.
struct CertifierProfileForm: Decodable {
    let profile: CertifierProfile

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        profile = CertifierProfile(siret: try c.text(.siret), address: try c.text(.address), city: try c.text(.city),
                                   signatoryName: try c.text(.signatory), signatoryQuality: try c.text(.quality),
                                   appeal: try c.text(.appeal), verificationURL: try c.text(.verification))
    }

    enum CodingKeys: String, CodingKey {
        case siret, address = "adresse", city = "ville", signatory = "signataire", quality = "qualite"
        case appeal = "recours", verification = "verification"
    }
}

extension CertifierRoutes.Page: PageContent {
    func html(csrf: String) -> HTML {
        """
        <h1>Certificateur</h1>
        <p>Ce que les documents disent du certificateur et qu'aucune fiche ne publie : son adresse, le lieu et le \
        signataire des documents, la mention des voies et délais de recours (rédigée par le certificateur, selon son \
        statut) et l'adresse publique où un parchemin se vérifie.</p>
        \(certifiers.html { form($0, csrf: csrf) })
        """
    }

    private func form(_ c: Certifier, csrf: String) -> HTML {
        let p = c.profile
        func field(_ field: CertifierProfile.Field, _ name: String, _ label: String, _ value: String?,
                   multiline: Bool = false) -> HTML {
            let id = "\(name)-\(c.siret)"
            let error = c.errors[field]
            let described = FormHTML.invalid(error, id + "-erreur")
            let input: HTML = multiline
                ? "<textarea id=\"\(id)\" name=\"\(name)\" rows=\"3\" required\(described)>\(value ?? "")</textarea>"
                : "<input id=\"\(id)\" name=\"\(name)\" required value=\"\(value ?? "")\"\(described)>"
            return "<label for=\"\(id)\">\(label)</label>\(input)\(FormHTML.fieldError(error, id + "-erreur"))"
        }
        return """
            <section class="panel" aria-labelledby="certificateur-\(c.siret)">
              <h2 id="certificateur-\(c.siret)">\(c.name) <span class="id">(SIRET \(c.siret))</span></h2>
              \(p == nil ? "<p class=\"hint\">Non renseigné : les documents le signalent.</p>" as HTML : .empty)\
              <form method="post" action="\(WebRoutes.certifierProfile.path)" class="stack">
                \(FormHTML.token(csrf))
                <input type="hidden" name="siret" value="\(c.siret)">
                \(field(.address, "adresse", "Adresse postale (une ligne par ligne de l'adresse)", p?.address, multiline: true))\
                \(field(.city, "ville", "Lieu de signature des documents (« Fait à … »)", p?.city))\
                \(field(.signatoryName, "signataire", "Signataire (prénom et nom)", p?.signatoryName))\
                \(field(.signatoryQuality, "qualite", "Qualité du signataire", p?.signatoryQuality))\
                \(field(.appeal, "recours", "Voies et délais de recours, tels que le certificateur les rédige", p?.appeal, multiline: true))\
                \(field(.verificationURL, "verification", "Adresse publique de vérification (https://…/verification)", p?.verificationURL))\
                <button type="submit">Enregistrer</button>
              </form>
            </section>

            """
    }
}
