import CertifolioApp
import CertifolioCore
import Hummingbird

/// The jury directory, for the jury secretary and the gestionnaire: the people who sit on juries,
/// named once, each linked to their évaluateur account when they have one.
struct DirectoryRoutes {
    let services: WebServices

    struct Page {
        let people: [JuryPerson]
        let accounts: [(id: Int64, name: String)]
        let draft: (name: String, external: Bool)
        let errors: [String]
    }

    func add(to router: Router<WebContext>) {
        let staff = router.group().add(middleware: RequireRole(.secretary, .manager))
        staff.get(WebRoutes.directory) { _, context in try page(context) }
        staff.get(WebRoutes.directoryCSV) { _, _ in
            Downloads.csv(["name", "external", "sessions", "evaluator_account"], try services.app.juryDirectory().map { p in
                [p.name, p.external ? "oui" : "non", String(p.sessions), p.account?.name ?? ""]
            }, filename: "annuaire-du-jury.csv")
        }
        staff.post(WebRoutes.directory) { _, context -> Response in
            let account = try context.requireIdentity()
            let form = try context.form.decode(JuryPersonForm.self)
            do {
                try services.app.addJuryPerson(name: form.name, external: form.external, account: Int64(form.account),
                                               actor: account.actor)
            } catch let error as UserFacingError {
                return try page(context, draft: (form.name, form.external), errors: error.lines, status: .unprocessableContent)
            }
            return flashRedirect(WebRoutes.directory.path, "\(form.name) ajouté à l'annuaire du jury.", context)
        }
        staff.post(WebRoutes.directoryAccount) { _, context -> Response in
            let account = try context.requireIdentity()
            let person = try WebRoutes.directoryAccount.values(context)
            let form = try context.form.decode(JuryPersonForm.self)
            do {
                try services.app.linkJuryPerson(person, to: Int64(form.account), actor: account.actor)
            } catch let error as UserFacingError {
                return try page(context, errors: error.lines, status: .unprocessableContent)
            }
            return flashRedirect(WebRoutes.directory.path, form.account.isEmpty ? "Compte délié." : "Compte lié.", context)
        }
    }

    private func page(_ context: WebContext, draft: (name: String, external: Bool) = ("", false), errors: [String] = [],
                      status: HTTPResponse.Status = .ok) throws -> Response {
        let page = Page(people: try services.app.juryDirectory(), accounts: try services.app.evaluatorAccounts(),
                        draft: draft, errors: errors.map(\.capitalizedFirst))
        return services.pages.render(page, title: "Annuaire du jury", context: context, status: status)
    }
}

extension DirectoryRoutes.Page: PageContent {
    private func accountChoice(_ chosen: Int64?, id: String, label: String) -> HTML {
        let options = [SelectOption(value: "", label: "— aucun —", selected: chosen == nil)]
            + accounts.map { SelectOption(value: String($0.id), label: $0.name, selected: $0.id == chosen) }
        return "<select id=\"\(id)\" name=\"compte\" aria-label=\"\(label)\">\(FormHTML.options(options))</select>"
    }

    func html(csrf: String) -> HTML {
        let table: HTML = people.isEmpty ? "<p>L'annuaire est vide : chaque membre ajouté à une session y entre.</p>\n" : """
            <p><a href="\(WebRoutes.directoryCSV.path)">Exporter l'annuaire (CSV)</a></p>
            <table class="stacked">
              <caption>\(French.count(people.count, "personne", "personnes"))</caption>
              <thead><tr><th scope="col">Nom</th><th scope="col">Externe</th><th scope="col">Sessions</th><th scope="col">Compte d'évaluateur</th></tr></thead>
              <tbody>
            \(people.html { p in
                """
                <tr><td data-label="Nom">\(p.name)</td><td data-label="Externe">\(p.external ? "oui" : "non")</td>\
                <td data-label="Sessions">\(p.sessions)</td>
                <td data-label="Compte d'évaluateur"><form method="post" action="\(WebRoutes.directoryAccount.path(p.id))" class="inline-form">\(FormHTML.token(csrf))\
                \(accountChoice(p.account?.id, id: "compte-\(p.id)", label: "Compte d'évaluateur de \(p.name)"))\
                <button type="submit" class="small">Enregistrer</button></form></td></tr>

                """
            })  </tbody>
            </table>

            """
        return """
            <p class="crumbs"><a href="\(WebRoutes.sessions.path)">Sessions de jury</a></p>
            <h1>Annuaire du jury</h1>
            <p class="hint">Une personne liée à son compte d'évaluateur ne siège pas pour les candidats dont ce compte a enregistré une évaluation, quelle que soit l'écriture de son nom ; pour les évaluations importées, le nom de l'évaluateur est comparé sans tenir compte des accents, des majuscules ni de la civilité.</p>
            \(FormHTML.refusal("Rien n'a été enregistré :", errors))\
            \(table)\
            <section class="panel" aria-labelledby="ajout">
              <h2 id="ajout">Ajouter une personne</h2>
              <form method="post" action="\(WebRoutes.directory.path)" class="stack">
                \(FormHTML.token(csrf))
                <label for="nom">Nom (civilité, prénom, nom)</label>
                <input id="nom" name="nom" required value="\(draft.name)">
                <label class="inline"><input type="checkbox" name="externe" value="oui"\(FormHTML.flag(draft.external, " checked"))> externe à l'organisme</label>
                <label for="compte-nouveau">Compte d'évaluateur</label>
                \(accountChoice(nil, id: "compte-nouveau", label: "Compte d'évaluateur"))
                <button type="submit">Ajouter à l'annuaire</button>
              </form>
            </section>

            """
    }
}
