/// The frame of every page: head, skip link, navigation of the signed-in person's role,
/// the one-time message, then the page's own content in `<main>`.
///
/// Written in Swift (see `HTML`): it is around every page, the candidate's included.
enum LayoutHTML {
    static func page(title: String, nav: Navigation?, csrf: String, flash: String?, content: HTML) -> HTML {
        let message: HTML = flash.map { text -> HTML in "<p class=\"flash\" role=\"status\">\(text)</p>\n" } ?? .empty
        return """
            <!doctype html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) — Certifolio</title>
            <link rel="stylesheet" href="\(WebRoutes.stylesheet.path)">
            </head>
            <body>
            <a class="skip" href="#contenu">Aller au contenu</a>
            <header class="top">
              <p class="brand"><a href="\(WebRoutes.home.path)">Certifolio</a></p>
            \(nav.map { navigation($0, csrf: csrf) } ?? .empty)</header>
            <main id="contenu" tabindex="-1">
            \(message)\(content)
            </main>
            <footer class="foot"><p>Certifolio — certifications RNCP, blocs de compétences et jurys.</p></footer>
            </body>
            </html>

            """
    }

    private static func navigation(_ nav: Navigation, csrf: String) -> HTML {
        """
          <nav aria-label="Navigation principale">
            <ul>\(nav.links.html { "<li><a href=\"\($0.href)\">\($0.label)</a></li>" })</ul>
          </nav>
          <div class="who">
            <span>\(nav.name) · \(nav.role)</span>
            <a href="\(WebRoutes.ownPassword.path)">Mot de passe</a>
            <form method="post" action="\(WebRoutes.signOut.path)">
              <input type="hidden" name="_csrf" value="\(csrf)">
              <button type="submit" class="link">Se déconnecter</button>
            </form>
          </div>

        """
    }
}
