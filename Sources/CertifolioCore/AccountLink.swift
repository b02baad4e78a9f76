import Foundation

/// A one-time link a person follows to choose their password: an invitation (a new account) or a
/// reset. The token travels once (on screen, in the CSV for the certifier's mailing); the store
/// keeps only its SHA-256.
public struct AccountLink: Sendable, Equatable {
    public enum Purpose: String, Sendable {
        case invitation
        case reset = "reinitialisation"
    }

    public var account: UserAccount
    public var purpose: Purpose
    public var token: String
    /// Paris time, minute precision (`2027-07-14T18:00`).
    public var expires: ParisTime

    public init(account: UserAccount, purpose: Purpose, token: String, expires: ParisTime) {
        self.account = account
        self.purpose = purpose
        self.token = token
        self.expires = expires
    }

    /// How long a link stays valid.
    public static let validDays = 14

    /// 32 random bytes, URL-safe base64 without padding (43 characters).
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

/// Where an account stands, as the gestionnaire's list shows it.
public enum AccountState: Sendable, Equatable {
    case active
    /// Invited; the link expires then (nil when every link expired or was voided).
    case invited(until: ParisTime?)
    case deactivated(on: String)
}

/// What refuses a one-time link or a password change.
public enum AccountLinkError: UserFacingError, Equatable {
    case unknownOrUsed
    case expired
    case deactivated
    case wrongCurrentPassword
    case mismatch

    public var message: String {
        switch self {
        case .unknownOrUsed:
            return "ce lien n'est pas (ou plus) valable : il a déjà servi ou un lien plus récent l'a remplacé. "
                + "Demandez un nouveau lien au gestionnaire."
        case .expired:
            return "ce lien a expiré : demandez un nouveau lien au gestionnaire."
        case .deactivated:
            return "ce compte est désactivé : adressez-vous au gestionnaire."
        case .wrongCurrentPassword:
            return "le mot de passe actuel est incorrect ; rien n'a été modifié."
        case .mismatch:
            return "les deux saisies du nouveau mot de passe diffèrent ; rien n'a été modifié."
        }
    }
}
