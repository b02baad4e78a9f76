import CertifolioApp
import CertifolioCore
import Hummingbird

/// The gestionnaire grants one candidate a later deadline for an épreuve handed in (audited
/// with its reason and the deadline it replaces), from the candidate's page.
struct ExtensionRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        let manager = router.group().add(middleware: RequireRole(.manager))
        manager.post(WebRoutes.extensions) { _, context -> Response in
            let account = try context.requireIdentity()
            let id = try WebRoutes.extensions.values(context)
            try RecordAccess.requireCandidate(id, account, services.app)
            let form = try context.form.decode(ExtensionForm.self)
            let parts = EvaluationForm.epreuveParts(form.epreuve)
            let staff = StaffRoutes(services: services)
            func refused(_ message: String) throws -> Response {
                try staff.candidatePage(id, form: EvaluationForm(date: services.today().iso), errors: nil, context: context,
                                        status: .unprocessableContent, extension: form, extensionError: message)
            }
            guard !parts.component.isEmpty else { return try refused("choisissez l'épreuve.") }
            guard !form.until.isEmpty else { return try refused("indiquez la nouvelle date limite.") }
            guard !form.reason.isEmpty else { return try refused("un délai se motive : indiquez sa raison.") }
            do {
                try services.app.grantExtension(candidate: id, component: parts.component, modality: parts.modality, until: form.until,
                                                reason: form.reason, actor: account.actor)
            } catch let error as DepositRefused {
                return try refused(error.problems.map(\.message).joined(separator: " "))
            } catch is InputError {
                return try refused("« \(form.until) » n'est pas une date et une heure (jj/mm/aaaa hh:mm).")
            }
            let until = ParisTime(typed: form.until)?.french ?? form.until
            return flashRedirect(WebRoutes.candidate.path(id), "Délai accordé jusqu'au \(until).", context)
        }
    }
}

struct ExtensionForm: Decodable {
    let epreuve: String
    let until: String
    let reason: String

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        epreuve = try c.text(.epreuve)
        until = try c.text(.until)
        reason = try c.text(.reason)
    }

    enum CodingKeys: String, CodingKey { case epreuve, until = "jusquau", reason = "motif" }
}

/// The extension form of a candidate's page: the épreuves handed in, the new deadline, the reason.
struct ExtensionFormView {
    let action: String
    let options: [SelectOption]
    let until: String
    let reason: String
    let error: String?

    init(action: String, slots: [DepositSlot], form: ExtensionForm?, error: String?) {
        self.action = action
        options = slots.map { slot in
            let value = EvaluationForm.epreuveValue(slot.component, slot.modality)
            let current = slot.deadline.map { " — date limite \($0.french)" + (slot.extended ? ", délai accordé" : "") } ?? ""
            return SelectOption(value: value, label: slot.label + current, selected: value == form?.epreuve)
        }
        until = form?.until ?? ""
        reason = form?.reason ?? ""
        self.error = error
    }

    func html(csrf: String) -> HTML {
        """
        <details class="panel"\(error == nil ? .empty : " open" as HTML)><summary>Accorder un délai de dépôt</summary>
          \(FormHTML.alert(error.map { "Délai refusé : " + $0 }))\
          <form method="post" action="\(action)" class="stack">
            \(FormHTML.token(csrf))
            <label for="delai-epreuve">Épreuve</label>
            <select id="delai-epreuve" name="epreuve" required><option value="">— choisir —</option>\(FormHTML.options(options))</select>
            <label for="delai-jusquau">Nouvelle date limite (heure de Paris)</label>
            <input id="delai-jusquau" name="jusquau" type="datetime-local" required value="\(until)">
            <label for="delai-motif">Motif (au journal d'audit)</label>
            <input id="delai-motif" name="motif" required value="\(reason)">
            <button type="submit">Accorder le délai</button>
          </form>
        </details>

        """
    }
}
