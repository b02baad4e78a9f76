import CertifolioApp
import CertifolioCore
import Hummingbird

/// The public page where anyone — an employer, a recruiter — checks a parchemin's code. It
/// needs no account and says only what the parchemin itself says: the title, the holder's name,
/// the date and whether it is still valid (a revoked award reads "annulé").
struct VerificationRoutes {
    let services: WebServices

    struct Page {
        let code: String
        let result: ParcheminVerification?
        /// False on the empty form (nothing was asked yet).
        let asked: Bool
    }

    func add(to router: Router<WebContext>) {
        router.get(WebRoutes.verification) { request, context -> Response in
            // The form sends the code as a query; its page is the code's own address.
            if let typed = request.uri.queryParameters["code"].map(String.init), !typed.isEmpty {
                let code = VerificationCode.normalised(typed) ?? typed
                return Response(status: .seeOther, headers: [.location: WebRoutes.verificationCode.path(code)])
            }
            return services.pages.render(Page(code: "", result: nil, asked: false), title: "Vérifier un parchemin",
                                         context: context)
        }
        router.get(WebRoutes.verificationCode) { _, context -> Response in
            let typed = try WebRoutes.verificationCode.values(context)
            let result = try services.app.verifyParchemin(code: typed)
            return services.pages.render(Page(code: typed, result: result, asked: true), title: "Vérifier un parchemin",
                                         context: context, status: result == nil ? .notFound : .ok)
        }
    }
}

extension VerificationRoutes.Page: PageContent {
    func html(csrf: String) -> HTML {
        var answer = HTML.empty
        if asked, let r = result {
            let status: HTML = r.status == .valid
                ? "<strong class=\"status-ok\">valide</strong>"
                : "<strong class=\"status-bad\">annulé</strong> — la décision qui délivrait ce titre a été révoquée"
            answer = """
                <section class="panel" aria-labelledby="resultat">
                  <h2 id="resultat">Parchemin \(code)</h2>
                  <dl class="facts">
                    <dt>Titre</dt><dd>\(r.title)</dd>
                    <dt>Titulaire</dt><dd>\(r.holder)</dd>
                    <dt>Délivré par décision du jury du</dt><dd>\(r.awardedOn.french)</dd>
                    <dt>Statut</dt><dd>\(status)</dd>
                  </dl>
                </section>

                """
        } else if asked {
            answer = """
                <p class="alert" role="alert">Aucun parchemin ne porte le code « \(code) ». Vérifiez la saisie \
                (12 caractères, sans O, I, L, U ni 0 et 1) ou adressez-vous au certificateur.</p>

                """
        }
        return """
            <h1>Vérifier un parchemin</h1>
            <p>Le code de vérification est imprimé au bas du parchemin, à côté du QR code.</p>
            \(answer)\
            <form method="get" action="\(WebRoutes.verification.path)" class="stack">
              <label for="code">Code de vérification</label>
              <input id="code" name="code" required autocomplete="off" autocapitalize="characters" value="\(code)">
              <button type="submit">Vérifier</button>
            </form>

            """
    }
}
