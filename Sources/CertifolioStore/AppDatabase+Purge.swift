import CertifolioCore
import Foundation
import GRDB

extension AppDatabase {
    /// Anonymises and erases, as of `day`, the personal data `policy` no longer keeps, in one
    /// transaction audited as `gdpr.purge` (ids and counts only); then removes the erased files'
    /// contents from the vault (a crash in between leaves files that `sweep` removes later, as
    /// no row records them any more). `dryRun` reports what would go and changes nothing.
    public func purgePersonalData(asOf day: Day, policy: RetentionPolicy, dryRun: Bool,
                                  actor: Actor) throws -> PurgeSummary {
        var erased: [String] = []
        let summary = try writer.write { db -> PurgeSummary in
            let documentsBefore = day.adding(months: -12 * policy.documentYears).iso
            let identityBefore = day.adding(months: -12 * policy.identityYears).iso
            let accountsBefore = day.adding(months: -12 * policy.deactivatedAccountYears).iso
            try db.execute(sql: PurgeSQL.lastActivity)
            let candidates = try CandidateID.fetchAll(db, sql: PurgeSQL.identitiesToAnonymise, arguments: [identityBefore])
            let files = try Row.fetchAll(db, sql: PurgeSQL.filesToErase, arguments: [documentsBefore])
            let anonymisedNow = JSONList.of(candidates.map(\.rawValue))
            let accounts = try Int64.fetchAll(db, sql: PurgeSQL.accountsToAnonymise,
                                              arguments: [accountsBefore, anonymisedNow])
            let summary = PurgeSummary(asOf: day, anonymisedCandidates: candidates, erasedFiles: files.count,
                                       erasedBytes: files.reduce(0) { $0 + ($1["size"] as Int64) },
                                       anonymisedAccounts: accounts.count, dryRun: dryRun)
            try db.execute(sql: "DROP TABLE temp.last_activity")
            guard !dryRun, !(candidates.isEmpty && files.isEmpty && accounts.isEmpty) else { return summary }
            try db.execute(sql: "INSERT INTO gdpr_purge (as_of, purged_at, actor) VALUES (?, ?, ?)",
                           arguments: [day, Timestamp.now(), actor.name])
            let purge = db.lastInsertedRowID
            for id in candidates { try PurgeSQL.anonymise(id, purge: purge, db) }
            for file in files {
                try db.execute(sql: "INSERT INTO erased_file (deposit, position, purge_id) VALUES (?, ?, ?)",
                               arguments: [file["deposit"], file["position"], purge])
                try db.execute(sql: "UPDATE deposit_file SET name = 'document-effacé' WHERE deposit = ? AND position = ?",
                               arguments: [file["deposit"], file["position"]])
            }
            for id in accounts { try PurgeSQL.anonymiseAccount(id, purge: purge, db) }
            // The contents no row keeps any more leave the vault after the commit.
            erased = try String.fetchAll(db, sql: """
                SELECT DISTINCT f.sha256 FROM deposit_file f JOIN erased_file e USING (deposit, position)
                WHERE e.purge_id = ? AND f.sha256 NOT IN (\(PurgeSQL.keptContents))
                """, arguments: [purge])
            try AuditLog.append(db, actor: actor, action: "gdpr.purge", subject: "purge \(purge)", details: [
                "as_of": day.iso, "candidates": candidates.map(\.rawValue).joined(separator: ", "),
                "files": String(files.count), "accounts": accounts.map(String.init).joined(separator: ", "),
                "periods": "documents \(policy.documentYears) ans, identité \(policy.identityYears) ans, "
                    + "comptes désactivés \(policy.deactivatedAccountYears) an(s)",
            ])
            return summary
        }
        for sha256 in erased { try? FileManager.default.removeItem(atPath: vault.path(of: sha256)) }
        return summary
    }
}

/// The purge's queries: who and what has passed its period.
enum PurgeSQL {
    /// Each candidate's last activity day (a temporary table of the purge's transaction).
    static let lastActivity = """
        CREATE TEMP TABLE last_activity AS
        SELECT e.candidate_id AS id, max(e.enrolled_on,
            coalesce((SELECT max(date) FROM evaluation_event WHERE candidate_id = e.candidate_id), ''),
            coalesce((SELECT max(substr(deposited_at, 1, 10)) FROM deposit WHERE candidate = e.candidate_id), ''),
            coalesce((SELECT max(date) FROM jury_decision WHERE candidate_id = e.candidate_id), ''),
            coalesce((SELECT max(substr(rectified_at, 1, 10)) FROM candidate_rectification
                      WHERE candidate_id = e.candidate_id), '')) AS day
        FROM enrolment e
        WHERE e.candidate_id NOT IN (SELECT c.candidate_id FROM jury_convocation c
                                     JOIN jury_session s ON s.id = c.session_id WHERE s.closed_at IS NULL)
        """

    /// Never holders (no decision `valide` that a later decision revoked not), inactive since before ?.
    static let identitiesToAnonymise = """
        SELECT id FROM temp.last_activity WHERE day < ?
          AND id NOT IN (SELECT candidate_id FROM anonymised_candidate)
          AND id NOT IN (SELECT candidate_id FROM jury_decision WHERE decision = 'valide'
                         AND id NOT IN (SELECT revokes_decision_id FROM jury_decision WHERE revokes_decision_id IS NOT NULL))
        ORDER BY id
        """

    static let filesToErase = """
        SELECT f.deposit, f.position, f.size FROM deposit_file f JOIN deposit d ON d.id = f.deposit
        WHERE d.candidate IN (SELECT id FROM temp.last_activity WHERE day < ?)
          AND NOT EXISTS (SELECT 1 FROM erased_file e WHERE e.deposit = f.deposit AND e.position = f.position)
        ORDER BY f.deposit, f.position
        """

    /// Deactivated before ?, or the account of a candidate anonymised now (the JSON array ?) or before.
    static let accountsToAnonymise = """
        SELECT id FROM user_account
        WHERE id NOT IN (SELECT account_id FROM anonymised_account)
          AND ((deactivated_at IS NOT NULL AND substr(deactivated_at, 1, 10) < ?)
               OR candidate_id IN (SELECT value FROM json_each(?))
               OR candidate_id IN (SELECT candidate_id FROM anonymised_candidate))
        ORDER BY id
        """

    /// The contents a row still keeps (a file deposited twice, by someone else too; a parchemin).
    static let keptContents = """
        SELECT f.sha256 FROM deposit_file f WHERE NOT EXISTS
            (SELECT 1 FROM erased_file e WHERE e.deposit = f.deposit AND e.position = f.position)
        UNION SELECT sha256 FROM parchemin
        """

    static func anonymise(_ id: CandidateID, purge: Int64, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO anonymised_candidate (candidate_id, purge_id) VALUES (?, ?)", arguments: [id, purge])
        // The year of birth stays (ages in statistics); every other identity field goes.
        try db.execute(sql: """
            UPDATE candidate SET family_name = 'ANONYMISÉ', given_names = 'ANONYMISÉ',
                birth_date = substr(birth_date, 1, 4) || '-01-01', email = '', birth_name = NULL, usage_name = NULL,
                first_names = NULL, sex = NULL, birth_place_code = NULL, birth_place = NULL, birth_country_code = NULL,
                birth_country = NULL, postal_address = NULL
            WHERE id = ?
            """, arguments: [id])
        try db.execute(sql: """
            UPDATE candidate_rectification SET before = '{}', after = '{}', reason = 'anonymisé' WHERE candidate_id = ?
            """, arguments: [id])
        try db.execute(sql: "UPDATE deadline_extension SET reason = 'anonymisé' WHERE candidate = ?", arguments: [id])
    }

    static func anonymiseAccount(_ id: Int64, purge: Int64, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO anonymised_account (account_id, purge_id) VALUES (?, ?)", arguments: [id, purge])
        // No bcrypt hash starts with "!": no password opens the account again.
        try db.execute(sql: """
            UPDATE user_account SET email = 'compte-' || id || '@anonymise.invalid', display_name = 'Compte anonymisé',
                password_hash = '!', deactivated_at = coalesce(deactivated_at, ?)
            WHERE id = ?
            """, arguments: [Timestamp.now(), id])
    }
}
