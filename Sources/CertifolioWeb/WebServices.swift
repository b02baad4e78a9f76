import CertifolioApp
import CertifolioCore
import Foundation

/// What every route shares: the door to the store, the templates, the sign-in throttle, the référentiels
/// (read once, reread after an import) and the clock.
public final class WebServices: Sendable {
    public let app: Certifolio
    let pages: PageRenderer
    let throttle: LoginThrottle
    /// How many files each account may send in a window.
    let uploadCounter: UploadCounter
    let uploads: UploadStash
    private let referentielCache = Locked<[CertificationCode: Referentiel]?>(nil)
    /// Today's date (tests fix it).
    let today: @Sendable () -> Day
    /// The present minute, Paris time: a deposit's moment. Its day is `today()`'s.
    let now: @Sendable () -> ParisTime
    /// The instant, to the second: how long a session has been idle (tests move it on).
    let instant: @Sendable () -> Date

    init(app: Certifolio, pages: PageRenderer, throttle: LoginThrottle = LoginThrottle(),
         uploadCounter: UploadCounter = UploadCounter(),
         today: @escaping @Sendable () -> Day, now: (@Sendable () -> ParisTime)? = nil,
         instant: @escaping @Sendable () -> Date = Date.init) {
        self.instant = instant
        self.app = app
        self.pages = pages
        self.throttle = throttle
        self.uploadCounter = uploadCounter
        self.uploads = UploadStash()
        self.today = today
        self.now = now ?? {
            let clock = Today.moment()
            return ParisTime(paris: today(), hour: clock.hour, minute: clock.minute) ?? clock
        }
    }

    /// The référentiels, from memory: a progress page does not reread the fiche.
    func referentiels() throws -> [CertificationCode: Referentiel] {
        if let cached = referentielCache.value { return cached }
        let loaded = try app.referentiels()
        referentielCache.value = loaded
        return loaded
    }

    func referentiel(_ code: CertificationCode) throws -> Referentiel {
        guard let referentiel = try referentiels()[code] else { throw StoreError.unknownCertification(code) }
        return referentiel
    }

    /// How a page names who wrote something: the account's display name for `web:compte N` (the
    /// records keep the id only), else the actor as recorded (`cli:…`, `demo`).
    func actorName(_ actor: String) -> String {
        guard let id = UserAccount.accountID(inActor: actor), let account = try? app.userAccount(id: id) else { return actor }
        return account.displayName
    }

    /// After a référentiel import.
    func forgetReferentiels() { referentielCache.value = nil }
}

/// A value shared between request tasks behind a lock.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    func mutate<T>(_ body: (inout Value) -> T) -> T { lock.withLock { body(&stored) } }
}

/// Files of a cohort upload kept between the preview and the confirmation (without
/// JavaScript the browser cannot resend them); each stash lives 30 minutes and is used once.
actor UploadStash {
    private var entries: [String: (owner: Int64, upload: CohortUpload, at: Date)] = [:]

    func put(_ upload: CohortUpload, owner: Int64) -> String {
        let now = Date()
        entries = entries.filter { now.timeIntervalSince($0.value.at) < 30 * 60 }
        let token = CSRFMiddleware.newToken()
        entries[token] = (owner, upload, now)
        return token
    }

    /// The upload, only for the account that sent it.
    func take(_ token: String, owner: Int64) -> CohortUpload? {
        guard let entry = entries[token], entry.owner == owner,
              Date().timeIntervalSince(entry.at) < 30 * 60 else { return nil }
        entries[token] = nil
        return entry.upload
    }
}
