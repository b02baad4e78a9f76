import CertifolioCore
/// The gestionnaire's pages: the candidate search, imports, accounts and the enrolment form.

extension ManagerRoutes.CandidateList: PageContent {
    func html(csrf: String) -> HTML {
        let count: HTML = truncated ? "\(French.count(total, "candidat", "candidats")), \(shown) affichés : précisez la recherche."
            : "\(French.count(total, "candidat", "candidats"))."
        return """
            <h1>Candidats</h1>
            <p><a href="\(WebRoutes.enrol.path)">Inscrire un candidat</a></p>
            <form method="get" action="\(WebRoutes.candidates.path)" class="search" role="search">
              <label for="q">Rechercher (nom ou identifiant)</label>
              <input id="q" name="q" type="search" value="\(query)">
              <button type="submit">Rechercher</button>
            </form>
            <p>\(count) <a href="\(WebRoutes.candidatesCSV.path)\(query.isEmpty ? "" : "?q=" + StaffRoutes.query(query))">Exporter cette liste (CSV)</a></p>
            <table>
              <caption class="sr-only">Candidats inscrits</caption>
              <thead><tr><th scope="col">Identifiant</th><th scope="col">Nom</th><th scope="col">Promotion</th><th scope="col">Certification</th></tr></thead>
              <tbody>
            \(lines.html { "<tr><td>\($0.id)</td><td><a href=\"\($0.link)\">\($0.name)</a></td><td>\($0.cohort)</td><td>\($0.certification)</td></tr>\n" })\
              </tbody>
            </table>

            """
    }
}

extension ManagerRoutes.ImportPage: PageContent {
    /// The candidates the import adds (the first 200; the count says the rest).
    private func people(_ people: [ManagerRoutes.Preview.Person]) -> HTML {
        guard !people.isEmpty else { return .empty }
        let more: HTML = people.count > 200 ? "<p>… et \(people.count - 200) autres.</p>" : .empty
        return """
            <table>
              <caption>Candidats ajoutés</caption>
              <thead><tr><th scope="col">Identifiant</th><th scope="col">Nom</th><th scope="col">Naissance</th><th scope="col">Certification et voie</th><th scope="col">Promotion</th></tr></thead>
              <tbody>
            \(people.prefix(200).html { p in
                "<tr><td>\(p.id)</td><td>\(p.name)</td><td>\(p.birthDate)</td><td>\(p.route)</td><td>\(p.cohort)</td></tr>\n"
            })  </tbody>
            </table>
            \(more)
            """
    }

    func html(csrf: String) -> HTML {
        var shown = HTML.empty
        if let preview {
            shown = """
                <div class="preview" role="status">
                  <p><strong>Aperçu : les fichiers sont corrects.</strong> L'import enregistrera :</p>
                  <ul>\(preview.lines.html { "<li>\($0)</li>" })</ul>
                  \(people(preview.people))\
                  <form method="post" action="\(WebRoutes.confirmImport.path)">
                    \(FormHTML.token(csrf))
                    <input type="hidden" name="envoi" value="\(preview.token)">
                    <button type="submit">Confirmer l'import</button>
                    <a href="\(WebRoutes.imports.path)">Annuler</a>
                  </form>
                </div>

                """
        }
        return """
            <h1>Importer</h1>
            <section class="panel" aria-labelledby="import-promo">
              <h2 id="import-promo">Fichiers d'une promotion</h2>
              \(FormHTML.refusal("Rien n'a été importé :", errors))\(shown)\
              <p class="hint">Les fichiers sont vérifiés en entier avant tout enregistrement : chaque erreur est listée avec son fichier, sa ligne et sa colonne.</p>
              <form method="post" action="\(WebRoutes.importCohort.path)" enctype="multipart/form-data" class="stack">
                \(FormHTML.token(csrf))
                <label for="candidates">candidates.csv (obligatoire)</label>
                <input id="candidates" name="candidates" type="file" accept=".csv,text/csv" required>
                <label for="events">events.csv (évaluations, facultatif)</label>
                <input id="events" name="events" type="file" accept=".csv,text/csv">
                <label for="requirements">requirements.csv (stages et expériences, facultatif)</label>
                <input id="requirements" name="requirements" type="file" accept=".csv,text/csv">
                <label for="decisions">decisions.csv (décisions de jury antérieures, facultatif)</label>
                <input id="decisions" name="decisions" type="file" accept=".csv,text/csv">
                <label for="calendar">calendar.csv (échéances de dépôt, dates et lieux des épreuves, facultatif)</label>
                <input id="calendar" name="calendar" type="file" accept=".csv,text/csv">
                <button type="submit">Vérifier et prévisualiser</button>
              </form>
            </section>
            <section class="panel" aria-labelledby="import-ref">
              <h2 id="import-ref">Référentiel d'une certification</h2>
              \(FormHTML.alert(referentielError))\
              <form method="post" action="\(WebRoutes.importReferentiel.path)" enctype="multipart/form-data" class="stack">
                \(FormHTML.token(csrf))
                <label for="referentiel">Fichier YAML du référentiel</label>
                <input id="referentiel" name="referentiel" type="file" accept=".yaml,.yml" required>
                <button type="submit">Importer le référentiel</button>
              </form>
            </section>

            """
    }
}

extension ManagerRoutes.AccountsPage: PageContent {
    func html(csrf: String) -> HTML {
        """
        <h1>Comptes</h1>
        <section class="panel" aria-labelledby="promotion-comptes">
          <h2 id="promotion-comptes">Ouvrir les comptes d'une promotion</h2>
          <p>Un compte candidat pour chaque candidat de la promotion qui n'en a pas (son adresse et son nom du \
        dossier), chacun avec un lien à usage unique, valable 14 jours, où la personne choisit son mot de passe. \
        Les liens s'affichent une seule fois, ou se téléchargent en CSV pour votre publipostage.</p>
          <form method="post" action="\(WebRoutes.cohortAccounts.path)" class="stack">
            \(FormHTML.token(csrf))
            <label for="promotion-a-ouvrir">Promotion</label>
            <select id="promotion-a-ouvrir" name="promotion">\(FormHTML.options(cohorts.map { SelectOption(value: $0.name, label: $0.name) }))</select>
            <label class="inline"><input type="checkbox" name="relance" value="oui"> seulement renvoyer de nouveaux liens \
        aux comptes de la promotion qui n'ont pas encore choisi leur mot de passe</label>
            <div>
              <button type="submit" name="format" value="page">Ouvrir les comptes et afficher les liens</button>
              <button type="submit" name="format" value="csv">… et les télécharger en CSV</button>
            </div>
          </form>
        </section>
        <table>
          <caption class="sr-only">Comptes existants</caption>
          <thead><tr><th scope="col">Adresse</th><th scope="col">Nom</th><th scope="col">Rôle</th><th scope="col">Dossier ou promotions</th><th scope="col">État</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
        \(lines.html { line(csrf: csrf, $0) })  </tbody>
        </table>
        <section class="panel" aria-labelledby="nouveau">
          <h2 id="nouveau">Créer un compte</h2>
          \(FormHTML.alert(error))\
          <form method="post" action="\(WebRoutes.accounts.path)" class="stack">
            \(FormHTML.token(csrf))
            <label for="email">Adresse électronique</label>
            <input id="email" name="email" type="email" required value="\(draftEmail)">
            <label for="nom">Nom affiché (civilité, prénom, nom)</label>
            <input id="nom" name="nom" required value="\(draftName)">
            <label for="role">Rôle</label>
            <select id="role" name="role">\(FormHTML.options(roles))</select>
            <label for="candidat">Identifiant du candidat (compte candidat seulement)</label>
            <input id="candidat" name="candidat" value="\(draftCandidate)">
            <fieldset>
              <legend>Promotions suivies (évaluateur seulement)</legend>
              \(Self.checkboxes(cohorts))
            </fieldset>
            <button type="submit">Créer le compte et son lien d'invitation</button>
            <p class="hint">La personne choisit elle-même son mot de passe avec le lien affiché ensuite.</p>
          </form>
        </section>

        """
    }

    private func line(csrf: String, _ line: Line) -> HTML {
        var what: HTML = line.candidate.map { "\($0)" } ?? .empty
        if line.isEvaluator {
            what += """
                <form method="post" action="\(WebRoutes.accountCohorts.path(line.id))" class="inline-form">
                  \(FormHTML.token(csrf))
                  <fieldset><legend class="sr-only">Promotions de \(line.name)</legend>
                  \(Self.checkboxes(line.cohortChoices))
                  </fieldset>
                  <button type="submit" class="small">Mettre à jour</button>
                </form>
                """
        }
        var actions = HTML.empty
        if line.active && !line.isSelf {
            actions = """
                <form method="post" action="\(WebRoutes.accountLink.path(line.id))" class="inline-form">\(FormHTML.token(csrf))\
                <button type="submit" class="small">Nouveau lien<span class="sr-only"> pour \(line.email)</span></button></form>
                <form method="post" action="\(WebRoutes.accountDeactivation.path(line.id))" class="inline-form">\(FormHTML.token(csrf))\
                <button type="submit" class="small">Désactiver<span class="sr-only"> \(line.email)</span></button></form>
                """
        }
        return """
              <tr>
                <td>\(line.email)</td><td>\(line.name)</td><td>\(line.role)</td>
                <td>\(what)</td><td>\(line.state)</td><td>\(actions)</td>
              </tr>

            """
    }

    private static func checkboxes(_ choices: [Choice]) -> HTML {
        choices.html { choice in
            """
            <label class="inline"><input type="checkbox" name="promotions[]" value="\(choice.name)"\
            \(FormHTML.flag(choice.checked, " checked"))> \(choice.name)</label>
            """
        }
    }
}

extension EnrolmentFormView: PageContent {
    func html(csrf: String) -> HTML {
        return """
            <p class="crumbs"><a href="\(WebRoutes.candidates.path)">Candidats</a></p>
            <h1>Inscrire un candidat</h1>
            <p class="hint">Pour une promotion entière, importez plutôt ses fichiers (<a href="\(WebRoutes.imports.path)">Importer</a>). Les mêmes contrôles s'appliquent ici.</p>
            \(FormHTML.refusal("Le candidat n'a pas été inscrit :", errors))\
            <form method="post" action="\(WebRoutes.enrol.path)" class="stack">
              \(FormHTML.token(csrf))
            \(FormHTML.input("identifiant", "Identifiant du candidat", candidateID, attributes: " required",
                    hint: "Sans espace, par exemple MQ035."))\
            \(FormHTML.input("nom", "Nom de famille", familyName, attributes: " required autocomplete=\"off\""))\
            \(FormHTML.input("prenoms", "Prénom(s)", givenNames, attributes: " required autocomplete=\"off\""))\
            \(FormHTML.input("naissance", "Date de naissance", birthDate, attributes: " type=\"date\" required"))\
            \(FormHTML.input("email", "Adresse électronique (facultative)", email, attributes: " type=\"email\" autocomplete=\"off\""))\
              <label for="voie">Certification et voie d'accès</label>
              <select id="voie" name="voie" required\(FormHTML.invalid(routeError, "voie-erreur"))>
                <option value="">— choisir —</option>
                \(FormHTML.groups(routeGroups))
              </select>
              \(FormHTML.fieldError(routeError, "voie-erreur"))\
            \(FormHTML.input("inscription", "Date d'inscription", enrolledOn, attributes: " type=\"date\" required"))\
            \(FormHTML.input("promotion", "Promotion (facultative)", cohort, attributes: " list=\"promotions\""))\
              <datalist id="promotions">\(cohortNames.html { "<option value=\"\($0)\">" })</datalist>
            \(identity.html())\
              <button type="submit">Inscrire le candidat</button>
            </form>

            """
    }
}
