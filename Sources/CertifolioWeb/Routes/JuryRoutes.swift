import CertifolioApp
import CertifolioCore
import CertifolioReports
import CertifolioRules
import Foundation
import Hummingbird

/// The jury secretary's workspace: sessions, members, composition, convocation, proposals,
/// decisions, closing, the PV and the attestations. Every write is a use case of the door
/// (`Certifolio`), the same as `certifolio jury` calls.
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
        let certifications: [SelectOption]
        let date: String
        let place: String
        let error: String?
    }

    struct SessionPage {
        let session: SessionView
        let errors: [String]
    }

    func add(to router: Router<WebContext>) {
        let jury = router.group().add(middleware: RequireRole(.secretary))
        jury.get(WebRoutes.sessions) { _, context in
            try list(context, draft: NewSessionForm(), error: nil)
        }
        jury.post(WebRoutes.sessions) { _, context in try create(context) }
        jury.get(WebRoutes.sessionsCSV) { _, _ in
            Downloads.csv(["session_id", "certification", "date", "place", "convoked", "closed_at"],
                          try services.app.jurySessions().map { s in
                              [String(s.id.rawValue), s.certification.rawValue, s.date.iso, s.place, String(s.convoked.count),
                               s.closedAt ?? ""]
                          }, filename: "sessions-de-jury.csv")
        }
        jury.get(WebRoutes.session) { request, context in
            let filter = request.uri.queryParameters["filtre"].flatMap { SessionView.Filter(rawValue: String($0)) } ?? .all
            return try sessionPage(try WebRoutes.session.values(context), filter: filter, context: context)
        }
        jury.post(WebRoutes.members) { _, context in
            try write(WebRoutes.members, context) { id, form, actor in
                let member = try form.decode(MemberForm.self)
                try services.app.addJuryMember(
                    JuryMember(name: member.name, role: JuryRoleID(member.role), external: member.external),
                    to: id, actor: actor)
                return "Membre ajouté."
            }
        }
        jury.post(WebRoutes.directoryMember) { _, context in
            try write(WebRoutes.directoryMember, context) { id, form, actor in
                let chosen = try form.decode(DirectoryMemberForm.self)
                guard let person = Int64(chosen.person) else { throw JuryDirectoryError.emptyName }
                try services.app.addJuryMember(person: person, role: JuryRoleID(chosen.role), to: id, actor: actor)
                return "Membre ajouté depuis l'annuaire."
            }
        }
        jury.post(WebRoutes.memberStanding) { _, context in
            try write(WebRoutes.memberStanding, context) { id, form, actor in
                let standing = try form.decode(MemberStandingForm.self)
                try services.app.setJuryMemberStanding(named: standing.name, in: id, presides: standing.presides,
                                                       excused: standing.excused, actor: actor)
                return "\(standing.name) : " + (standing.excused ? "absence excusée" : "présent")
                    + (standing.presides ? ", préside la session." : ".")
            }
        }
        jury.post(WebRoutes.memberRemoval) { _, context in
            try write(WebRoutes.memberRemoval, context) { id, form, actor in
                try services.app.removeJuryMember(named: try form.decode(MemberForm.self).name, from: id, actor: actor)
                return "Membre retiré."
            }
        }
        jury.post(WebRoutes.convocation) { _, context in
            try write(WebRoutes.convocation, context) { id, form, actor in
                let who = try form.decode(ConvocationForm.self)
                guard who.cohort != nil || !who.candidates.isEmpty else { throw NothingToConvoke() }
                let c = try services.app.convoke(id, candidates: who.candidates, cohort: who.cohort, actor: actor)
                var text = French.count(c.added, "candidat convoqué", "candidats convoqués") + " ; \(c.total) au total."
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
        jury.post(WebRoutes.proposals) { _, context in
            try write(WebRoutes.proposals, context) { id, _, actor in
                let accepted = try services.app.acceptProposals(id, asOf: services.today(),
                                                                 actor: actor)
                return French.count(accepted.recorded, "décision reprise", "décisions reprises") + " des propositions ; les décisions déjà saisies sont "
                    + "conservées." + accepted.titlesLeft.map { " Titre laissé sans décision — \($0.message)" }.joined()
            }
        }
        // Closing is confirmed on a page that says what it locks.
        jury.get(WebRoutes.closingReview) { _, context in
            let id = try WebRoutes.closingReview.values(context)
            let session = try services.app.jurySession(id)
            guard !session.isClosed else { return Self.redirect(WebRoutes.session.path(id)) }
            let review = ClosingReview(session: session, referentiel: try services.referentiel(session.certification),
                                       reviews: try services.app.reviews(id),
                                       drafts: try services.app.draftDecisions(id))
            return services.pages.render(review, title: "Clore la session n° \(id)", context: context)
        }
        jury.get(WebRoutes.draftMinutes) { _, context in
            let id = try WebRoutes.draftMinutes.values(context)
            return try Downloads.pdf(named: "projet-pv-session-\(id).pdf") { try services.app.writeDraftMinutes(id, pdf: $0) }
        }
        jury.get(WebRoutes.notification) { _, context in
            let (id, candidate) = try WebRoutes.notification.values(context)
            return try Downloads.pdf(named: "notification-\(id)-\(candidate).pdf") {
                try services.app.writeNotification(id, candidate: candidate, pdf: $0, asOf: services.today())
            }
        }
        jury.get(WebRoutes.notifications) { _, context in
            let id = try WebRoutes.notifications.values(context)
            return try notificationsArchive(id)
        }
        jury.post(WebRoutes.amendment) { _, context in
            try write(WebRoutes.amendment, context) { id, form, actor in
                let revocation = try form.decode(RevocationForm.self).revocation()
                let outcome = try services.app.revoke(revocation, in: id, actor: actor)
                switch outcome {
                case .amendment(let decision):
                    return "Avenant enregistré : décision n° \(decision) (\(revocation.decision.pvWord.lowercased())) pour "
                        + "\(revocation.candidate), \(revocation.component.french), datée du \(revocation.date.french). "
                        + "Le PV et la notification la portent désormais."
                case .pending(let revoked):
                    return "Révocation de la décision n° \(revoked) enregistrée : elle prendra effet à la clôture."
                }
            }
        }
        jury.post(WebRoutes.sessionParchemins) { _, context in
            try write(WebRoutes.sessionParchemins, context) { id, _, actor in
                let issued = try services.app.issueParchemins(session: id, asOf: services.today(), actor: actor)
                let new = issued.filter(\.issuedNow).count
                return issued.isEmpty ? "Aucun titre délivré par cette session : aucun parchemin à délivrer."
                    : "\(new) parchemin\(new > 1 ? "s" : "") délivré\(new > 1 ? "s" : "") et inscrit\(new > 1 ? "s" : "") au "
                        + "registre ; \(issued.count - new) déjà délivré\(issued.count - new > 1 ? "s" : "")."
            }
        }
        jury.post(WebRoutes.closing) { _, context in
            try write(WebRoutes.closing, context) { id, _, actor in
                try services.app.close(id, asOf: services.today(), actor: actor)
                return "Session close : les décisions sont entrées dans les dossiers. Le PV est disponible."
            }
        }
        jury.get(WebRoutes.decision) { _, context in
            let (session, candidate) = try convoked(context)
            return try decisionPage(session, candidate, submitted: nil, errors: [], context: context)
        }
        jury.post(WebRoutes.decision) { _, context in try decide(context) }
        // A deposited file of a candidate convoked to the session.
        jury.get(WebRoutes.juryDepositFile) { _, context -> Response in
            let (number, deposit, position) = try WebRoutes.juryDepositFile.values(context)
            let session = try services.app.jurySession(number)
            guard let found = try services.app.deposit(deposit), session.convoked.contains(found.candidate) else {
                throw HTTPError(.notFound)
            }
            return try AssessmentRoutes.download(deposit, position, of: found.candidate, services)
        }
        jury.get(WebRoutes.minutesPDF) { _, context in
            let id = try WebRoutes.minutesPDF.values(context)
            let actor = try context.requireIdentity().actor
            // Each PV downloaded is a document issued: numbered, its SHA-256 in the audit trail.
            return try Downloads.pdf(named: "pv-session-\(id).pdf") {
                try services.app.writeMinutes(id, pdf: $0, csv: nil, asOf: services.today(), actor: actor)
            }
        }
        jury.get(WebRoutes.minutesCSV) { _, context in
            let id = try WebRoutes.minutesCSV.values(context)
            return try Downloads.written(named: "pv-session-\(id).csv", type: "text/csv; charset=utf-8") {
                try services.app.writeMinutesCSV(id, to: $0, asOf: services.today())
            }
        }
        jury.get(WebRoutes.sessionAttestation) { _, context in
            let (session, candidate) = try WebRoutes.sessionAttestation.values(context)
            guard try services.app.jurySession(session).convoked.contains(candidate) else {
                throw Forbidden()
            }
            return try RecordPages(services: services).attestation(candidate)
        }
    }

    /// Every notification of a closed session in one ZIP, for the certifier's own mailing.
    private func notificationsArchive(_ id: JurySessionID) throws -> Response {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certifolio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var zip = ZipArchive()
        for path in try services.app.writeNotifications(id, folder: folder.path, asOf: services.today()) {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            zip.add(name: (path as NSString).lastPathComponent, data: [UInt8](data))
        }
        return Downloads.file(ByteBuffer(bytes: zip.finished()), type: "application/zip",
                              filename: "notifications-session-\(id).zip")
    }

    static func redirect(_ path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path])
    }

    private func list(_ context: WebContext, draft: NewSessionForm, error: String?,
                      status: HTTPResponse.Status = .ok) throws -> Response {
        let sessions = try services.app.jurySessions()
        let referentiels = try services.referentiels()
        let lines = sessions.reversed().map { s in
            SessionList.Line(id: s.id.rawValue, link: WebRoutes.session.path(s.id), certification: s.certification.rawValue,
                             date: s.date.french, place: s.place,
                             state: s.closedAt.map { "close le " + DocumentParts.timestamp($0) } ?? "ouverte",
                             convoked: s.convoked.count)
        }
        let body = SessionList(
            lines: lines,
            certifications: referentiels.values.sorted { $0.code < $1.code }
                .map { .init(value: $0.code.rawValue, label: "\($0.code) — \($0.title)") },
            date: draft.date, place: draft.place, error: error)
        return services.pages.render(body, title: "Sessions de jury", context: context, status: status)
    }

    private func create(_ context: WebContext) throws -> Response {
        let account = try context.requireIdentity()
        let form = try context.form.decode(NewSessionForm.self)
        do {
            guard let date = Day(typed: form.date) else { throw BadDate(text: form.date) }
            let id = try services.app.createJurySession(
                certification: CertificationCode(form.certification), date: date, place: form.place,
                actor: account.actor)
            return flashRedirect(WebRoutes.session.path(id), "Session n° \(id) créée.", context)
        } catch let error as UserFacingError {
            return try list(context, draft: form, error: error.message.capitalizedFirst, status: .unprocessableContent)
        }
    }

    /// Runs a write on the session of the address; a refusal is shown on the session page.
    private func write(_ route: Route<JurySessionID>, _ context: WebContext,
                       _ body: (JurySessionID, SubmittedForm, Actor) throws -> String) throws -> Response {
        let account = try context.requireIdentity()
        let id = try route.values(context)
        do {
            let message = try body(id, context.form, account.actor)
            return flashRedirect(WebRoutes.session.path(id), message, context)
        } catch let error as UserFacingError {
            return try sessionPage(id, errors: error.lines, context: context,
                                   status: .unprocessableContent)
        }
    }

    private func sessionPage(_ id: JurySessionID, filter: SessionView.Filter = .all, errors: [String] = [],
                             context: WebContext, status: HTTPResponse.Status = .ok) throws -> Response {
        let session = try services.app.jurySession(id)
        let referentiel = try services.referentiel(session.certification)
        var view = SessionView(session: session, referentiel: referentiel,
                               reviews: try services.app.reviews(id),
                               drafts: session.isClosed ? [] : try services.app.draftDecisions(id),
                               recorded: session.isClosed ? try services.app.sessionDecisions(id) : [],
                               cohorts: try services.app.cohortNames())
        view.filter = filter
        let sitting = Set(session.members.map { PersonName($0.name) })
        view.directory = try services.app.juryDirectory().filter { !sitting.contains(PersonName($0.name)) }.map { person in
            SelectOption(value: String(person.id),
                         label: person.name + (person.external ? " — externe" : " — interne")
                             + (person.account.map { " — compte d'évaluateur : \($0.name)" } ?? ""))
        }
        return services.pages.render(SessionPage(session: view, errors: errors), title: "Session de jury n° \(id)",
                                     context: context, status: status)
    }

    private func decide(_ context: WebContext) throws -> Response {
        let account = try context.requireIdentity()
        let (session, candidate) = try convoked(context)
        let id = session.id
        let form = try context.form.decode(DecisionForm.self)
        // The form's rows decode into decisions, checked by the same use case as a decisions file.
        var submitted: [String: (DecisionKind, String)] = [:]
        var decisions: [SessionDecision] = []
        var errors: [String] = []
        for component in form.components {
            let kindText = form.decisions[component] ?? ""
            let motive = (form.motives[component] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard let kind = DecisionKind(rawValue: kindText) else {
                errors.append("Choisissez une décision (validé, ajourné ou absent) pour \(component).")
                continue
            }
            submitted[component] = (kind, motive)
            decisions.append(SessionDecision(candidate: candidate, component: DecisionComponent(fileValue: component),
                                             decision: kind,
                                             motive: motive.isEmpty ? nil : motive))
        }
        if decisions.isEmpty && errors.isEmpty { errors.append("Aucune décision n'a été saisie pour \(candidate).") }
        do {
            guard errors.isEmpty else {
                return try decisionPage(session, candidate, submitted: submitted, errors: errors, context: context,
                                        status: .unprocessableContent)
            }
            try services.app.decide(id, decisions: decisions, asOf: services.today(),
                                     actor: account.actor)
            return flashRedirect(WebRoutes.session.path(id), "Décisions enregistrées pour \(candidate).", context)
        } catch let error as DecisionsRefused {
            return try decisionPage(session, candidate, submitted: submitted,
                                    errors: error.problems.map(\.message.capitalizedFirst),
                                    context: context, status: .unprocessableContent)
        } catch let error as UserFacingError {
            return try decisionPage(session, candidate, submitted: submitted, errors: error.lines, context: context,
                                    status: .unprocessableContent)
        }
    }

    /// One convoked candidate's decision form: their review alone (not the whole session's).
    private func decisionPage(_ session: JurySession, _ candidate: CandidateID,
                              submitted: [String: (DecisionKind, String)]?, errors: [String], context: WebContext,
                              status: HTTPResponse.Status = .ok) throws -> Response {
        guard !session.isClosed else { throw JuryError.sessionClosed(session.id) }
        let loaded = try RecordPages(services: services).load(candidate, correctable: false)
        let review = JuryReview(record: loaded.record, session: session, referentiel: loaded.referentiel)
        var body = DecisionFormView(session: session, review: review, referentiel: loaded.referentiel,
                                    drafts: try services.app.draftDecisions(session.id), submitted: submitted,
                                    errors: errors, record: loaded.view)
        body.evidence = DecisionFormView.evidence(loaded.referentiel, slots: try services.app.depositSlots(of: candidate),
                                                  history: loaded.history)
        return services.pages.render(body, title: "Décisions — \(body.name)", context: context,
                                     status: status)
    }

    /// The session of a decision's address and its candidate, who must be convoked to it (the
    /// use cases, or `jurySession`, refuse an unknown session).
    private func convoked(_ context: WebContext) throws -> (JurySession, CandidateID) {
        let (number, id) = try WebRoutes.decision.values(context)
        let session = try services.app.jurySession(number)
        guard session.convoked.contains(id) else { throw Forbidden() }
        return (session, id)
    }

    struct NothingToConvoke: UserFacingError {
        var message: String { "choisissez une promotion ou indiquez des identifiants de candidats." }
    }

    struct BadDate: UserFacingError {
        let text: String
        var message: String { "« \(text) » n'est pas une date (jj/mm/aaaa attendu)." }
    }
}
