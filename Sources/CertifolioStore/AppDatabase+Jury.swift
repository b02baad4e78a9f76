import CertifolioCore
import GRDB

extension AppDatabase {
    /// Opens a jury session for a certification.
    public func createJurySession(certification: CertificationCode, date: Day, place: String,
                                  actor: Actor) throws -> JurySessionID {
        let place = place.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !place.isEmpty else { throw JuryError.emptyPlace }
        return try writer.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT COUNT(*) FROM certification WHERE code = ?",
                                    arguments: [certification]) ?? false else {
                throw StoreError.unknownCertification(certification)
            }
            try db.execute(sql: "INSERT INTO jury_session (certification, date, place, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [certification, date, place, Timestamp.now()])
            let id = JurySessionID(db.lastInsertedRowID)
            try AuditLog.append(db, actor: actor, action: "jury.create", subject: "session \(id)",
                                details: ["certification": certification.rawValue, "date": date.iso, "place": place])
            return id
        }
    }

    /// Adds a member; the role must be one of the référentiel's jury roles.
    public func addJuryMember(_ member: JuryMember, to id: JurySessionID, actor: Actor) throws {
        let name = member.name.trimmingCharacters(in: .whitespacesAndNewlines)
        // A name of signs only ("%", "--") has no letter to find the person by in the directory.
        guard !PersonName(name).key.isEmpty else { throw JuryError.emptyName }
        try writer.write { db in
            let session = try JuryRows.openSession(id, db)
            let roles = try JuryRoleID.fetchAll(db, sql: "SELECT id FROM jury_role WHERE certification = ? ORDER BY position",
                                            arguments: [session.certification])
            guard roles.contains(member.role) else {
                throw JuryError.unknownRole(member.role, session.certification, known: roles)
            }
            if session.members.contains(where: { $0.name == name }) { throw JuryError.memberAlreadyThere(name, id) }
            // Every member is a person of the directory, found by name however typed, or added.
            let (person, isNew) = try JuryDirectory.personID(named: name, external: member.external, db)
            if try Bool.fetchOne(db, sql: "SELECT COUNT(*) FROM jury_member WHERE session_id = ? AND person_id = ?",
                                 arguments: [id, person]) ?? false {
                throw JuryError.memberAlreadyThere(name, id)
            }
            try db.execute(sql: """
                INSERT INTO jury_member (session_id, name, role, external, person_id) VALUES (?, ?, ?, ?, ?)
                """, arguments: [id, name, member.role, member.external, person])
            try AuditLog.append(db, actor: actor, action: "jury.member", subject: "session \(id)",
                                details: ["role": member.role.rawValue,
                                          "external": member.external ? "oui" : "non",
                                          "person": String(person) + (isNew ? " (nouvelle)" : "")])
            if member.presides || member.excused {
                try JuryRows.setStanding(of: name, in: JuryRows.openSession(id, db), presides: member.presides,
                                         excused: member.excused, actor: actor, db)
            }
        }
    }

    /// Records a member's attendance and whether they preside (one president per session; the
    /// session designates one only when the fiche names no presiding role).
    public func setJuryMemberStanding(named name: String, in id: JurySessionID, presides: Bool, excused: Bool,
                                      actor: Actor) throws {
        try writer.write { db in
            try JuryRows.setStanding(of: name, in: JuryRows.openSession(id, db), presides: presides, excused: excused,
                                     actor: actor, db)
        }
    }

    /// Removes a member from an open session (a closed session's jury is part of its PV).
    public func removeJuryMember(named name: String, from id: JurySessionID, actor: Actor) throws {
        try writer.write { db in
            let session = try JuryRows.openSession(id, db)
            guard let member = session.members.first(where: { $0.name == name }) else {
                throw JuryError.unknownMember(name, id)
            }
            let person = try Int64?.fetchOne(db, sql: "SELECT person_id FROM jury_member WHERE session_id = ? AND name = ?",
                                             arguments: [id, member.name]) ?? nil
            try db.execute(sql: "DELETE FROM jury_member WHERE session_id = ? AND name = ?",
                           arguments: [id, member.name])
            if let person { try JuryDirectory.forgetIfUnused(person, db) }
            try AuditLog.append(db, actor: actor, action: "jury.member.remove", subject: "session \(id)",
                                details: ["person": person.map(String.init) ?? "", "role": member.role.rawValue])
        }
    }

    /// Convokes candidates of the session's certification; returns how many were newly convoked
    /// (convoking a candidate twice is harmless).
    @discardableResult
    public func convoke(_ candidates: [CandidateID], to id: JurySessionID, actor: Actor) throws -> Int {
        try writer.write { db in
            let session = try JuryRows.openSession(id, db)
            var seen = Set(session.convoked)
            var added: [CandidateID] = []
            for candidate in candidates where seen.insert(candidate).inserted {
                guard let certification = try String.fetchOne(
                    db, sql: "SELECT certification FROM enrolment WHERE candidate_id = ?", arguments: [candidate])
                else { throw StoreError.unknownCandidate(candidate) }
                guard certification == session.certification.rawValue else {
                    throw JuryError.otherCertification(candidate, enrolled: CertificationCode(certification),
                                                       session: session.certification)
                }
                try db.execute(sql: "INSERT INTO jury_convocation (session_id, candidate_id, convoked_at) VALUES (?, ?, ?)",
                               arguments: [id, candidate, Timestamp.now()])
                added.append(candidate)
            }
            if !added.isEmpty {
                try AuditLog.append(db, actor: actor, action: "jury.convoke", subject: "session \(id)",
                                    details: ["candidates": added.map(\.rawValue).joined(separator: " ")])
            }
            return added.count
        }
    }

    /// The place of the latest closed session a candidate was convoked to: where their
    /// documents are issued by default.
    public func lastClosedSessionPlace(of candidate: CandidateID) throws -> String? {
        try writer.read { db in
            try String.fetchOne(db, sql: """
                SELECT s.place FROM jury_session s JOIN jury_convocation c ON c.session_id = s.id
                WHERE c.candidate_id = ? AND s.closed_at IS NOT NULL ORDER BY s.date DESC, s.id DESC LIMIT 1
                """, arguments: [candidate])
        }
    }

    /// A session with its members and convoked candidates.
    public func jurySession(_ id: JurySessionID) throws -> JurySession {
        try writer.read { db in try JuryRows.session(id, db) }
    }

    /// Every session, latest first.
    public func jurySessions() throws -> [JurySession] {
        try writer.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM jury_session ORDER BY date DESC, id DESC")
                .map { try JuryRows.session(JurySessionID($0), db) }
        }
    }

    /// The records of the candidates convoked to a session, sorted by candidate id.
    public func candidateRecords(session id: JurySessionID) throws -> [CandidateRecord] {
        try writer.read { db in try RecordLoader.load(db, .session(id.rawValue)) }
    }

    /// Decisions entered in an open session and not yet closed into the record.
    public func draftDecisions(_ id: JurySessionID) throws -> [SessionDecision] {
        try writer.read { db in try JuryRows.drafts(id, db) }
    }

    /// Decisions recorded for good by a closed session, amendments included, in recording order.
    public func sessionDecisions(_ id: JurySessionID) throws -> [RecordedSessionDecision] {
        try writer.read { db in
            _ = try JuryRows.session(id, db)
            return try JuryRows.RecordedDecision.fetchAll(db, sql: """
                SELECT id, date, candidate_id, component, decision, motive, revokes_decision_id, revocation_reason
                FROM jury_decision WHERE session_id = ? ORDER BY id
                """, arguments: [id]).map(\.value)
        }
    }

    /// Records decisions in an open session, all or nothing. A decision entered again for the
    /// same candidate and component replaces the earlier draft. The caller has checked them
    /// against the proposals; the store checks the session is open and the candidates convoked.
    public func recordDecisions(_ decisions: [SessionDecision], in id: JurySessionID, actor: Actor) throws {
        try writer.write { db in
            let session = try JuryRows.openSession(id, db)
            let convoked = Set(session.convoked)
            let now = Timestamp.now()
            for d in decisions {
                guard convoked.contains(d.candidate) else { throw JuryError.notConvoked(d.candidate, id) }
                try db.execute(sql: """
                    INSERT INTO jury_draft_decision (session_id, candidate_id, component, decision, motive,
                        revokes_decision_id, revocation_reason, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (session_id, candidate_id, component) DO UPDATE SET decision = excluded.decision,
                        motive = excluded.motive, revokes_decision_id = excluded.revokes_decision_id,
                        revocation_reason = excluded.revocation_reason, recorded_at = excluded.recorded_at
                    """, arguments: [id, d.candidate, d.component, d.decision,
                                     d.motive, d.revokes, d.revocationReason, now])
                var details = ["candidate": d.candidate.rawValue, "component": d.component.fileValue,
                               "decision": d.decision.rawValue]
                if let motive = d.motive { details["motive"] = motive }
                if let revoked = d.revokes { details["revokes"] = String(revoked) }
                if let reason = d.revocationReason { details["revocation_reason"] = reason }
                try AuditLog.append(db, actor: actor, action: d.revokes == nil ? "jury.decide" : "jury.revoke",
                                    subject: "session \(id)", details: details)
            }
        }
    }

    /// Closes a session: its decisions enter the record, dated the session date, and the
    /// session is locked. Refused while a convoked candidate has no decision. The composition
    /// (a rule of the fiche) is checked by the caller before.
    public func closeJurySession(_ id: JurySessionID, actor: Actor) throws {
        try writer.write { db in
            let session = try JuryRows.openSession(id, db)
            let drafts = try JuryRows.drafts(id, db)
            let decided = Set(drafts.map(\.candidate))
            let undecided = session.convoked.filter { !decided.contains($0) }
            guard undecided.isEmpty else { throw JuryError.undecided(undecided, id) }
            let now = Timestamp.now()
            for d in drafts {
                try db.execute(sql: """
                    INSERT INTO jury_decision (candidate_id, component, decision, date, motive, revokes_decision_id,
                        revocation_reason, session_id, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [d.candidate, d.component, d.decision, session.date,
                                     d.motive, d.revokes, d.revocationReason, id, now])
            }
            try db.execute(sql: "DELETE FROM jury_draft_decision WHERE session_id = ?", arguments: [id])
            try db.execute(sql: "UPDATE jury_session SET closed_at = ? WHERE id = ?", arguments: [now, id])
            try AuditLog.append(db, actor: actor, action: "jury.close", subject: "session \(id)", details: [
                "candidates": String(session.convoked.count), "decisions": String(drafts.count),
                "members": try JuryRows.memberPersons(id, db),
            ])
        }
    }

    /// An amendment (avenant) to a closed session: a new decision, dated `date`, revoking the
    /// session's decision in force for this candidate and component, with the reason.
    @discardableResult
    public func amendDecision(in id: JurySessionID, candidate: CandidateID, component: DecisionComponent,
                              decision: DecisionKind, reason: String, date: Day, actor: Actor) throws -> Int64 {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw StoreError.emptyReason }
        return try writer.write { db in
            let session = try JuryRows.session(id, db)
            guard session.isClosed else { throw JuryError.sessionOpen(id) }
            guard !(date < session.date) else { throw JuryError.amendmentBeforeSession(date, session: session.date) }
            guard let revoked = try JuryRows.decisionInForce(candidate, component, session: id, db) else {
                throw JuryError.nothingToRevoke(candidate, component: component.fileValue, id)
            }
            try db.execute(sql: """
                INSERT INTO jury_decision (candidate_id, component, decision, date, revokes_decision_id,
                    revocation_reason, session_id, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [candidate, component, decision, date, revoked, reason,
                                 id, Timestamp.now()])
            let newID = db.lastInsertedRowID
            try AuditLog.append(db, actor: actor, action: "jury.amend", subject: "session \(id)", details: [
                "candidate": candidate.rawValue, "component": component.fileValue, "decision": decision.rawValue,
                "revokes": String(revoked), "date": date.iso, "new_decision": String(newID),
            ])
            return newID
        }
    }

    /// The decision in force for a candidate's component (recorded for good, not revoked),
    /// from any source: what a revocation in a new session revokes.
    public func decisionInForce(_ candidate: CandidateID, _ component: DecisionComponent) throws -> Int64? {
        try writer.read { db in try JuryRows.decisionInForce(candidate, component, session: nil, db) }
    }
}

/// Reading sessions and decisions back: rows decoded by column name into the domain's values.
enum JuryRows {
    /// The session's members as the audit trail names them: directory person ids with roles.
    static func memberPersons(_ id: JurySessionID, _ db: Database) throws -> String {
        try Row.fetchAll(db, sql: "SELECT person_id, role FROM jury_member WHERE session_id = ? ORDER BY person_id",
                         arguments: [id]).map { row -> String in
            let person: Int64? = row["person_id"]
            return "personne \(person.map(String.init) ?? "?") (\(row["role"] as String))"
        }.joined(separator: "; ")
    }

    /// The open sessions a candidate is convoked to: day and place, earliest first.
    static func openConvocations(_ candidate: CandidateID, _ db: Database) throws -> [(date: Day, place: String)] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT s.date, s.place FROM jury_session s JOIN jury_convocation c ON c.session_id = s.id
            WHERE c.candidate_id = ? AND s.closed_at IS NULL ORDER BY s.date, s.id
            """), arguments: [candidate]).map { (try $0.decode(forColumn: "date"), try $0.decode(forColumn: "place")) }
    }

    /// A `jury_session` row.
    struct SessionRow: FetchableRecord {
        var certification: CertificationCode
        var date: Day
        var place: String
        var closedAt: String?

        init(row: Row) throws {
            certification = try row.decode(forColumn: "certification")
            date = try row.decode(forColumn: "date")
            place = try row.decode(forColumn: "place")
            closedAt = try row.decode(forColumn: "closed_at")
        }
    }

    /// A `jury_member` row.
    struct MemberRow: FetchableRecord {
        var value: JuryMember

        init(row: Row) throws {
            value = JuryMember(name: try row.decode(forColumn: "name"), role: try row.decode(forColumn: "role"),
                               external: try row.decode(forColumn: "external"),
                               presides: try row.decode(forColumn: "presides"), excused: try row.decode(forColumn: "excused"),
                               account: try row.decode(forColumn: "account_id"))
        }
    }

    static func setStanding(of name: String, in session: JurySession, presides: Bool, excused: Bool, actor: Actor,
                            _ db: Database) throws {
        guard let member = session.members.first(where: { $0.name == name }) else {
            throw JuryError.unknownMember(name, session.id)
        }
        if presides {
            guard !excused else { throw JuryError.excusedCannotPreside(name) }
            let named = Set(try JuryRoleID.fetchAll(db, sql: """
                SELECT jury_president FROM access_route WHERE certification = ? AND jury_president IS NOT NULL
                """, arguments: [session.certification]))
            if let role = named.first {
                let label = try String.fetchOne(db, sql: "SELECT label FROM jury_role WHERE certification = ? AND id = ?",
                                                arguments: [session.certification, role])
                throw JuryError.presidentNamedByFiche(role: label ?? role.rawValue, session.certification)
            }
            try db.execute(sql: "UPDATE jury_member SET presides = 0 WHERE session_id = ? AND presides = 1 AND name <> ?",
                           arguments: [session.id, name])
        }
        guard member.presides != presides || member.excused != excused else { return }
        try db.execute(sql: "UPDATE jury_member SET presides = ?, excused = ? WHERE session_id = ? AND name = ?",
                       arguments: [presides, excused, session.id, name])
        let person = try Int64.fetchOne(db, sql: "SELECT person_id FROM jury_member WHERE session_id = ? AND name = ?",
                                        arguments: [session.id, name])
        try AuditLog.append(db, actor: actor, action: "jury.member.standing", subject: "session \(session.id)",
                            details: ["person": person.map(String.init) ?? "", "presides": presides ? "oui" : "non",
                                      "attendance": excused ? "excusé" : "présent"])
    }

    /// A decision's columns, in `jury_draft_decision` and `jury_decision` alike.
    struct DecisionRow: FetchableRecord {
        var value: SessionDecision

        init(row: Row) throws {
            value = SessionDecision(candidate: try row.decode(forColumn: "candidate_id"),
                                    component: try row.decode(forColumn: "component"),
                                    decision: try row.decode(forColumn: "decision"),
                                    motive: try row.decode(forColumn: "motive"),
                                    revokes: try row.decode(forColumn: "revokes_decision_id"),
                                    revocationReason: try row.decode(forColumn: "revocation_reason"))
        }
    }

    /// A `jury_decision` row with its id and date.
    struct RecordedDecision: FetchableRecord {
        var value: RecordedSessionDecision

        init(row: Row) throws {
            value = RecordedSessionDecision(id: try row.decode(forColumn: "id"), date: try row.decode(forColumn: "date"),
                                            decision: try DecisionRow(row: row).value)
        }
    }

    static func session(_ id: JurySessionID, _ db: Database) throws -> JurySession {
        guard let row = try SessionRow.fetchOne(db, sql: """
            SELECT certification, date, place, closed_at FROM jury_session WHERE id = ?
            """, arguments: [id]) else {
            throw JuryError.unknownSession(id)
        }
        let members = try MemberRow.fetchAll(db, sql: """
            SELECT m.name, m.role, m.external, m.presides, m.excused, p.account_id FROM jury_member m
            LEFT JOIN jury_person p ON p.id = m.person_id WHERE m.session_id = ? ORDER BY m.id
            """, arguments: [id]).map(\.value)
        let convoked = try CandidateID.fetchAll(db, sql: """
            SELECT candidate_id FROM jury_convocation WHERE session_id = ? ORDER BY candidate_id
            """, arguments: [id])
        return JurySession(id: id, certification: row.certification, date: row.date, place: row.place,
                           members: members, convoked: convoked, closedAt: row.closedAt)
    }

    static func openSession(_ id: JurySessionID, _ db: Database) throws -> JurySession {
        let session = try session(id, db)
        guard !session.isClosed else { throw JuryError.sessionClosed(id) }
        return session
    }

    static func drafts(_ id: JurySessionID, _ db: Database) throws -> [SessionDecision] {
        try DecisionRow.fetchAll(db, sql: """
            SELECT candidate_id, component, decision, motive, revokes_decision_id, revocation_reason
            FROM jury_draft_decision WHERE session_id = ? ORDER BY candidate_id, component
            """, arguments: [id]).map(\.value)
    }

    /// The latest decision for this component that no other decision revokes (optionally only
    /// among one session's).
    static func decisionInForce(_ candidate: CandidateID, _ component: DecisionComponent, session: JurySessionID?,
                                _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: """
            SELECT d.id FROM jury_decision d
            WHERE d.candidate_id = ? AND d.component = ? AND (? IS NULL OR d.session_id = ?)
              AND NOT EXISTS (SELECT 1 FROM jury_decision r WHERE r.revokes_decision_id = d.id)
            ORDER BY d.date DESC, d.id DESC LIMIT 1
            """, arguments: [candidate, component, session, session])
    }
}
