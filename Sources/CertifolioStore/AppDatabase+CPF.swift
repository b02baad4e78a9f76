import CertifolioCore
import GRDB

extension AppDatabase {
    /// The certifier's identifiers at the Caisse des Dépôts; nil until set.
    public func cpfSettings() throws -> CPFSettings? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM cpf_settings WHERE singleton = 1").map { row in
                CPFSettings(emitter: row["emitter"], certifier: row["certifier"], contract: row["contract"],
                            depositor: CPFDepositor(rawValue: row["depositor"]) ?? .certifier)
            }
        }
    }

    /// Records the settings (checked field by field), replacing the earlier ones; audited.
    public func setCPFSettings(_ settings: CPFSettings, actor: Actor) throws {
        let problems = settings.problems
        guard problems.isEmpty else { throw CPFSettingsRefused(problems) }
        try writer.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO cpf_settings (singleton, emitter, certifier, contract, depositor, updated_at)
                VALUES (1, ?, ?, ?, ?, ?)
                """, arguments: [settings.emitter, settings.certifier, settings.contract, settings.depositor.rawValue,
                                 Timestamp.now()])
            try AuditLog.append(db, actor: actor, action: "cpf.settings", subject: "certificateur", details: [
                "emitter": settings.emitter, "certifier": settings.certifier, "contract": settings.contract,
                "depositor": settings.depositor.rawValue,
            ])
        }
    }

    /// Every award in force on `asOf` (a title `valide` decision dated then or before, not
    /// revoked), with its passage's status, the most urgent first: by the declaration's limit,
    /// then candidate; the accepted last, by candidate.
    public func cpfAwards(asOf: Day) throws -> [CPFAward] {
        var awards: [CPFAward] = []
        try forEachCPFAward(asOf: asOf) { awards.append($0) }
        return awards
    }

    /// The same, one at a time from one cursor that SQLite sorts (spilling to its temporary
    /// files): a million declarations are listed in the memory of one.
    public func forEachCPFAward(asOf: Day, _ body: (CPFAward) throws -> Void) throws {
        try writer.read { db in
            try Self.scanning(db) {
                let rows = try Row.fetchCursor(db, sql: CPFAwardRows.select + " ORDER BY " + CPFAwardRows.urgency,
                                               arguments: [asOf])
                while let row = try rows.next() { try body(try CPFAwardRows.award(row)) }
            }
        }
    }

    /// Runs `body` in one write transaction, rolled back if it throws: a flux is read, written,
    /// checked and recorded whole, so two exports at once never send an award twice and none is
    /// left out. It holds the write lock while the file is written (a month's holders: a blink;
    /// a million: docs/performance.md).
    public func writingCPFFlux<T>(asOf: Day, actor: Actor, _ body: (CPFFluxWriting) throws -> T) throws -> T {
        try writer.write { db in
            // The passages' events name their flux, whose row comes last (with the file's SHA-256).
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            return try body(CPFFluxWriting(db: db, asOf: asOf, actor: actor))
        }
    }

    /// Records the Caisse's processing report: each passage accepted or refused with its message,
    /// in one transaction. A passage the database does not know refuses the whole report.
    public func recordCPFReport(source: String, accepted: [String], refused: [(idTechnique: String, message: String)],
                                actor: Actor) throws -> (accepted: Int, refused: Int) {
        try writer.write { db in
            let known = Set(try String.fetchAll(db, sql: "SELECT id_technique FROM cpf_passage"))
            let unknown = (accepted + refused.map(\.idTechnique)).filter { !known.contains($0) }
            guard unknown.isEmpty else { throw StoreError.unknownCPFPassages(unknown) }
            let now = Timestamp.now()
            for id in accepted {
                try db.execute(sql: """
                    INSERT INTO cpf_passage_event (id_technique, status, report, at) VALUES (?, 'accepted', ?, ?)
                    """, arguments: [id, source, now])
            }
            for (id, message) in refused {
                try db.execute(sql: """
                    INSERT INTO cpf_passage_event (id_technique, status, report, message, at) VALUES (?, 'refused', ?, ?, ?)
                    """, arguments: [id, source, message, now])
            }
            try AuditLog.append(db, actor: actor, action: "cpf.report", subject: source, details: [
                "accepted": String(accepted.count), "refused": String(refused.count),
            ])
            return (accepted.count, refused.count)
        }
    }
}

/// A CPF flux being written, inside `AppDatabase.writingCPFFlux`'s transaction (valid there only).
public struct CPFFluxWriting {
    fileprivate let db: Database
    public let asOf: Day
    fileprivate let actor: Actor
    private let now = Timestamp.now()

    fileprivate init(db: Database, asOf: Day, actor: Actor) {
        self.db = db
        self.asOf = asOf
        self.actor = actor
    }

    /// The awards due on `asOf` (never sent, or refused by the Caisse since), by certification then
    /// candidate, each with the holder's identity and enrolment, read `pageSize` at a time.
    public func forEachDue(pageSize: Int = 1000,
                           _ body: (CPFAward, Candidate, Enrolment) throws -> Void) throws {
        for certification in try CertificationCode.fetchAll(db, sql: "SELECT code FROM certification ORDER BY code") {
            var after = CPFAwardRows.Start()
            while true {
                let page = CPFAwardRows.page(of: certification, from: after, limit: pageSize)
                let awards = try Row.fetchAll(db, sql: CPFAwardRows.select + " AND (e.status IS NULL OR e.status = 'refused')"
                                              + page.sql, arguments: [asOf] + page.arguments).map(CPFAwardRows.award)
                guard let last = awards.last else { break }
                let people = Dictionary(try RecordLoader.people(db, .ids(awards.map(\.candidate))).map { ($0.candidate.id, $0) },
                                        uniquingKeysWith: { a, _ in a })
                for award in awards {
                    guard let person = people[award.candidate] else { continue }
                    try body(award, person.candidate, person.enrolment)
                }
                after = CPFAwardRows.Start(candidate: last.candidate.rawValue, decision: last.decision)
            }
        }
    }

    /// Records that the award's passage goes in flux `flux` under `idTechnique` (kept from an
    /// earlier flux, or new): the passage when new, and its `sent` event.
    public func send(_ award: CPFAward, idTechnique: String, flux: String) throws {
        let known = try String.fetchOne(db, sql: "SELECT id_technique FROM cpf_passage WHERE decision_id = ?",
                                        arguments: [award.decision])
        guard known == nil || known == idTechnique else { throw StoreError.cpfPassageChanged(award.candidate) }
        if known == nil {
            try db.execute(sql: """
                INSERT INTO cpf_passage (id_technique, decision_id, candidate_id, created_at) VALUES (?, ?, ?, ?)
                """, arguments: [idTechnique, award.decision, award.candidate, now])
        }
        try db.execute(sql: """
            INSERT INTO cpf_passage_event (id_technique, status, flux_id, at) VALUES (?, 'sent', ?, ?)
            """, arguments: [idTechnique, flux, now])
    }

    /// Records the flux itself (its passages sent, the file's SHA-256) and its audit entry.
    public func record(flux id: String, passages: Int, sha256: String) throws {
        try db.execute(sql: """
            INSERT INTO cpf_flux (id, written_at, as_of, passages, sha256, actor) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [id, now, asOf, passages, sha256, actor.name])
        try AuditLog.append(db, actor: actor, action: "cpf.export", subject: "flux \(id)", details: [
            "passages": String(passages), "sha256": sha256, "as_of": asOf.iso,
        ])
    }
}

/// The awards in force and their passages' status, as `cpfAwards`, the flux and the statistics read them.
enum CPFAwardRows {
    static let select = """
        SELECT d.id AS decision_id, d.candidate_id, d.date, n.certification, n.route, c.family_name, c.given_names,
               p.id_technique, e.status, e.message, e.at
        FROM jury_decision d
        JOIN candidate c ON c.id = d.candidate_id
        JOIN enrolment n ON n.candidate_id = d.candidate_id
        LEFT JOIN cpf_passage p ON p.decision_id = d.id
        LEFT JOIN cpf_passage_event e ON e.id = (SELECT MAX(id) FROM cpf_passage_event WHERE id_technique = p.id_technique)
        WHERE d.component = 'title' AND d.decision = 'valide' AND d.date <= ?
          AND NOT EXISTS (SELECT 1 FROM jury_decision r WHERE r.revokes_decision_id = d.id)
        """

    /// Where a page of a fiche's awards starts: after this candidate's decision (the first page:
    /// before every candidate).
    struct Start {
        var candidate = ""
        var decision: Int64 = -1
    }

    /// The conditions and order that follow `select` for a page of `limit` awards of one fiche
    /// walked by candidate: each page walks the decisions' index by candidate from where the last
    /// one ended. The unary `+` keeps SQLite from starting at the fiche's enrolments instead,
    /// which sorted them all again for every page.
    static func page(of certification: CertificationCode, from start: Start, limit: Int)
        -> (sql: String, arguments: StatementArguments) {
        (" AND +n.certification = ? AND d.candidate_id >= ? AND (d.candidate_id > ? OR d.id > ?) "
            + "ORDER BY d.candidate_id, d.id LIMIT ?",
         [certification, start.candidate, start.candidate, start.decision, limit])
    }

    /// The most urgent first, as `CPFAward.daysLeft` counts: the accepted last; the others by
    /// their limit; then by candidate (and decision, for a title awarded twice).
    static let urgency = """
        e.status IS 'accepted', CASE WHEN e.status IS 'accepted' THEN '' ELSE \(limit(of: "d.date")) END,
        d.candidate_id, d.id
        """

    /// `CPFAward.limit` in SQL: the same day `CPFAward.monthsToDeclare` months later, or the last
    /// day of that month when it is shorter (SQLite's own '+3 months' would run over into the
    /// next month instead).
    static func limit(of column: String) -> String {
        let months = CPFAward.monthsToDeclare
        return "min(date(\(column), 'start of month', '+\(months) months', "
            + "'+' || (CAST(substr(\(column), 9, 2) AS INTEGER) - 1) || ' days'), "
            + "date(\(column), 'start of month', '+\(months + 1) months', '-1 day'))"
    }

    static func award(_ row: Row) throws -> CPFAward {
        let at: String = row["at"] ?? ""
        let status: CPFPassageStatus
        switch row["status"] as String? {
        case "sent"?: status = .sent(on: at)
        case "accepted"?: status = .accepted(on: at)
        case "refused"?: status = .refused(message: row["message"], on: at)
        default: status = .toSend
        }
        return CPFAward(candidate: try row.decode(forColumn: "candidate_id"),
                        name: Candidate.displayName(givenNames: row["given_names"], familyName: row["family_name"]),
                        certification: try row.decode(forColumn: "certification"),
                        decision: row["decision_id"], awardedOn: try row.decode(forColumn: "date"),
                        idTechnique: row["id_technique"], status: status)
    }
}
