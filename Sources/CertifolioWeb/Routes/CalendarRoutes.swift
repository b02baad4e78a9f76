import CertifolioApp
import CertifolioCore
import CertifolioRules
import Hummingbird

/// The gestionnaire's calendar page: for a cohort, each épreuve of its certification with its
/// dates — a deadline (Paris time) for a work handed in, a day and place for an épreuve sat.
/// The form decodes into a `CalendarDraft` and passes `CalendarCheck`, as a line of `calendar.csv`.
struct CalendarRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        let manager = router.group().add(middleware: RequireRole(.manager))
        manager.get(WebRoutes.calendar) { request, context in
            try page(cohort: request.uri.queryParameters["promotion"].map(String.init), refused: nil, context: context)
        }
        manager.post(WebRoutes.calendar) { _, context -> Response in
            let account = try context.requireIdentity()
            let form = try context.form.decode(CalendarForm.self)
            do {
                let summary = try services.app.setCalendarEntry(form.draft, actor: account.actor)
                let said = summary.unchanged > 0 ? "Dates inchangées." : "Dates enregistrées."
                return flashRedirect(WebRoutes.calendar.path + "?promotion=" + StaffRoutes.query(form.cohort),
                                     said, context)
            } catch let refused as CalendarRefused {
                return try page(cohort: form.cohort, refused: (form, refused), context: context)
            }
        }
    }

    private func page(cohort: String?, refused: (CalendarForm, CalendarRefused)?, context: WebContext) throws -> Response {
        let cohorts = try services.app.calendarCheck().cohorts
        let chosen = cohort.flatMap { cohorts[$0] != nil ? $0 : nil }
        var rows: [CalendarPage.Row] = []
        if let chosen, let referentiel = cohorts[chosen]?.first {
            let dated = try services.app.calendar(cohort: chosen)
            for (component, modality, submission) in Self.epreuves(referentiel) {
                let entry = dated.first { $0.component == component && $0.modality == modality }
                var row = CalendarPage.Row(label: referentiel.epreuveName(component, modality), component: component.fileValue,
                                           modality: modality.rawValue, submission: submission)
                switch entry?.schedule {
                case .deadline(let time)?: row.deadline = time.stored
                case let .sitting(day, place)?: row.date = day.iso; row.place = place
                case nil: break
                }
                if let (form, problems) = refused, form.component == row.component, form.modality == row.modality {
                    row.deadline = form.deadline; row.date = form.date; row.place = form.place
                    row.errors = problems.problems.map(\.message)
                }
                rows.append(row)
            }
        }
        let page = CalendarPage(cohorts: cohorts.keys.sorted(), cohort: chosen, rows: rows,
                                error: refused.flatMap { r in rows.contains { !$0.errors.isEmpty } ? nil
                                    : r.1.problems.map(\.message).joined(separator: " ") })
        return services.pages.render(page, title: "Calendrier", context: context,
                                     status: refused == nil ? .ok : .unprocessableContent)
    }

    /// Every épreuve of a certification, in its order: the blocks' modalities, the whole-block
    /// modality of each block, the final exams.
    static func epreuves(_ r: Referentiel) -> [(Component, ModalityID, Submission)] {
        var list: [(Component, ModalityID, Submission)] = []
        for block in r.blocks {
            list += block.modalities.map { (.block(block.code), $0.id, $0.submission) }
            if let whole = r.evaluation.wholeBlockModality { list.append((.block(block.code), whole.id, whole.submission)) }
        }
        return list + r.finalExams.map { (.final, $0.id, $0.submission) }
    }
}

/// One épreuve's dates as the calendar form sends them.
struct CalendarForm: Decodable {
    let cohort: String
    let component: String
    let modality: String
    let deadline: String
    let date: String
    let place: String

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cohort = try c.text(.cohort)
        component = try c.text(.component)
        modality = try c.text(.modality)
        deadline = try c.text(.deadline)
        date = try c.text(.date)
        place = try c.text(.place)
    }

    enum CodingKeys: String, CodingKey {
        case cohort = "promotion", component = "composante", modality = "modalite", deadline = "echeance", date, place = "lieu"
    }

    var draft: CalendarDraft {
        CalendarDraft(cohort: cohort, component: component, modality: modality, deadline: deadline, date: date, place: place)
    }
}

struct CalendarPage: PageContent {
    struct Row {
        let label: String
        let component: String
        let modality: String
        let submission: Submission
        var deadline = ""
        var date = ""
        var place = ""
        var errors: [String] = []
    }
    let cohorts: [String]
    let cohort: String?
    let rows: [Row]
    let error: String?

    func html(csrf: String) -> HTML {
        let choice = cohorts.html { name -> HTML in
            let link = WebRoutes.calendar.path + "?promotion=" + StaffRoutes.query(name)
            return name == cohort ? "<li><strong>\(name)</strong></li>" : "<li><a href=\"\(link)\">\(name)</a></li>"
        }
        return """
            <h1>Calendrier\(cohort.map { c -> HTML in " — \(c)" } ?? .empty)</h1>
            \(FormHTML.alert(error))\
            <p class="hint">Pour chaque épreuve : une date limite de dépôt (heure de Paris) si elle se dépose, une date et un lieu si elle se passe. Chaque changement est au journal d'audit avec l'ancienne date ; un fichier calendar.csv fait de même pour toute une promotion (page Importer).</p>
            <nav aria-label="Promotions"><ul class="inline-list">\(choice)</ul></nav>
            \(rows.html { row(csrf, $0) })
            """
    }

    private func row(_ csrf: String, _ r: Row) -> HTML {
        let id = "cal-\(r.component)-\(r.modality)"
        let fields: HTML
        switch r.submission {
        case .document:
            fields = """
                <label for="\(id)-e">Date limite de dépôt (heure de Paris)</label>
                <input id="\(id)-e" name="echeance" type="datetime-local" value="\(r.deadline)">
                """
        case .sitting:
            fields = """
                <div class="row"><div><label for="\(id)-d">Date de l'épreuve</label>
                <input id="\(id)-d" name="date" type="date" value="\(r.date)"></div>
                <div><label for="\(id)-l">Lieu</label><input id="\(id)-l" name="lieu" value="\(r.place)"></div></div>
                """
        }
        return """
            <form method="post" action="\(WebRoutes.calendar.path)" class="panel stack" aria-labelledby="\(id)">
              <h2 id="\(id)">\(r.label) <span class="hint">(\(r.submission == .document ? "se dépose" : "se passe"))</span></h2>
              \(FormHTML.refusal("Rien n'a été enregistré :", r.errors))\
              \(FormHTML.token(csrf))
              <input type="hidden" name="promotion" value="\(cohort ?? "")">
              <input type="hidden" name="composante" value="\(r.component)"><input type="hidden" name="modalite" value="\(r.modality)">
              \(fields)
              <button type="submit">Enregistrer</button>
            </form>

            """
    }
}
