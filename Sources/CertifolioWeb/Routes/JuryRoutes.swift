import CertifolioApp
import CertifolioCore
import CertifolioReports
import CertifolioRules
import CertifolioStore
import Foundation
import Hummingbird

/// The jury secretary's workspace: sessions, members, composition, convocation, proposals,
/// decisions, closing, the PV and the attestations. Every write is a `JuryWorkflows` or
/// `AppDatabase` use case, as in `certifolio jury`.
struct JuryRoutes {
    let services: WebServices

    struct SessionList {
        struct Line {
            let id: Int64
            let link: String
            let certification: String
            let date: String
            let place: String
            let state: String
            let convoked: Int
        }
        let lines: [Line]
        let hasLines: Bool
        let certifications: [SelectOption]
        let date: String
        let place: String
        let error: String?
    }

    struct SessionPage {
        let session: SessionView
        let errors: [String]
        let hasErrors: Bool
    }

    func add(to router: Router<WebContext>) {
        let jury = router.group("jury").add(middleware: RequireRole(.secretary))
        jury.get { _, context in try list(context, draft: FormFields(), error: nil) }
        jury.post { _, context in try create(context) }
        jury.get(":session") { _, context in try sessionPage(try sessionID(context), context: context) }
        jury.post(":session/membres") { _, context in
            try write(context) { id, form, actor in
                try services.database.addJuryMember(
                    JuryMember(name: form["nom"] ?? "", role: JuryRoleID(form["role"] ?? ""),
                               external: form["externe"] == "oui"), to: id, actor: actor)
                return "Membre ajouté."
            }
        }
        jury.post(":session/membres/retrait") { _, context in
            try write(context) { id, form, actor in
                try services.database.removeJuryMember(named: form["nom"] ?? "", from: id, actor: actor)
                return "Membre retiré."
            }
        }
        jury.post(":session/convocation") { _, context in
            try write(context) { id, form, actor in
                let cohort = form["promotion"].flatMap { $0.isEmpty ? nil : $0 }
                let ids = (form["candidats"] ?? "").split { $0 == "," || $0 == ";" || $0.isWhitespace }
                    .map { CandidateID(String($0)) }
                guard cohort != nil || !ids.isEmpty else { throw NothingToConvoke() }
                let c = try JuryWorkflows.convoke(id, candidates: ids, cohort: cohort, database: services.database,
                                                  actor: actor)
                var text = "\(c.added) candidat(s) convoqué(s) ; \(c.total) au total."
                if !c.closedRoute.isEmpty {
                    text += " Non convoqués (voie d'accès fermée par la fiche) : "
                        + c.closedRoute.map(\.rawValue).joined(separator: ", ") + "."
                }
                if !c.titleHolders.isEmpty {
                    text += " Non convoqués (titre déjà délivré) : " + c.titleHolders.map(\.rawValue).joined(separator: ", ") + "."
                }
                return text
            }
        }
        jury.post(":session/propositions") { _, context in
            try write(context) { id, _, actor in
                let count = try JuryWorkflows.acceptProposals(id, database: services.database, actor: actor)
                return "\(count) décision(s) reprise(s) des propositions ; les décisions déjà saisies sont conservées."
            }
        }
        jury.post(":session/cloture") { _, context in
            try write(context) { id, _, actor in
                try JuryWorkflows.close(id, database: services.database, actor: actor)
                return "Session close : les décisions sont entrées dans les dossiers. Le PV est disponible."
            }
        }
        jury.get(":session/candidats/:candidate") { _, context in
            try decisionPage(try sessionID(context), try convoked(context), submitted: nil, errors: [], context: context)
        }
        jury.post(":session/candidats/:candidate") { _, context in try decide(context) }
        jury.get(":session/pv.pdf") { _, context in
            let id = try sessionID(context)
            let minutes = try JuryWorkflows.minutes(id, database: services.database)
            return try Downloads.pdf(named: "pv-session-\(id).pdf") { try MinutesPDF.write(minutes, to: $0) }
        }
        jury.get(":session/pv.csv") { _, context in
            let id = try sessionID(context)
            let minutes = try JuryWorkflows.minutes(id, database: services.database)
            return Downloads.file(ByteBuffer(string: MinutesCSV.render(minutes)), type: "text/csv; charset=utf-8",
                                  filename: "pv-session-\(id).csv")
        }
        jury.get(":session/attestations/:file") { _, context in
            let id = try sessionID(context)
            let file = try context.parameters.require("file")
            guard file.hasSuffix(".pdf") else { throw HTTPError(.notFound) }
            let candidate = CandidateID(String(file.dropLast(4)))
            guard try services.database.jurySession(id).convoked.contains(candidate) else { throw Forbidden() }
            return try RecordPages(services: services).attestation(candidate)
        }
    }

    private func list(_ context: WebContext, draft: FormFields, error: String?,
                      status: HTTPResponse.Status = .ok) throws -> Response {
        let sessions = try services.database.jurySessions()
        let referentiels = try services.referentiels()
        let lines = sessions.reversed().map { s in
            SessionList.Line(id: s.id.rawValue, link: "/jury/\(s.id.rawValue)", certification: s.certification.rawValue,
                             date: s.date.french, place: s.place,
                             state: s.closedAt.map { "close le " + DocumentParts.timestamp($0) } ?? "ouverte",
                             convoked: s.convoked.count)
        }
        let body = SessionList(
            lines: lines, hasLines: !lines.isEmpty,
            certifications: referentiels.values.sorted { $0.code < $1.code }
                .map { .init(value: $0.code.rawValue, label: "\($0.code) — \($0.title)") },
            date: draft["date"] ?? "", place: draft["lieu"] ?? "", error: error)
        return services.pages.render("sessions", title: "Sessions de jury", body: body, context: context, status: status)
    }

    private func create(_ context: WebContext) throws -> Response {
        let account = try context.requireIdentity()
        let form = context.form ?? FormFields()
        do {
            guard let date = EvaluationForm.parseDay(form["date"] ?? "") else { throw BadDate(text: form["date"] ?? "") }
            let id = try services.database.createJurySession(
                certification: CertificationCode(form["certification"] ?? ""), date: date, place: form["lieu"] ?? "",
                actor: account.actor)
            return flashRedirect("/jury/\(id.rawValue)", "Session n° \(id) créée.", context)
        } catch let error as UserFacingError {
            return try list(context, draft: form, error: error.message.capitalizedFirst, status: .unprocessableContent)
        }
    }

    /// Runs a write on the session of the address; a refusal is shown on the session page.
    private func write(_ context: WebContext,
                       _ body: (JurySessionID, FormFields, Actor) throws -> String) throws -> Response {
        let account = try context.requireIdentity()
        let id = try sessionID(context)
        do {
            let message = try body(id, context.form ?? FormFields(), account.actor)
            return flashRedirect("/jury/\(id.rawValue)", message, context)
        } catch let error as UserFacingError {
            return try sessionPage(id, errors: error.lines, context: context,
                                   status: .unprocessableContent)
        }
    }

    private func sessionPage(_ id: JurySessionID, errors: [String] = [], context: WebContext,
                             status: HTTPResponse.Status = .ok) throws -> Response {
        let session = try services.database.jurySession(id)
        let referentiel = try services.referentiel(session.certification)
        let view = SessionView(session: session, referentiel: referentiel,
                               reviews: try JuryWorkflows.reviews(id, database: services.database),
                               drafts: session.isClosed ? [] : try services.database.draftDecisions(id),
                               recorded: session.isClosed ? try services.database.sessionDecisions(id) : [],
                               cohorts: try services.database.cohortNames())
        return services.pages.render("session", title: "Session de jury n° \(id)",
                                     body: SessionPage(session: view, errors: errors, hasErrors: !errors.isEmpty),
                                     context: context, status: status)
    }

    private func decide(_ context: WebContext) throws -> Response {
        let account = try context.requireIdentity()
        let id = try sessionID(context)
        let candidate = try convoked(context)
        let form = context.form ?? FormFields()
        // The form's lines become a decisions sheet, checked by the same reader as `jury decide`.
        var submitted: [String: (DecisionKind, String)] = [:]
        var csv = "candidate_id,component,decision,motive\n"
        for component in form.all("composante") {
            let kind = DecisionKind(rawValue: form["decision_\(component)"] ?? "") ?? .ajourne
            let motive = form["motif_\(component)"] ?? ""
            submitted[component] = (kind, motive)
            csv += [candidate.rawValue, component, kind.rawValue, motive].map(Self.csvField).joined(separator: ",") + "\n"
        }
        do {
            try JuryWorkflows.decide(id, sheet: "décisions saisies pour \(candidate)", bytes: Array(csv.utf8),
                                     database: services.database, actor: account.actor)
            return flashRedirect("/jury/\(id.rawValue)", "Décisions enregistrées pour \(candidate).", context)
        } catch let error as UserFacingError {
            return try decisionPage(id, candidate, submitted: submitted,
                                    errors: error.lines.map(Self.withoutSheetPosition),
                                    context: context, status: .unprocessableContent)
        }
    }

    private func decisionPage(_ id: JurySessionID, _ candidate: CandidateID, submitted: [String: (DecisionKind, String)]?,
                              errors: [String], context: WebContext, status: HTTPResponse.Status = .ok) throws -> Response {
        let session = try services.database.jurySession(id)
        guard !session.isClosed else { throw JuryError.sessionClosed(id) }
        let referentiel = try services.referentiel(session.certification)
        guard let review = try JuryWorkflows.reviews(id, database: services.database)
            .first(where: { $0.record.candidate.id == candidate }) else { throw JuryError.notConvoked(candidate, id) }
        let (record, _, _) = try RecordPages(services: services).view(candidate, correctionBase: nil)
        let body = DecisionFormView(session: session, review: review, referentiel: referentiel,
                                    drafts: try services.database.draftDecisions(id), submitted: submitted,
                                    errors: errors, verdict: record)
        return services.pages.render("decision", title: "Décisions — \(body.name)", body: body, context: context,
                                     status: status)
    }

    private func sessionID(_ context: WebContext) throws -> JurySessionID {
        guard let number = Int64(try context.parameters.require("session")) else { throw HTTPError(.notFound) }
        let id = JurySessionID(number)
        _ = try services.database.jurySession(id)
        return id
    }

    /// The candidate of the address, who must be convoked to the session.
    private func convoked(_ context: WebContext) throws -> CandidateID {
        let id = CandidateID(try context.parameters.require("candidate"))
        guard try services.database.jurySession(try sessionID(context)).convoked.contains(id) else { throw Forbidden() }
        return id
    }

    static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// The sheet is the form: "décisions saisies pour X, ligne 2, colonne motive : …" -> "…".
    static func withoutSheetPosition(_ line: String) -> String {
        guard let range = line.range(of: " : ") , line.hasPrefix("décisions saisies") else { return line }
        return String(line[range.upperBound...]).capitalizedFirst
    }

    struct NothingToConvoke: UserFacingError {
        var message: String { "choisissez une promotion ou indiquez des identifiants de candidats." }
    }

    struct BadDate: UserFacingError {
        let text: String
        var message: String { "« \(text) » n'est pas une date (jj/mm/aaaa attendu)." }
    }
}
