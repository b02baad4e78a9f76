import CertifolioCore
import CertifolioRules

/// The confirmation page before a session is closed: what will be locked, what the decisions
/// entered amount to, and what still prevents closing. Closing is irreversible; this page is
/// the one step between the secretary's click and it.
struct ClosingReview {
    let sessionID: JurySessionID
    let title: String
    let convoked: Int
    let titles: Int
    let blocks: Int
    let adjourned: Int
    let absent: Int
    let undecided: [String]
    let compositionProblems: [String]
    let president: String?

    init(session: JurySession, referentiel: Referentiel, reviews: [JuryReview], drafts: [SessionDecision]) {
        sessionID = session.id
        title = "Session n° \(session.id) du \(session.date.french) — \(referentiel.code)"
        convoked = session.convoked.count
        titles = drafts.filter { $0.component == .title && $0.decision == .valide }.count
        blocks = drafts.filter { $0.component != .title && $0.decision == .valide }.count
        adjourned = drafts.filter { $0.decision == .ajourne }.count
        absent = drafts.filter { $0.decision == .absent }.count
        let decided = Set(drafts.map(\.candidate))
        undecided = session.convoked.filter { !decided.contains($0) }.map(\.rawValue)
        compositionProblems = reviews.flatMap { r in r.composition.problems.map { "\(r.record.candidate.id) : \($0)" } }
        president = session.president(in: referentiel)?.name
    }

    var canClose: Bool { undecided.isEmpty && compositionProblems.isEmpty && convoked > 0 }
}

extension ClosingReview: PageContent {
    func html(csrf: String) -> HTML {
        let count = French.count
        var blocking = HTML.empty
        if !canClose {
            var items = HTML.empty
            if convoked == 0 { items += "<li>Aucun candidat n'est convoqué.</li>" }
            if !undecided.isEmpty {
                items += "<li>Sans décision : \(undecided.joined(separator: ", ")).</li>"
            }
            for problem in compositionProblems.prefix(20) { items += "<li>\(problem)</li>" }
            if compositionProblems.count > 20 { items += "<li>… et \(compositionProblems.count - 20) autres.</li>" }
            blocking = """
                <section class="alert" role="alert"><h2>La session ne peut pas encore être close</h2><ul>\(items)</ul></section>

                """
        }
        let presidency: HTML = president.map { "<li>Présidence : \($0).</li>" as HTML }
            ?? "<li><strong>Aucun président désigné</strong> : le PV l'indiquera ; désignez-le sur la page de la session.</li>"
        let confirm: HTML = canClose ? """
            <form method="post" action="\(WebRoutes.closing.path(sessionID))" class="inline-form">
              \(FormHTML.token(csrf))
              <button type="submit" class="primary">Confirmer la clôture</button>
            </form>
            """ : .empty
        return """
            <p class="crumbs"><a href="\(WebRoutes.session.path(sessionID))">Session de jury n° \(sessionID.rawValue)</a></p>
            <h1>Clore la session</h1>
            <p>\(title)</p>
            \(blocking)\
            <section class="panel" aria-labelledby="bilan">
              <h2 id="bilan">Ce qui sera arrêté</h2>
              <ul>
                <li>\(count(convoked, "candidat convoqué", "candidats convoqués")) ; \(count(titles, "titre délivré", "titres délivrés")), \
            \(count(blocks, "bloc validé", "blocs validés")), \(count(adjourned, "ajournement", "ajournements")), \
            \(count(absent, "absence", "absences")).</li>
                \(presidency)
              </ul>
              <p>Après la clôture, les membres, les convocations et les décisions ne peuvent plus être modifiés : les décisions \
            entrent dans les dossiers, datées du jour de la session. Une erreur se corrige ensuite par un avenant motivé.</p>
              <p><a href="\(WebRoutes.draftMinutes.path(sessionID))">Relire le projet de PV (PDF)</a></p>
              \(confirm)
              <p><a href="\(WebRoutes.session.path(sessionID))">Revenir à la session sans la clore</a></p>
            </section>

            """
    }
}
