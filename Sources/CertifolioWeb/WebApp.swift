import CertifolioApp
import CertifolioCore
import Foundation
import Hummingbird
import HummingbirdAuth

/// `certifolio serve`: the web application on the same store and rules as the CLI.
public enum WebApp {
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        /// Send the session cookie only over HTTPS (set when served behind a TLS proxy).
        public var secureCookies: Bool

        public init(host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false) {
            self.host = host
            self.port = port
            self.secureCookies = secureCookies
        }
    }

    /// The application, ready to run.
    public static func application(app: Certifolio, configuration: Configuration,
                                   today: @escaping @Sendable () -> Day = Today.day)
        async throws -> some ApplicationProtocol {
        let router = try await router(app: app, secureCookies: configuration.secureCookies, today: today)
        return Application(router: router,
                           configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                                serverName: "Certifolio"))
    }

    /// Every route with its middleware (the tests drive this router in process).
    public static func router(app: Certifolio, secureCookies: Bool = false,
                              today: @escaping @Sendable () -> Day = Today.day,
                              now: (@Sendable () -> ParisTime)? = nil,
                              instant: @escaping @Sendable () -> Date = Date.init) async throws -> Router<WebContext> {
        let services = WebServices(app: app, pages: PageRenderer(), today: today, now: now, instant: instant)
        let router = Router(context: WebContext.self)
        let cookie = SessionCookieParameters(name: "certifolio_session", path: "/", secure: secureCookies,
                                             sameSite: .lax)
        router.addMiddleware {
            DoorThreadsMiddleware()
            SessionMiddleware(storage: MemoryPersistDriver(),
                              configuration: .init(sessionCookieParameters: cookie,
                                                   defaultSessionExpiration: .seconds(8 * 3600)))
            IdleExpiry(clock: services.instant)
            SessionAuthenticator(context: WebContext.self) { (session: WebSession, _) in
                try app.userAccount(id: session.accountID, signedInAt: session.signedInAt)
            }
            // Outside the error pages: the log holds the status the person got (403, 404, 422…).
            RequestLogMiddleware()
            ErrorPageMiddleware(pages: services.pages)
            UploadThrottle(counter: services.uploadCounter)
            CSRFMiddleware()
        }
        StaticRoutes.add(to: router)
        HealthRoutes(services: services).add(to: router)
        SignInRoutes(services: services).add(to: router)
        VerificationRoutes(services: services).add(to: router)
        CandidatePortalRoutes(services: services).add(to: router)
        CandidateDepositRoutes(services: services).add(to: router)
        StaffRoutes(services: services).add(to: router)
        AssessmentRoutes(services: services).add(to: router)
        CohortDepositRoutes(services: services).add(to: router)
        CohortEntryRoutes(services: services).add(to: router)
        ManagerRoutes(services: services).add(to: router)
        PublicationRoutes(services: services).add(to: router)
        CalendarRoutes(services: services).add(to: router)
        ExtensionRoutes(services: services).add(to: router)
        IdentityRoutes(services: services).add(to: router)
        EnrolmentRoutes(services: services).add(to: router)
        JuryRoutes(services: services).add(to: router)
        RegisterRoutes(services: services).add(to: router)
        DirectoryRoutes(services: services).add(to: router)
        CPFRoutes(services: services).add(to: router)
        StatisticsRoutes(services: services).add(to: router)
        CertifierRoutes(services: services).add(to: router)
        AccountLinkRoutes(services: services).add(to: router)
        return router
    }
}
