import CertifolioCore
import CertifolioStore

extension Certifolio {
    /// Records the certifier's own particulars (address, signatory, appeal mention, verification
    /// address), checked field by field; refused whole otherwise.
    public func setCertifierProfile(_ profile: CertifierProfile, actor: Actor) throws {
        try database.setCertifierProfile(profile, actor: actor)
    }

    /// Every certifier's recorded profile, by SIRET.
    public func certifierProfiles() throws -> [String: CertifierProfile] {
        try database.certifierProfiles()
    }

    /// The profile of the certifier that issues a fiche's documents (its first certifier).
    public func certifierProfile(for referentiel: Referentiel) throws -> CertifierProfile? {
        guard let siret = referentiel.certifiers.first?.siret else { return nil }
        return try database.certifierProfiles()[siret]
    }
}
