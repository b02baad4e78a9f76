import CertifolioApp
import CertifolioCore
import CertifolioInterchange
import Foundation
import Hummingbird

/// The gestionnaire's CPF page: the certifier's identifiers at the Caisse des Dépôts, the awards
/// with where their declaration stands and the days left of their three months (the overdue
/// first; the 500 most urgent, every one in the CSV), the flux to download (validated before it
/// is written) and the Caisse's report to record.
struct CPFRoutes {
    let services: WebServices

    struct Page {
        let settings: CPFSettings?
        var typed: CPFSettingsForm?
        var settingsErrors: [CPFSettings.Field: String] = [:]
        let overview: CPFOverview
        let asOf: Day
        var errors: [String] = []
    }

    func add(to router: Router<WebContext>) {
        let manager = router.group().add(middleware: RequireRole(.manager))
        manager.get(WebRoutes.cpf) { _, context in try page(context) }
        manager.get(WebRoutes.cpfCSV) { _, _ in
            let day = services.today()
            return try Downloads.csvWritten(["candidate_id", "name", "certification", "awarded_on", "limit", "days_left",
                                             "status", "id_technique", "message"], filename: "cpf-titulaires.csv") { emit in
                try services.app.forEachCPFAward(asOf: day) { a in
                    var message = ""
                    if case .refused(let text, _) = a.status { message = text }
                    try emit([a.candidate.rawValue, a.name, a.certification.rawValue, a.awardedOn.iso, a.limit.iso,
                              a.daysLeft(on: day).map(String.init) ?? "", a.status.code, a.idTechnique ?? "", message])
                }
            }
        }
        manager.post(WebRoutes.cpfSettings) { _, context -> Response in
            let account = try context.requireIdentity()
            let form = try context.form.decode(CPFSettingsForm.self)
            do {
                try services.app.setCPFSettings(form.settings, actor: account.actor)
            } catch let refused as CPFSettingsRefused {
                var fields: [CPFSettings.Field: String] = [:]
                for (field, message) in zip(refused.fields, refused.problems) { fields[field] = message.capitalizedFirst }
                return try page(context, typed: form, settingsErrors: fields, status: .unprocessableContent)
            }
            return flashRedirect(WebRoutes.cpf.path, "Identifiants CPF enregistrés.", context)
        }
        manager.post(WebRoutes.cpfFlux) { _, context -> Response in
            let account = try context.requireIdentity()
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("cpf-\(UUID().uuidString).xml").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let summary: CPFExportSummary
            do {
                summary = try services.app.exportCPF(to: path, asOf: services.today(), actor: account.actor)
            } catch let error as UserFacingError {
                return try page(context, errors: error.lines.map(\.capitalizedFirst), status: .unprocessableContent)
            }
            guard let id = summary.fluxID else {
                let waiting = summary.incomplete.isEmpty ? ""
                    : " État civil à compléter : " + summary.incomplete.map(\.message).joined(separator: " ")
                return flashRedirect(WebRoutes.cpf.path, "Aucun titre à déclarer : aucun fichier écrit." + waiting, context)
            }
            // Opened before the `defer` removes it: the response reads the unlinked file as it goes.
            return try Downloads.kept(path, type: "application/xml", filename: "cpf-accrochage-\(id).xml")
        }
        manager.post(WebRoutes.cpfReport) { _, context -> Response in
            let account = try context.requireIdentity()
            guard let bytes = try context.form.decode(OneFileForm<CPFReportFile>.self).file else {
                return try page(context, errors: ["Choisissez le rapport de traitement reçu de la Caisse des dépôts."],
                                status: .unprocessableContent)
            }
            do {
                let result = try services.app.recordCPFReport(data: Data(bytes), name: "rapport du \(services.today().french)",
                                                              actor: account.actor)
                return flashRedirect(WebRoutes.cpf.path, "Rapport enregistré : "
                                     + French.count(result.accepted, "passage accepté", "passages acceptés") + ", "
                                     + French.count(result.refused, "passage refusé", "passages refusés") + ".", context)
            } catch let error as UserFacingError {
                return try page(context, errors: error.lines.map(\.capitalizedFirst), status: .unprocessableContent)
            }
        }
    }

    private func page(_ context: WebContext, typed: CPFSettingsForm? = nil, settingsErrors: [CPFSettings.Field: String] = [:],
                      errors: [String] = [], status: HTTPResponse.Status = .ok) throws -> Response {
        let day = services.today()
        let page = Page(settings: try services.app.cpfSettings(), typed: typed, settingsErrors: settingsErrors,
                        overview: try services.app.cpfOverview(asOf: day), asOf: day, errors: errors)
        return services.pages.render(page, title: "Déclaration CPF des titulaires", context: context, status: status)
    }
}

/// The CPF settings form.
struct CPFSettingsForm: Decodable {
    let emitter: String
    let certifier: String
    let contract: String
    let depositor: String

    var settings: CPFSettings {
        CPFSettings(emitter: emitter, certifier: certifier, contract: contract,
                    depositor: CPFDepositor(rawValue: depositor) ?? .certifier)
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        emitter = try c.text(.emitter)
        certifier = try c.text(.certifier)
        contract = try c.text(.contract)
        depositor = try c.text(.depositor)
    }

    enum CodingKeys: String, CodingKey { case emitter = "emetteur", certifier = "certificateur", contract = "contrat",
                                              depositor = "deposant" }
}

extension CPFRoutes.Page: PageContent {
    func html(csrf: String) -> HTML {
        let current = typed?.settings ?? settings
        func field(_ id: String, _ label: String, _ value: String?, _ key: CPFSettings.Field, hint: String) -> HTML {
            FormHTML.input(id, label, FieldView(value: value ?? "", error: settingsErrors[key]),
                           attributes: " required autocomplete=\"off\"", hint: hint)
        }
        let depositors = CPFDepositor.allCases.map {
            SelectOption(value: $0.rawValue, label: $0.french.capitalizedFirst, selected: $0 == (current?.depositor ?? .certifier))
        }
        return """
            <h1>Déclaration CPF des titulaires</h1>
            <p class="hint">Chaque titulaire se déclare à la Caisse des dépôts dans les trois mois de la délivrance du titre (article L6113-8 du code du travail). Le flux est vérifié par le schéma de la Caisse avant d'être écrit ; un passage accepté n'est jamais renvoyé, un passage refusé se renvoie une fois corrigé.</p>
            \(FormHTML.refusal("Rien n'a été fait :", errors))\
            <section class="panel" aria-labelledby="titulaires">
              <h2 id="titulaires">Titres délivrés au \(asOf.french)</h2>
              <p>\(French.count(overview.total, "titre", "titres")) ; \(French.count(overview.due, "à envoyer", "à envoyer")) ; \(French.count(overview.overdue, "en retard", "en retard")). <a href="\(WebRoutes.cpfCSV.path)">Exporter la liste (CSV)</a></p>
              \(table)\
              <form method="post" action="\(WebRoutes.cpfFlux.path)" class="inline-form">
                \(FormHTML.token(csrf))
                <button type="submit">Écrire le flux des titres à envoyer (XML)</button>
              </form>
              <form method="post" action="\(WebRoutes.cpfReport.path)" enctype="multipart/form-data" class="stack">
                \(FormHTML.token(csrf))
                <label for="rapport">Rapport de traitement reçu de la Caisse des dépôts (XML)</label>
                <input id="rapport" name="rapport" type="file" accept=".xml,application/xml,text/xml">
                <button type="submit">Enregistrer le rapport</button>
              </form>
            </section>
            <section class="panel" aria-labelledby="identifiants">
              <h2 id="identifiants">Identifiants auprès de la Caisse des dépôts</h2>
              <form method="post" action="\(WebRoutes.cpfSettings.path)" class="stack">
                \(FormHTML.token(csrf))
            \(field("emetteur", "Identifiant client de l'émetteur", current?.emitter, .emitter, hint: "8 caractères, attribués par la Caisse des dépôts."))\
            \(field("certificateur", "Identifiant client du certificateur", current?.certifier, .certifier, hint: "8 caractères."))\
            \(field("contrat", "Numéro de contrat", current?.contract, .contract, hint: "20 caractères au plus."))\
                <label for="deposant">Déposant</label>
                <select id="deposant" name="deposant">\(FormHTML.options(depositors))</select>
                <button type="submit">Enregistrer les identifiants</button>
              </form>
            </section>

            """
    }

    private var table: HTML {
        let awards = overview.mostUrgent
        guard !awards.isEmpty else { return "<p>Aucun titre délivré pour l'instant.</p>\n" }
        let more: HTML = overview.total > awards.count
            ? "<p class=\"hint\">Les \(awards.count) déclarations les plus urgentes sont affichées ; "
                + "la liste complète est dans l'export CSV.</p>\n"
            : ""
        return more + """
            <table class="stacked">
              <thead><tr><th scope="col">Titulaire</th><th scope="col">Titre du</th><th scope="col">Limite</th><th scope="col">Statut</th></tr></thead>
              <tbody>
            \(awards.html { a in
                let left = a.daysLeft(on: asOf)
                let limit: HTML = left.map { days -> HTML in
                    days < 0 ? "<span class=\"status-bad\">\(a.limit.french) — en retard de \(French.count(-days, "jour", "jours"))</span>"
                        : "\(a.limit.french) — \(French.count(days, "jour restant", "jours restants"))"
                } ?? "—"
                let tone = a.status.code == "accepted" ? "status-ok" : a.status.code == "refused" ? "status-bad" : ""
                return """
                    <tr><td data-label="Titulaire">\(a.name) <span class="id">(\(a.candidate.rawValue), \(a.certification.rawValue))</span></td>\
                    <td data-label="Titre du">\(a.awardedOn.french)</td><td data-label="Limite">\(limit)</td>\
                    <td data-label="Statut"><span class="\(tone)">\(a.status.french.capitalizedFirst)</span></td></tr>

                    """
            })  </tbody>
            </table>

            """
    }
}
