import CertifolioCore
import GRDB

/// A convoked candidate as the documents of a session read them: their record and the
/// session's decisions about them, recorded for good (a closed session's, amendments included)
/// or entered and not yet closed (an open session's drafts).
public struct ConvokedCandidate: Sendable {
    public var record: CandidateRecord
    /// The session's recorded decisions about this candidate, in recording order.
    public var decisions: [RecordedSessionDecision]
    /// The session's drafts about this candidate, by component.
    public var drafts: [SessionDecision]
}

/// One session read from one snapshot of the database: a document of the session (the PV and
/// its CSV twin, the notifications, the parchemins) sees one state of the record, whatever is
/// written meanwhile. Valid only inside `AppDatabase.readSession`, which holds the snapshot.
public struct SessionSnapshot {
    fileprivate let db: Database
    public let session: JurySession

    /// The convoked candidates by id (or the one named), a page of `pageSize` in memory at a
    /// time: a session of a million candidates reads in the memory of a thousand.
    public func forEachConvoked(only candidate: CandidateID? = nil, pageSize: Int = 500,
                                _ body: (ConvokedCandidate) throws -> Void) throws {
        if let candidate {
            guard session.convoked.contains(candidate) else { throw JuryError.notConvoked(candidate, session.id) }
            for convoked in try page(.candidate(candidate)) { try body(convoked) }
            return
        }
        var last: String?
        while true {
            let page = try page(.sessionPage(session.id.rawValue, after: last, limit: pageSize))
            guard let final = page.last else { return }
            for convoked in page { try body(convoked) }
            last = final.record.candidate.id.rawValue
        }
    }

    /// A candidate's evaluations as recorded, with their grids (which competences remain): read
    /// apart, for the candidates a document says what remains to.
    public func history(of candidate: CandidateID) throws -> [EvaluationEntry] {
        try RecordLoader.history(candidate, db)
    }

    private func page(_ scope: RecordScope) throws -> [ConvokedCandidate] {
        let (filter, arguments) = scope.filter("candidate_id")
        let sessionArguments = arguments + [session.id.rawValue]
        // The unary `+` keeps SQLite on the candidates' index: by the session's, it went through
        // every decision of the session for each page (a million candidates took hours).
        let decisions = Dictionary(grouping: try JuryRows.RecordedDecision.fetchAll(db, sql: """
            SELECT id, date, candidate_id, component, decision, motive, revokes_decision_id, revocation_reason
            FROM jury_decision \(filter) AND +session_id = ? ORDER BY id
            """, arguments: sessionArguments).map(\.value), by: \.decision.candidate)
        let drafts = Dictionary(grouping: try JuryRows.DecisionRow.fetchAll(db, sql: """
            SELECT candidate_id, component, decision, motive, revokes_decision_id, revocation_reason
            FROM jury_draft_decision \(filter) AND session_id = ? ORDER BY candidate_id, component
            """, arguments: sessionArguments).map(\.value), by: \.candidate)
        return try RecordLoader.load(db, scope).map { record in
            let id = record.candidate.id
            return ConvokedCandidate(record: record, decisions: decisions[id] ?? [], drafts: drafts[id] ?? [])
        }
    }
}

extension AppDatabase {
    /// Runs `body` on one snapshot of a session and its convoked candidates.
    public func readSession<T>(_ id: JurySessionID, _ body: (SessionSnapshot) throws -> T) throws -> T {
        try writer.read { db in try body(SessionSnapshot(db: db, session: try JuryRows.session(id, db))) }
    }
}
