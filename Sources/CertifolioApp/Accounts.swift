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

/// Accounts opened for a whole cohort, invitations, resets, deactivation and a person's own
/// password: the gestionnaire never types anyone's password.
extension Certifolio {
    /// What opening a cohort's accounts did.
    public struct CohortAccounts: Sendable {
        public var links: [AccountLink]
        /// Candidates whose account could not be opened, with the reason (one each).
        public var refused: [(candidate: CandidateID, reason: String)]
        /// Candidates of the cohort who had an account already.
        public var alreadyOpen: Int
    }

    /// Opens a candidate account, with its invitation link, for every candidate of the cohort
    /// who has none (their record's e-mail and name).
    public func openCohortAccounts(_ cohort: String, now: ParisTime, actor: Actor) throws -> CohortAccounts {
        guard try database.cohortNames().contains(cohort) else { throw AccountError.unknownCohort(cohort) }
        let candidates = try database.candidatesWithoutAccount(cohort: cohort)
        let drafts = candidates.map {
            AccountDraft(email: $0.email, displayName: $0.displayName, role: .candidate, candidateID: $0.id)
        }
        let tokens = drafts.map { _ in AccountLink.newToken() }
        let expires = Self.linkExpiry(now)
        let (opened, refused) = try database.inviteAccounts(drafts, tokens: tokens, placeholderHash: Self.placeholderHash,
                                                            expires: expires, actor: actor)
        let byID = Dictionary(uniqueKeysWithValues: zip(drafts.map(\.candidateID), tokens))
        return CohortAccounts(
            links: opened.map { AccountLink(account: $0, purpose: .invitation, token: byID[$0.candidateID]!, expires: expires) },
            refused: refused.map { ($0.0.candidateID!, $0.1.message) },
            alreadyOpen: try database.cohortCandidateCount(cohort) - candidates.count)
    }

    /// New invitation links for the cohort's accounts whose owner has not chosen a password yet
    /// (the earlier links are void): to send again.
    public func reissueInvitations(_ cohort: String, now: ParisTime, actor: Actor) throws -> [AccountLink] {
        try database.pendingInvitations(cohort: cohort).map { try newLink(for: $0, now: now, actor: actor) }
    }

    /// A new one-time link for an account: a reset (or a new invitation if never used).
    public func newLink(for account: Int64, now: ParisTime, actor: Actor) throws -> AccountLink {
        let token = AccountLink.newToken()
        let expires = Self.linkExpiry(now)
        let (opened, purpose) = try database.newAccountLink(account, token: token, expires: expires, actor: actor)
        return AccountLink(account: opened, purpose: purpose, token: token, expires: expires)
    }

    /// The person follows their link and chooses their password (typed twice).
    public func useLink(_ token: String, password: String, repeated: String, now: ParisTime,
                        cost: UInt8 = 12) throws -> UserAccount {
        guard password == repeated else { throw AccountLinkError.mismatch }
        guard password.count >= PasswordPolicy.minimumLength else { throw PasswordPolicy.TooShort() }
        return try database.useAccountLink(token: token, passwordHash: Bcrypt.hash(password, cost: cost), now: now)
    }

    /// A signed-in person changes their own password, giving the current one.
    public func changePassword(of account: UserAccount, current: String, new: String, repeated: String,
                               cost: UInt8 = 12) throws {
        guard let hash = try database.passwordHash(of: account.id), Bcrypt.verify(current, hash: hash) else {
            throw AccountLinkError.wrongCurrentPassword
        }
        guard new == repeated else { throw AccountLinkError.mismatch }
        guard new.count >= PasswordPolicy.minimumLength else { throw PasswordPolicy.TooShort() }
        try database.changePassword(account.id, passwordHash: Bcrypt.hash(new, cost: cost), actor: account.actor)
    }

    /// Deactivates an account (never one's own: a gestionnaire would lock themselves out).
    public func deactivateAccount(_ id: Int64, by manager: UserAccount) throws {
        guard id != manager.id else { throw AccountError.ownAccount }
        try database.deactivateAccount(id, actor: manager.actor)
    }

    public func accountStates(now: ParisTime) throws -> [Int64: AccountState] {
        try database.accountStates(now: now)
    }

    static func linkExpiry(_ now: ParisTime) -> ParisTime {
        ParisTime(paris: now.day.adding(days: AccountLink.validDays), hour: now.hour, minute: now.minute)
            ?? ParisTime(paris: now.day.adding(days: AccountLink.validDays), hour: 12, minute: 0)!
    }

    /// The hash an invited account holds until its owner chooses a password: of a random secret
    /// thrown away (and sign-in refuses such an account anyway).
    static let placeholderHash = Bcrypt.hash(AccountLink.newToken(), cost: 10)
}

extension Certifolio {
    /// Opens one account with an invitation link (the gestionnaire's form): no one types the
    /// person's password.
    public func inviteAccount(_ draft: AccountDraft, now: ParisTime, actor: Actor) throws -> AccountLink {
        let token = AccountLink.newToken()
        let expires = Self.linkExpiry(now)
        let (opened, refused) = try database.inviteAccounts([draft], tokens: [token], placeholderHash: Self.placeholderHash,
                                                            expires: expires, actor: actor)
        if let (_, error) = refused.first { throw error }
        return AccountLink(account: opened[0], purpose: .invitation, token: token, expires: expires)
    }
}
