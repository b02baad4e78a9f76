import CertifolioCore
import Hummingbird
import HummingbirdTesting
import Testing

/// Signing in and out: cookies, wrong passwords, throttling, safe return addresses.
struct SignInTests {
    @Test func signInSetsAnHttpOnlySameSiteSessionCookieAndSignOutEndsIt() async throws {
        try await WebFixture().application().test(.router) { client in
            let browser = Browser(client)
            try await browser.get("/connexion")
            let page = try await browser.post("/connexion", [("email", "JURY@example.fr"),
                                                             ("mot_de_passe", WebFixture.password)])
            #expect(page.status == .seeOther)
            #expect(page.location == "/jury")
            let cookie = page.headers[values: .setCookie].first { $0.hasPrefix("certifolio_session=") } ?? ""
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(try await browser.get("/jury").status == .ok)
            let out = try await browser.post("/deconnexion")
            #expect(out.location == "/connexion")
            let after = try await browser.get("/jury")
            #expect(after.status == .seeOther)
            #expect(after.location == "/connexion?suite=/jury")
        }
    }

    @Test func aWrongPasswordIsRefusedInFrenchWithoutSayingWhichPartIsWrong() async throws {
        try await WebFixture().application().test(.router) { client in
            let browser = Browser(client)
            try await browser.get("/connexion")
            let wrongPassword = try await browser.post("/connexion", [("email", "jury@example.fr"),
                                                                      ("mot_de_passe", "pas le bon")])
            let unknownEmail = try await browser.post("/connexion", [("email", "nobody@example.fr"),
                                                                     ("mot_de_passe", "pas le bon")])
            for page in [wrongPassword, unknownEmail] {
                #expect(page.status == .unauthorized)
                #expect(page.text.contains("Adresse électronique ou mot de passe incorrect."))
            }
        }
    }

    @Test func afterFiveFailuresTheAccountIsThrottledEvenWithTheRightPassword() async throws {
        try await WebFixture().application().test(.router) { client in
            let browser = Browser(client)
            try await browser.get("/connexion")
            for _ in 0..<5 {
                try await browser.post("/connexion", [("email", "jury@example.fr"), ("mot_de_passe", "mauvais")])
            }
            let blocked = try await browser.post("/connexion", [("email", "jury@example.fr"),
                                                                ("mot_de_passe", WebFixture.password)])
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.text.contains("Trop de tentatives de connexion"))
            // Another account is not affected.
            let other = try await browser.post("/connexion", [("email", "gestion@example.fr"),
                                                              ("mot_de_passe", WebFixture.password)])
            #expect(other.status == .seeOther)
        }
    }

    @Test func theReturnAddressIsKeptButNeverLeavesTheSite() async throws {
        try await WebFixture().application().test(.router) { client in
            let browser = Browser(client)
            try await browser.get("/connexion?suite=/jury/1")
            let back = try await browser.post("/connexion", [("email", "jury@example.fr"),
                                                             ("mot_de_passe", WebFixture.password),
                                                             ("suite", "/jury/1")])
            #expect(back.location == "/jury/1")
            try await browser.post("/deconnexion")
            try await browser.get("/connexion")
            let away = try await browser.post("/connexion", [("email", "jury@example.fr"),
                                                             ("mot_de_passe", WebFixture.password),
                                                             ("suite", "//evil.example/")])
            #expect(away.location == "/jury")
        }
    }

    @Test func pagesAreNotCachedNotFramedAndCarryNoScript() async throws {
        try await WebFixture().application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.candidate)
            let page = try await browser.get("/mon-dossier")
            #expect(page.headers[.cacheControl] == "no-store")
            #expect(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(!page.body.contains("<script"))
            #expect(page.body.contains("<html lang=\"fr\">"))
            #expect(page.body.contains("name=\"viewport\""))
        }
    }

    @Test func anUnknownAddressGetsAFrenchNotFoundPage() async throws {
        try await WebFixture().application().test(.router) { client in
            let browser = Browser(client)
            let page = try await browser.get("/nulle-part")
            #expect(page.status == .notFound)
            #expect(page.text.contains("Page introuvable"))
        }
    }
}
