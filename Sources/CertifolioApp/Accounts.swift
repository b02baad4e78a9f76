import CertifolioCore
import CertifolioStore
import HummingbirdBcrypt

/// Creating an account, from the CLI (`certifolio user add`) or the gestionnaire's page: the
/// password is checked, hashed with bcrypt, and only the hash reaches the store.
public enum Accounts {
    public static let minimumPasswordLength = 10

    @discardableResult
    public static func create(_ account: NewUserAccount, password: String, database: AppDatabase, actor: Actor,
                              cost: UInt8 = 12) throws -> UserAccount {
        guard password.count >= minimumPasswordLength else { throw PasswordTooShort() }
        return try database.addUserAccount(account, passwordHash: Bcrypt.hash(password, cost: cost), actor: actor)
    }

    public struct PasswordTooShort: UserFacingError {
        public var message: String {
            "le mot de passe doit compter au moins \(Accounts.minimumPasswordLength) caractères."
        }
    }
}
