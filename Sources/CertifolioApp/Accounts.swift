import CertifolioCore
import HummingbirdBcrypt

/// The password policy of every account, whichever way it is created.
public enum PasswordPolicy {
    public static let minimumLength = 10

    public struct TooShort: UserFacingError {
        public var message: String {
            "le mot de passe doit compter au moins \(PasswordPolicy.minimumLength) caractères."
        }
    }
}

extension Certifolio {
    /// Creates an account, from the CLI (`certifolio user add`) or the gestionnaire's page: the
    /// password is checked, hashed with bcrypt, and only the hash reaches the store, which
    /// checks the rest (e-mail, role, the candidate's record, cohorts).
    @discardableResult
    public func createAccount(_ account: AccountDraft, password: String, actor: Actor, cost: UInt8 = 12) throws
        -> UserAccount {
        guard password.count >= PasswordPolicy.minimumLength else { throw PasswordPolicy.TooShort() }
        return try database.addUserAccount(account, passwordHash: Bcrypt.hash(password, cost: cost), actor: actor)
    }

    /// The account of a sign-in: the e-mail's account when the password matches its hash.
    /// An unknown e-mail is verified against a fixed hash: the answer takes as long either way,
    /// so that response times do not tell which e-mails have an account. (bcrypt is slow on
    /// purpose: the web calls this off its event loop.)
    public func signIn(email: String, password: String) throws -> UserAccount? {
        let found = try database.credentials(email: email)
        let verified = Bcrypt.verify(password, hash: found?.passwordHash ?? Self.decoyHash)
        return verified ? found?.account : nil
    }

    /// Which cohorts an évaluateur assesses (replacing the earlier list).
    public func assignCohorts(_ cohorts: [String], to account: Int64, actor: Actor) throws {
        try database.assignCohorts(cohorts, to: account, actor: actor)
    }

    private static let decoyHash = Bcrypt.hash("certifolio-decoy", cost: 10)
}
