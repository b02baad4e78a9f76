import CertifolioCore
import Crypto
import Foundation
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
            // The trail names what changed and seals the values with a hash: the signatory's
            // name stays out of it (the trail holds no personal data), yet any later claim about
            // what the profile said can be checked against the hash.
            let fields: [(String, KeyPath<CertifierProfile, String>)] = [
                ("address", \.address), ("city", \.city), ("signatory", \.signatoryName),
                ("quality", \.signatoryQuality), ("appeal", \.appeal), ("verification_url", \.verificationURL)]
            let changed = fields.filter { field in
                before.map { $0[keyPath: field.1] != profile[keyPath: field.1] } ?? true
            }
            let sealed = fields.map { "\($0.0)=\(profile[keyPath: $0.1])" }.joined(separator: "\n")
            let details = ["changed": changed.map(\.0).joined(separator: ", "),
                           "sha256": SHA256.hash(data: Data(sealed.utf8)).map { String(format: "%02x", $0) }.joined()]
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
