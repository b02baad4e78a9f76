/// The sign-in page and the error page: the two pages anyone may see.

extension SignInRoutes.FormBody: PageContent {
    func html(csrf: String) -> HTML {
        let alert: HTML = error.map { "<p class=\"alert\" role=\"alert\" id=\"erreur-connexion\">\($0)</p>\n" } ?? .empty
        return """
            <section class="narrow">
            <h1>Connexion</h1>
            \(alert)\
            <form method="post" action="\(WebRoutes.signIn.path)" class="stack">
              \(FormHTML.token(csrf))
              <input type="hidden" name="suite" value="\(next)">
              <label for="email">Adresse électronique</label>
              <input id="email" name="email" type="email" autocomplete="username" required value="\(email)">
              <label for="mot_de_passe">Mot de passe</label>
              <input id="mot_de_passe" name="mot_de_passe" type="password" autocomplete="current-password" required>
              <button type="submit">Se connecter</button>
            </form>
            <p class="hint">Votre compte est créé par le gestionnaire de votre organisme de formation.</p>
            </section>

            """
    }
}

extension ErrorPageMiddleware.Body: PageContent {
    func html(csrf: String) -> HTML {
        """
        <h1>\(heading)</h1>
        <p class="alert" role="alert">\(message)</p>
        <p><a href="\(WebRoutes.home.path)">Retour à l'accueil</a></p>

        """
    }
}
