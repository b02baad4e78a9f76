import CertifolioCore
import CertifolioInterchange
import CertifolioPDF
import CertifolioReports
import CertifolioRules
import CertifolioStore
import Foundation

/// The jury session use cases: they read the session and the records from the store, apply the
/// rules (composition, proposals, the title rule, dates) and hand the result back to the store
/// or to a document.
extension Certifolio {
    /// A session with its certification's référentiel, read once per use case.
    struct Context {
        let session: JurySession
        let referentiel: Referentiel

        init(_ id: JurySessionID, _ database: AppDatabase) throws {
            session = try database.jurySession(id)
            guard let referentiel = try database.referentiels()[session.certification] else {
                throw StoreError.unknownCertification(session.certification)
            }
            self.referentiel = referentiel
        }

        var id: JurySessionID { session.id }

        func openSession() throws -> JurySession {
            guard !session.isClosed else { throw JuryError.sessionClosed(session.id) }
            return session
        }

        /// An open session that has sat: no decision is taken, nor the session closed, before
        /// its date (contract §6).
        func sitting(_ today: Day) throws {
            _ = try openSession()
            guard !(today < session.date) else { throw JuryError.notYetSat(session.id, on: session.date, today: today) }
        }

        /// What each decision of this session is checked against.
        func decisionCheck(_ reviews: [JuryReview], _ database: AppDatabase) throws -> SessionDecisionCheck {
            SessionDecisionCheck(session: session.id, referentiel: referentiel,
                                 known: Set(try database.enrolledCertifications().keys),
                                 proposals: Dictionary(reviews.map { ($0.record.candidate.id, $0.proposal) },
                                                       uniquingKeysWith: { a, _ in a }))
        }

        /// The review of every convoked candidate, in candidate id order.
        func reviews(_ database: AppDatabase) throws -> [JuryReview] {
            try database.candidateRecords(session: session.id).map {
                JuryReview(record: $0, session: session, referentiel: referentiel)
            }
        }
    }

    /// Opens a jury session for a certification whose référentiel is imported, at a place.
    public func createJurySession(certification: CertificationCode, date: Day, place: String,
                                  actor: Actor) throws -> JurySessionID {
        try database.createJurySession(certification: certification, date: date, place: place, actor: actor)
    }

    /// Adds a member to an open session, in one of the référentiel's jury roles, once.
    public func addJuryMember(_ member: JuryMember, to id: JurySessionID, actor: Actor) throws {
        try database.addJuryMember(member, to: id, actor: actor)
    }

    /// Records whether a member is present or excused and whether they preside.
    public func setJuryMemberStanding(named name: String, in id: JurySessionID, presides: Bool, excused: Bool,
                                      actor: Actor) throws {
        try database.setJuryMemberStanding(named: name, in: id, presides: presides, excused: excused, actor: actor)
    }

    /// Removes a member from an open session (a closed session's jury is part of its PV).
    public func removeJuryMember(named name: String, from id: JurySessionID, actor: Actor) throws {
        try database.removeJuryMember(named: name, from: id, actor: actor)
    }

    /// The review of every convoked candidate, in candidate id order.
    public func reviews(_ id: JurySessionID) throws -> [JuryReview] {
        try Context(id, database).reviews(database)
    }

    /// What a convocation did: who was convoked, who was left out and why.
    public struct Convocation: Sendable {
        public var added: Int
        public var total: Int
        /// Candidates of a cohort left out: on a route the fiche does not open (no jury can sit
        /// for them), or already holding the title (nothing left to decide).
        public var closedRoute: [CandidateID]
        public var titleHolders: [CandidateID]
    }

    /// Convokes candidates by id (each must be on a route the fiche opens and not yet hold the
    /// title on the session date) or a whole cohort (the others are left out and named).
    public func convoke(_ id: JurySessionID, candidates: [CandidateID], cohort: String?,
                               actor: Actor) throws -> Convocation {
        let context = try Context(id, database)
        let session = try context.openSession()
        let referentiel = context.referentiel
        let records: [CandidateRecord]
        if let cohort {
            records = try database.candidateRecords(cohort: cohort)
            guard !records.isEmpty else { throw JuryError.unknownCohort(cohort) }
        } else {
            records = try candidates.map { id in
                guard let record = try database.candidateRecord(id) else { throw StoreError.unknownCandidate(id) }
                return record
            }
        }
        var accepted: [CandidateID] = []
        var closedRoute: [CandidateID] = []
        var titleHolders: [CandidateID] = []
        for record in records {
            let candidate = record.candidate.id
            // Another certification's candidate: the store refuses it with its own message.
            guard record.enrolment.certification == session.certification else {
                accepted.append(candidate)
                continue
            }
            let route = record.enrolment.route
            if referentiel.route(route)?.allowed != true {
                guard cohort != nil else {
                    throw JuryError.routeClosed(candidate, route: referentiel.route(route)?.label ?? route.rawValue,
                                                session.certification)
                }
                closedRoute.append(candidate)
            } else if let awarded = VerdictEngine.verdict(for: record, referentiel: referentiel, asOf: session.date)
                .title.awardedOn {
                guard cohort != nil else { throw JuryError.titleAlreadyAwarded(candidate, on: awarded) }
                titleHolders.append(candidate)
            } else {
                accepted.append(candidate)
            }
        }
        let added = try database.convoke(accepted, to: id, actor: actor)
        return Convocation(added: added, total: try database.jurySession(id).convoked.count,
                           closedRoute: closedRoute, titleHolders: titleHolders)
    }

    /// Checks a decisions file against the session and records it, all or nothing.
    @discardableResult
    public func decide(_ id: JurySessionID, file: String, asOf today: Day,
                              actor: Actor) throws -> [SessionDecision] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputError(SourceLocation(file: file), "fichier introuvable ou illisible.")
        }
        return try decide(id, sheet: file, bytes: [UInt8](data), asOf: today, actor: actor)
    }

    /// Checks a decisions sheet (the CSV of `jury decide`; `sheet` names it in errors) against
    /// the session and records it, all or nothing. Returns what was recorded: the sheet's
    /// decisions and the block validations its titles imply.
    @discardableResult
    public func decide(_ id: JurySessionID, sheet file: String, bytes: [UInt8], asOf today: Day,
                       actor: Actor) throws -> [SessionDecision] {
        let context = try Context(id, database)
        try context.sitting(today)
        let reviews = try context.reviews(database)
        let sheet = try DecisionSheetReader(check: try context.decisionCheck(reviews, database)).read(file: file, bytes: bytes)
        // The title rule on whatever lines could be read, worded at each refused title's line,
        // reported with the bad lines in one pass.
        let (implied, refusals) = try titleRule(sheet.decisions, context, reviews: reviews)
        let refused = refusals.map {
            InputError(sheet.location(of: DecisionSlot($0.candidate, .title)) ?? SourceLocation(file: file), $0.message)
        }
        guard sheet.problems.isEmpty && refused.isEmpty else {
            let all = (sheet.problems + refused).enumerated().sorted {
                ($0.element.location.line ?? 0, $0.offset) < ($1.element.location.line ?? 0, $1.offset)
            }.map(\.element)
            throw InputErrors(all, total: sheet.problemCount + refused.count, conclusion: DecisionSheetReader.conclusion)
        }
        try database.recordDecisions(sheet.decisions + implied, in: id, actor: actor)
        return sheet.decisions + implied
    }

    /// Records decisions given as values (the web's decision form), all or nothing: each checked
    /// as a sheet's line is (SessionDecisionCheck), then the title rule. Refusals carry their
    /// field, for the form to show them where they belong.
    @discardableResult
    public func decide(_ id: JurySessionID, decisions: [SessionDecision], asOf today: Day,
                       actor: Actor) throws -> [SessionDecision] {
        let context = try Context(id, database)
        try context.sitting(today)
        let reviews = try context.reviews(database)
        let check = try context.decisionCheck(reviews, database)
        var problems: [DecisionProblem] = decisions.compactMap { d in
            switch check.proposal(for: d.candidate) {
            case .success(let proposal): return check.problem(d, proposal: proposal)
            case .failure(let problem): return problem
            }
        }
        let (implied, refusals) = try titleRule(decisions, context, reviews: reviews)
        problems += refusals.map {
            DecisionProblem(candidate: $0.candidate, component: .title, field: .decision, message: $0.message)
        }
        guard problems.isEmpty else { throw DecisionsRefused(problems: problems) }
        try database.recordDecisions(decisions + implied, in: id, actor: actor)
        return decisions + implied
    }

    /// What accepting the proposals did.
    public struct ProposalsAccepted: Sendable {
        /// Decisions recorded.
        public var recorded: Int
        /// Titles left without a decision: the jury already departed from the proposal on a
        /// block the title rests on, so the title is theirs to decide (with its motive).
        public var titlesLeft: [TitleDecisionRule.Refusal]
    }

    /// Records the proposal, to the letter, for every component of every convoked candidate
    /// that has no decision yet (decisions already entered are kept). Never refused for what it
    /// proposes: a proposed title that the decisions already entered no longer allow is left
    /// undecided and named.
    @discardableResult
    public func acceptProposals(_ id: JurySessionID, asOf today: Day,
                                       actor: Actor) throws -> ProposalsAccepted {
        let context = try Context(id, database)
        try context.sitting(today)
        let reviews = try context.reviews(database)
        let decided = Set(try database.draftDecisions(id).map(\.slot))
        var decisions = reviews.flatMap { review in
            review.proposal.decisions
                .filter { component, _ in !decided.contains(DecisionSlot(review.record.candidate.id, component)) }
                .map { component, kind in
                    SessionDecision(candidate: review.record.candidate.id, component: component, decision: kind,
                                    motive: nil)
                }
        }
        // The rule once: the refused titles are dropped, the others' implied blocks recorded.
        let (implied, refusals) = try titleRule(decisions, context, reviews: reviews)
        let left = Set(refusals.map(\.candidate))
        decisions.removeAll { $0.component == .title && left.contains($0.candidate) }
        try database.recordDecisions(decisions + implied, in: id, actor: actor)
        return ProposalsAccepted(recorded: decisions.count + implied.count, titlesLeft: refusals)
    }

    /// Every decision of an open session is written here, whichever way it came: the title rule
    /// (TitleDecisionRule) for each candidate, with the session's drafts, and the block
    /// validations a title `valide` implies, in one write.
    private func record(_ new: [SessionDecision], _ context: Context, reviews: [JuryReview],
                        actor: Actor) throws -> [SessionDecision] {
        let (implied, refusals) = try titleRule(new, context, reviews: reviews)
        guard refusals.isEmpty else { throw TitleDecisionsRefused(refusals: refusals) }
        try database.recordDecisions(new + implied, in: context.id, actor: actor)
        return new + implied
    }

    /// TitleDecisionRule for every candidate `new` decides for, with the session's drafts:
    /// the block validations implied, and the titles refused.
    private func titleRule(_ new: [SessionDecision], _ context: Context, reviews: [JuryReview]) throws
        -> (implied: [SessionDecision], refusals: [TitleDecisionRule.Refusal]) {
        let replaced = Set(new.map(\.slot))
        let standing = try database.draftDecisions(context.id).filter { !replaced.contains($0.slot) } + new
        let byCandidate = Dictionary(grouping: standing, by: \.candidate)
        let records = Dictionary(reviews.map { ($0.record.candidate.id, $0.record) }, uniquingKeysWith: { a, _ in a })
        var implied: [SessionDecision] = []
        var refusals: [TitleDecisionRule.Refusal] = []
        for candidate in Set(new.map(\.candidate)).sorted(by: { $0.rawValue < $1.rawValue }) {
            // A candidate not convoked is refused by the store, with its own message.
            guard let record = records[candidate] else { continue }
            switch TitleDecisionRule.impliedBlocks(of: byCandidate[candidate] ?? [], record: record,
                                                   referentiel: context.referentiel, sessionDate: context.session.date) {
            case .success(let blocks): implied += blocks
            case .failure(let refusal): refusals.append(refusal)
            }
        }
        return (implied, refusals)
    }

    /// Closes the session once it has sat (`today` on or after its date), the composition is
    /// met for every candidate and every convoked candidate has a decision; otherwise says
    /// everything that stands in the way.
    public func close(_ id: JurySessionID, asOf today: Day, actor: Actor) throws {
        let context = try Context(id, database)
        let session = try context.openSession()
        try context.sitting(today)
        let decided = Set(try database.draftDecisions(id).map(\.candidate))
        var problems: [String] = []
        if session.convoked.isEmpty { problems.append("aucun candidat n'est convoqué.") }
        for review in try context.reviews(database) {
            let candidate = review.record.candidate.id
            for problem in review.composition.problems { problems.append("\(candidate) : \(problem)") }
            if !decided.contains(candidate) { problems.append("\(candidate) : aucune décision enregistrée.") }
        }
        guard problems.isEmpty else { throw CloseRefused(session: id, problems: problems) }
        try database.closeJurySession(id, actor: actor)
    }

    /// Revokes the decision in force for a candidate's component. On a closed session it is
    /// an amendment of that session's decision, dated `revocation.date`; on an open session it
    /// is one of its decisions, revoking the one in force from an earlier session (or decisions.csv).
    @discardableResult
    public func revoke(_ revocation: Revocation, in id: JurySessionID, actor: Actor) throws -> Revocation.Outcome {
        let r = revocation
        let context = try Context(id, database)
        let session = context.session
        if case .block(let code) = r.component, context.referentiel.block(code) == nil {
            throw JuryError.unknownBlock(code, session.certification)
        }
        if session.isClosed {
            return .amendment(decision: try database.amendDecision(
                in: id, candidate: r.candidate, component: r.component, decision: r.decision, reason: r.reason,
                date: r.date, actor: actor))
        }
        let reason = r.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw StoreError.emptyReason }
        try context.sitting(r.date)
        guard session.convoked.contains(r.candidate) else { throw JuryError.notConvoked(r.candidate, id) }
        guard let revoked = try database.decisionInForce(r.candidate, r.component) else {
            throw JuryError.nothingToRevoke(r.candidate, component: r.component.fileValue, nil)
        }
        _ = try record([SessionDecision(candidate: r.candidate, component: r.component, decision: r.decision,
                                        motive: reason, revokes: revoked, revocationReason: reason)],
                       context, reviews: try context.reviews(database), actor: actor)
        return .pending(revokes: revoked)
    }

    /// Runs `body` on the minutes of a closed session on `asOf` (the amendments dated up to
    /// then) and its rows, read from one snapshot: the one reading of the decisions in force
    /// behind the PV, the notifications and the parchemins. `candidate`: that one's row only.
    /// The rows are computed as they are read, a page of candidates at a time, and valid inside
    /// `body` only.
    public func withMinutes<T>(_ id: JurySessionID, asOf: Day, candidate: CandidateID? = nil,
                               _ body: (JuryMinutes, JuryMinutes.Rows) throws -> T) throws -> T {
        try reading(id, draft: false, asOf: asOf, candidate: candidate, body)
    }

    /// The *projet de PV* of a session still open: the decisions entered so far, as if the
    /// session closed on its date. It counts for nothing and is marked so on every page.
    public func withDraftMinutes<T>(_ id: JurySessionID, _ body: (JuryMinutes, JuryMinutes.Rows) throws -> T) throws -> T {
        try reading(id, draft: true, asOf: nil, candidate: nil, body)
    }

    /// A closed session's minutes on `asOf`, or an open one's draft on its date.
    private func reading<T>(_ id: JurySessionID, draft: Bool, asOf: Day?, candidate: CandidateID?,
                            _ body: (JuryMinutes, JuryMinutes.Rows) throws -> T) throws -> T {
        let context = try Context(id, database)
        if draft {
            guard !context.session.isClosed else { throw JuryError.sessionClosed(id) }
        } else {
            guard context.session.isClosed else { throw JuryError.sessionOpen(id) }
        }
        let profile = try certifierProfile(for: context.referentiel)
        let date = context.session.date
        return try database.readSession(id) { snapshot in
            let minutes = JuryMinutes(session: snapshot.session, referentiel: context.referentiel, asOf: asOf ?? date,
                                      profile: profile, isDraft: draft)
            return try body(minutes, JuryMinutes.Rows { each in
                try snapshot.forEachConvoked(only: candidate) { convoked in
                    let (record, decisions) = draft ? Self.drafted(convoked, on: date) : (convoked.record, convoked.decisions)
                    try each(try minutes.row(for: record, decisions: decisions) {
                        CompetenceGaps.toAcquire(try snapshot.history(of: record.candidate.id))
                    })
                }
            })
        }
    }

    /// A convoked candidate's record with the open session's drafts as if decided on its date.
    /// Drafts take negative ids, which no recorded decision has.
    private static func drafted(_ convoked: ConvokedCandidate, on date: Day)
        -> (record: CandidateRecord, decisions: [RecordedSessionDecision]) {
        let drafts = convoked.drafts.enumerated().map { i, draft in
            RecordedSessionDecision(id: -Int64(i + 1), date: date, decision: draft)
        }
        var record = convoked.record
        record.decisions += drafts.map {
            JuryDecision(id: $0.id, component: $0.decision.component, decision: $0.decision.decision, date: date,
                         revokes: $0.decision.revokes)
        }
        return (record, drafts)
    }

    /// Writes the projet de PV; it is not a document issued (no number, nothing recorded).
    public func writeDraftMinutes(_ id: JurySessionID, pdf: String) throws {
        try withDraftMinutes(id) { minutes, rows in _ = try MinutesPDF.write(minutes, rows: rows, to: pdf) }
    }

    /// Writes the PV (and its CSV twin): both or neither. Each PV written is a document issued:
    /// numbered `PV-<fiche>-<session>-<n>` on every page, its SHA-256 recorded with the number and
    /// in the audit trail. Returns what the PV counted.
    ///
    /// Both files are drawn beside their destinations under temporary names, then issued and put
    /// in place in one transaction: a failure spends no number and leaves nothing; when another
    /// PV of the session took the number meanwhile, they are drawn again under the next one.
    @discardableResult
    public func writeMinutes(_ id: JurySessionID, pdf: String, csv: String?, asOf: Day,
                             actor: Actor) throws -> (summary: MinutesSummary, document: IssuedDocument) {
        let referentiel = try Context(id, database).referentiel
        let prefix = "PV-\(referentiel.code)-\(id)"
        let scratch = ".partiel-\(UUID().uuidString)"
        defer {
            try? FileManager.default.removeItem(atPath: pdf + scratch)
            if let csv { try? FileManager.default.removeItem(atPath: csv + scratch) }
        }
        for _ in 1...5 {
            let number = try database.nextDocumentNumber(prefix: prefix)
            let summary = try withMinutes(id, asOf: asOf) { minutes, rows in
                // The CSV twin in the pass that counts the rows for the PV.
                let twin = try csv.map { csv in
                    try Self.naming(csv) { try MinutesCSV.Writer(minutes, to: csv + scratch) }
                }
                do {
                    let (summary, _) = try MinutesPDF.write(minutes, rows: rows, to: pdf + scratch, number: number) { row in
                        if let csv, let twin { try Self.naming(csv) { try twin.add(row) } }
                    }
                    if let csv, let twin { try Self.naming(csv) { try twin.finish() } }
                    return summary
                } catch {
                    twin?.discard()
                    guard var refused = error as? PDFError else { throw error }
                    refused.path = pdf  // the person named that file, not its temporary twin
                    throw refused
                }
            }
            let issued = try database.issueDocument(number: number, prefix: prefix, kind: "pv", subject: "session \(id)",
                                                    file: pdf + scratch, actor: actor) {
                try Self.place(pdf + scratch, at: pdf)
                if let csv {
                    do {
                        try Self.place(csv + scratch, at: csv)
                    } catch {
                        try? FileManager.default.removeItem(atPath: pdf)
                        throw error
                    }
                }
            }
            if let issued { return (summary, issued) }
        }
        throw JuryError.documentNumberBusy(prefix)
    }

    /// Runs `write`, a failure to write the CSV twin worded for the file the person named.
    private static func naming<T>(_ csv: String, _ write: () throws -> T) throws -> T {
        do {
            return try write()
        } catch {
            throw InputError(SourceLocation(file: csv), "impossible d'écrire le fichier CSV ; rien n'a été écrit.")
        }
    }

    /// Moves a file drawn under a temporary name to where it goes, replacing what is there.
    private static func place(_ scratch: String, at path: String) throws {
        guard rename(scratch, path) == 0 else {
            throw InputError(SourceLocation(file: path), "impossible d'écrire le fichier ; rien n'a été écrit.")
        }
    }

    /// Writes the PV's CSV twin alone (not a document issued: the PDF is).
    public func writeMinutesCSV(_ id: JurySessionID, to path: String, asOf: Day) throws {
        try withMinutes(id, asOf: asOf) { minutes, rows in try MinutesCSV.write(minutes, rows: rows, to: path) }
    }

    /// One notification letter per convoked candidate of a closed session, in `folder`;
    /// returns the files written.
    public func writeNotifications(_ id: JurySessionID, folder: String, asOf: Day) throws -> [String] {
        var written: [String] = []
        do {
            try withMinutes(id, asOf: asOf) { minutes, rows in
                try rows.forEach { row in
                    let path = (folder as NSString).appendingPathComponent("notification-\(id)-\(row.candidate.id).pdf")
                    try NotificationPDF.write(minutes, row: row, to: path)
                    written.append(path)
                }
            }
        } catch {
            for path in written { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
        return written
    }

    /// The notification of one convoked candidate of a closed session.
    public func writeNotification(_ id: JurySessionID, candidate: CandidateID, pdf: String, asOf: Day) throws {
        try withMinutes(id, asOf: asOf, candidate: candidate) { minutes, rows in
            try rows.forEach { try NotificationPDF.write(minutes, row: $0, to: pdf) }
        }
    }

    /// A candidate's record ready for an attestation or a parchemin issued on `day`.
    public func candidateDocument(_ candidate: CandidateID, issuedOn day: Day,
                                  place: String?) throws -> CandidateDocument {
        guard let record = try database.candidateRecord(candidate) else { throw StoreError.unknownCandidate(candidate) }
        guard let referentiel = try database.referentiels()[record.enrolment.certification] else {
            throw StoreError.unknownCertification(record.enrolment.certification)
        }
        // Made where the certifier signs (its profile's town), else where the candidate's jury sat.
        let profile = try certifierProfile(for: referentiel)
        let lastPlace = try database.lastClosedSessionPlace(of: candidate)
        return CandidateDocument(record: record, referentiel: referentiel, issuedOn: day,
                                 issuedAt: place ?? profile?.city ?? lastPlace ?? referentiel.certifiers.first?.legalName ?? "—",
                                 profile: profile)
    }

    public static func writeAttestation(_ document: CandidateDocument, to path: String) throws {
        guard !document.acquiredBlocks.isEmpty else { throw DocumentRefused.nothingAcquired(document.candidate.id) }
        try AttestationPDF.write(document, to: path)
    }
}

/// Decisions given as values refused, each with its field (SessionDecisionCheck, TitleDecisionRule).
public struct DecisionsRefused: UserFacingError, Equatable {
    public var problems: [DecisionProblem]

    public var message: String {
        (problems.map(\.message) + [DecisionSheetReader.conclusion]).joined(separator: "\n")
    }
}

/// Title decisions the fiche does not allow (TitleDecisionRule), every one at once.
public struct TitleDecisionsRefused: UserFacingError, Equatable {
    public var refusals: [TitleDecisionRule.Refusal]

    public var message: String {
        (refusals.map(\.message) + ["Aucune décision n'a été enregistrée."]).joined(separator: "\n")
    }
}

/// `jury close` refused: every reason, one per line.
public struct CloseRefused: UserFacingError, Equatable {
    public var session: JurySessionID
    public var problems: [String]

    public var message: String {
        (["la session n° \(session) ne peut être close :"] + problems.map { "  - " + $0 }
            + ["Rien n'a été modifié."]).joined(separator: "\n")
    }
}
