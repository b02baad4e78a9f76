import CertifolioCore
import CertifolioStore

/// The jury directory: people named once and added to session after session; each member added
/// to a session is found there by name (however typed) or added to it.
extension Certifolio {
    public func juryDirectory() throws -> [JuryPerson] { try database.juryDirectory() }

    /// The évaluateur accounts a person of the directory can be linked to.
    public func evaluatorAccounts() throws -> [(id: Int64, name: String)] { try database.evaluatorAccounts() }

    @discardableResult
    public func addJuryPerson(name: String, external: Bool, account: Int64?, actor: Actor) throws -> Int64 {
        try database.addJuryPerson(name: name, external: external, account: account, actor: actor)
    }

    /// Links a person to their évaluateur account (nil: no account).
    public func linkJuryPerson(_ id: Int64, to account: Int64?, actor: Actor) throws {
        try database.linkJuryPerson(id, to: account, actor: actor)
    }

    /// Adds a person of the directory to an open session in a role, external as the directory says.
    public func addJuryMember(person id: Int64, role: JuryRoleID, to session: JurySessionID, actor: Actor) throws {
        guard let person = try database.juryDirectory().first(where: { $0.id == id }) else {
            throw JuryDirectoryError.unknownPerson(id)
        }
        try database.addJuryMember(JuryMember(name: person.name, role: role, external: person.external), to: session,
                                   actor: actor)
    }
}
