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
    /// revoked), with its passage's status, by award date then candidate.
    public func cpfAwards(asOf: Day) throws -> [CPFAward] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.id AS decision_id, d.candidate_id, d.date, n.certification, c.family_name, c.given_names,
                       p.id_technique, e.status, e.message, e.at
                FROM jury_decision d
                JOIN candidate c ON c.id = d.candidate_id
                JOIN enrolment n ON n.candidate_id = d.candidate_id
                LEFT JOIN cpf_passage p ON p.decision_id = d.id
                LEFT JOIN cpf_passage_event e ON e.id = (SELECT MAX(id) FROM cpf_passage_event WHERE id_technique = p.id_technique)
                WHERE d.component = 'title' AND d.decision = 'valide' AND d.date <= ?
                  AND NOT EXISTS (SELECT 1 FROM jury_decision r WHERE r.revokes_decision_id = d.id)
                ORDER BY d.date, d.candidate_id
                """, arguments: [asOf]).map { row in
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
    }

    /// Records a flux written: the new passages with their ids, a `sent` event for each passage,
    /// the flux and an audit entry, in one transaction; `commit` puts the file in place just
    /// before it commits (a file that cannot be put in place records nothing).
    public func recordCPFFlux(id: String, asOf: Day, passages: [(idTechnique: String, decision: Int64, candidate: CandidateID)],
                              sha256: String, actor: Actor, commit: () throws -> Void) throws {
        try writer.write { db in
            let now = Timestamp.now()
            try db.execute(sql: """
                INSERT INTO cpf_flux (id, written_at, as_of, passages, sha256, actor) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [id, now, asOf, passages.count, sha256, actor.name])
            for passage in passages {
                let known = try String.fetchOne(db, sql: "SELECT id_technique FROM cpf_passage WHERE decision_id = ?",
                                                arguments: [passage.decision])
                guard known == nil || known == passage.idTechnique else {
                    throw StoreError.cpfPassageChanged(passage.candidate)
                }
                if known == nil {
                    try db.execute(sql: """
                        INSERT INTO cpf_passage (id_technique, decision_id, candidate_id, created_at) VALUES (?, ?, ?, ?)
                        """, arguments: [passage.idTechnique, passage.decision, passage.candidate, now])
                }
                try db.execute(sql: """
                    INSERT INTO cpf_passage_event (id_technique, status, flux_id, at) VALUES (?, 'sent', ?, ?)
                    """, arguments: [passage.idTechnique, id, now])
            }
            try AuditLog.append(db, actor: actor, action: "cpf.export", subject: "flux \(id)", details: [
                "passages": String(passages.count), "sha256": sha256, "as_of": asOf.iso,
            ])
            try commit()
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
