import CertifolioApp
import CertifolioCore
import Foundation
import HTTPTypes
import Hummingbird

/// Accounts without anyone typing another person's password: the gestionnaire opens a whole
/// cohort's accounts (or one) and gets one-time links, on screen or as CSV for the certifier's
/// own mailing; a link lets its owner choose their password; the gestionnaire sends a new link
/// or deactivates an account; anyone signed in changes their own password.
struct AccountLinkRoutes {
    let services: WebServices

    /// Links just made: shown once (only their hash is kept).
    struct LinksPage {
        struct Line {
            let name: String
            let email: String
            let candidate: String?
            let url: String
            let expires: String
        }
        let title: String
        let lines: [Line]
        let refused: [String]
        let note: String?
    }

    struct SetPasswordPage {
        let action: String
        let heading: String
        let intro: String
        let asksCurrent: Bool
        let error: String?
    }

    func add(to router: Router<WebContext>) {
        let manager = router.group().add(middleware: RequireRole(.manager))
        manager.post(WebRoutes.cohortAccounts) { request, context -> Response in
            let account = try context.requireIdentity()
            let form = try context.form.decode(CohortAccountsForm.self)
            let lines: [AccountLink]
            var refused: [String] = []
            var note: String?
            if form.again {
                lines = try services.app.reissueInvitations(form.cohort, now: services.now(), actor: account.actor)
                note = lines.isEmpty ? "Aucune invitation en attente dans la promotion \(form.cohort)." : nil
            } else {
                let opened = try services.app.openCohortAccounts(form.cohort, now: services.now(), actor: account.actor)
                lines = opened.links
                refused = opened.refused.map { "\($0.candidate) : \($0.reason.capitalizedFirst)" }
                note = opened.alreadyOpen > 0
                    ? "\(opened.alreadyOpen) candidat\(opened.alreadyOpen > 1 ? "s" : "") de la promotion \(opened.alreadyOpen > 1 ? "avaient" : "avait") déjà un compte."
                    : nil
            }
            let page = LinksPage(title: "Comptes de la promotion \(form.cohort)", lines: Self.lines(lines, request),
                                 refused: refused, note: note)
            return form.csv ? Self.csv(page, cohort: form.cohort) : services.pages.render(page, title: page.title, context: context)
        }
        manager.post(WebRoutes.accountLink) { request, context -> Response in
            let account = try context.requireIdentity()
            let link = try services.app.newLink(for: try WebRoutes.accountLink.values(context), now: services.now(),
                                                actor: account.actor)
            let page = LinksPage(title: link.purpose == .reset ? "Nouveau lien de mot de passe" : "Nouvelle invitation",
                                 lines: Self.lines([link], request), refused: [],
                                 note: "Les liens envoyés auparavant à ce compte ne sont plus valables.")
            return services.pages.render(page, title: page.title, context: context)
        }
        manager.post(WebRoutes.accountDeactivation) { _, context -> Response in
            let account = try context.requireIdentity()
            try services.app.deactivateAccount(try WebRoutes.accountDeactivation.values(context), by: account)
            return flashRedirect(WebRoutes.accounts.path, "Compte désactivé : il ne peut plus se connecter ; rien n'est effacé.",
                                 context)
        }
        // The link's owner, not signed in.
        router.get(WebRoutes.invitation) { _, context in
            services.pages.render(Self.choosePage(try WebRoutes.invitation.values(context), error: nil),
                                  title: "Choisir son mot de passe", context: context)
        }
        router.post(WebRoutes.invitation) { _, context -> Response in
            let token = try WebRoutes.invitation.values(context)
            let form = try context.form.decode(PasswordForm.self)
            do {
                let account = try services.app.useLink(token, password: form.new, repeated: form.repeated,
                                                       now: services.now())
                return Response(status: .seeOther, headers: [
                    .location: WebRoutes.signIn.path + "?compte=" + (account.email.addingPercentEncoding(
                        withAllowedCharacters: .alphanumerics) ?? ""),
                ])
            } catch let error as UserFacingError {
                return services.pages.render(Self.choosePage(token, error: error.message.capitalizedFirst),
                                             title: "Choisir son mot de passe", context: context,
                                             status: .unprocessableContent)
            }
        }
        let signedIn = router.group().add(middleware: RequireRole(.candidate, .evaluator, .manager, .secretary))
        signedIn.get(WebRoutes.ownPassword) { _, context in
            services.pages.render(Self.changePage(error: nil), title: "Mot de passe", context: context)
        }
        signedIn.post(WebRoutes.ownPassword) { _, context -> Response in
            let account = try context.requireIdentity()
            let form = try context.form.decode(PasswordForm.self)
            do {
                try services.app.changePassword(of: account, current: form.current, new: form.new,
                                                repeated: form.repeated)
                // Every other session of the account has ended; this one goes on under a new id.
                context.sessions.createSession(WebSession(accountID: account.id, csrf: CSRFMiddleware.newToken()))
                return flashRedirect(WebRoutes.ownPassword.path,
                                     "Mot de passe changé ; vos autres sessions ouvertes sont fermées.", context)
            } catch let error as UserFacingError {
                return services.pages.render(Self.changePage(error: error.message.capitalizedFirst), title: "Mot de passe",
                                             context: context, status: .unprocessableContent)
            }
        }
    }

    private static func choosePage(_ token: String, error: String?) -> SetPasswordPage {
        SetPasswordPage(action: WebRoutes.invitation.path(token), heading: "Choisir son mot de passe",
                        intro: "Ce lien ne sert qu'une fois. Choisissez un mot de passe d'au moins "
                            + "\(PasswordPolicy.minimumLength) caractères ; vous vous connecterez ensuite avec votre adresse.",
                        asksCurrent: false, error: error)
    }

    private static func changePage(error: String?) -> SetPasswordPage {
        SetPasswordPage(action: WebRoutes.ownPassword.path, heading: "Changer mon mot de passe",
                        intro: "Au moins \(PasswordPolicy.minimumLength) caractères.", asksCurrent: true, error: error)
    }

    /// Each link as an absolute address on the host the gestionnaire reached.
    static func lines(_ links: [AccountLink], _ request: Request) -> [LinksPage.Line] {
        let host = request.head.authority ?? "127.0.0.1:8080"
        // Behind a TLS proxy (`--secure-cookies`), the proxy says the scheme it was reached with.
        let scheme = request.headers[HTTPField.Name("X-Forwarded-Proto")!] ?? request.head.scheme ?? "http"
        return links.map { link in
            LinksPage.Line(name: link.account.displayName, email: link.account.email,
                           candidate: link.account.candidateID?.rawValue,
                           url: "\(scheme)://\(host)\(WebRoutes.invitation.path(link.token))", expires: link.expires.french)
        }
    }

    /// The links as CSV (UTF-8, comma), for a mail merge.
    private static func csv(_ page: LinksPage, cohort: String) -> Response {
        Downloads.csv(["candidate_id", "name", "email", "link", "expires"],
                      page.lines.map { [$0.candidate ?? "", $0.name, $0.email, $0.url, $0.expires] },
                      filename: "invitations-\(cohort).csv")
    }
}

/// The cohort accounts form: which cohort, whether to send pending invitations again, and
/// whether the links come as a page or a CSV.
struct CohortAccountsForm: Decodable {
    let cohort: String
    let again: Bool
    let csv: Bool

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cohort = try c.text(.cohort)
        again = try c.text(.again) == "oui"
        csv = try c.text(.format) == "csv"
    }

    enum CodingKeys: String, CodingKey { case cohort = "promotion", again = "relance", format }
}

/// A password chosen (twice), and for a change the current one.
struct PasswordForm: Decodable {
    let current: String
    let new: String
    let repeated: String

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        current = try c.raw(.current)
        new = try c.raw(.new)
        repeated = try c.raw(.repeated)
    }

    enum CodingKeys: String, CodingKey { case current = "actuel", new = "nouveau", repeated = "confirmation" }
}

extension AccountLinkRoutes.LinksPage: PageContent {
    func html(csrf: String) -> HTML {
        let refusedList: HTML = refused.isEmpty ? .empty : """
            <section class="alert" role="alert"><h2>Comptes non ouverts</h2><ul>\(refused.html { "<li>\($0)</li>" })</ul></section>

            """
        let table: HTML = lines.isEmpty ? "<p>Aucun lien.</p>\n" : """
            <p>Chaque lien ne sert qu'une fois et expire le \(lines[0].expires). <strong>Ils ne sont affichés \
            qu'ici</strong> : transmettez-les maintenant (ou téléchargez-les en CSV depuis la page Comptes, ce qui \
            en fait de nouveaux).</p>
            <table>
              <caption>\(lines.count) lien\(lines.count > 1 ? "s" : "")</caption>
              <thead><tr><th scope="col">Nom</th><th scope="col">Adresse</th><th scope="col">Lien à transmettre</th></tr></thead>
              <tbody>
            \(lines.html { l in
                "<tr><td>\(l.name)\(l.candidate.map { " <span class=\"id\">(\($0))</span>" as HTML } ?? .empty)</td><td>\(l.email)</td><td><code class=\"link\">\(l.url)</code></td></tr>\n"
            })  </tbody>
            </table>

            """
        return """
            <p class="crumbs"><a href="\(WebRoutes.accounts.path)">Comptes</a></p>
            <h1>\(title)</h1>
            \(note.map { "<p>\($0)</p>" as HTML } ?? .empty)\
            \(refusedList)\(table)
            """
    }
}

extension AccountLinkRoutes.SetPasswordPage: PageContent {
    func html(csrf: String) -> HTML {
        let current: HTML = asksCurrent ? """
            <label for="actuel">Mot de passe actuel</label>
            <input id="actuel" name="actuel" type="password" autocomplete="current-password" required>
            """ : .empty
        return """
            <h1>\(heading)</h1>
            <p>\(intro)</p>
            \(FormHTML.alert(error))\
            <form method="post" action="\(action)" class="stack">
              \(FormHTML.token(csrf))
              \(current)
              <label for="nouveau">Nouveau mot de passe</label>
              <input id="nouveau" name="nouveau" type="password" autocomplete="new-password" required minlength="\(PasswordPolicy.minimumLength)">
              <label for="confirmation">Le même, une seconde fois</label>
              <input id="confirmation" name="confirmation" type="password" autocomplete="new-password" required>
              <button type="submit">Enregistrer le mot de passe</button>
            </form>

            """
    }
}
