import CertifolioCore
import GRDB

extension AppDatabase {
    /// Records a certifier's profile, replacing the one it had (audited with what changed).
    public func setCertifierProfile(_ profile: CertifierProfile, actor: Actor) throws {
        try writer.write { db in
            let sirets = Set(try String.fetchAll(db, sql: "SELECT DISTINCT siret FROM certifier"))
            let problems = profile.problems(knownSirets: sirets)
            guard problems.isEmpty else { throw CertifierProfileRefused(problems: problems) }
            let before = try CertifierProfileRow.fetchOne(db, sql: "SELECT * FROM certifier_profile WHERE siret = ?",
                                                          arguments: [profile.siret])?.value
            guard before != profile else { return }
            try db.execute(sql: """
                INSERT OR REPLACE INTO certifier_profile
                    (siret, address, city, signatory_name, signatory_quality, appeal, verification_url, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [profile.siret, profile.address, profile.city, profile.signatoryName,
                                 profile.signatoryQuality, profile.appeal, profile.verificationURL, Timestamp.now()])
            var details = ["address": profile.address, "city": profile.city, "signatory": profile.signatoryName,
                           "quality": profile.signatoryQuality, "appeal": profile.appeal,
                           "verification_url": profile.verificationURL]
            if let before { details["replaces"] = "\(before.signatoryName), \(before.signatoryQuality), \(before.city)" }
            try AuditLog.append(db, actor: actor, action: "certifier.profile", subject: "certifier \(profile.siret)",
                                details: details)
        }
    }

    /// Every recorded profile, by SIRET.
    public func certifierProfiles() throws -> [String: CertifierProfile] {
        try writer.read { db in
            let rows = try CertifierProfileRow.fetchAll(db, sql: "SELECT * FROM certifier_profile")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0.value.siret, $0.value) })
        }
    }
}

/// A `certifier_profile` row, by column name.
struct CertifierProfileRow: FetchableRecord {
    var value: CertifierProfile

    init(row: Row) throws {
        value = CertifierProfile(siret: try row.decode(forColumn: "siret"), address: try row.decode(forColumn: "address"),
                                 city: try row.decode(forColumn: "city"),
                                 signatoryName: try row.decode(forColumn: "signatory_name"),
                                 signatoryQuality: try row.decode(forColumn: "signatory_quality"),
                                 appeal: try row.decode(forColumn: "appeal"),
                                 verificationURL: try row.decode(forColumn: "verification_url"))
    }
}
