import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import CertifolioWeb

/// Issue 15: a new session id at sign-in, and a password change signs out every other session of
/// the account while the person who changed it stays signed in.
struct SessionSecurityTests {
    @Test func aPasswordChangeEndsTheOtherSessions() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.router) { client in
            let office = Browser(client)
            let phone = Browser(client)
            let before = try await office.get("/connexion")
            #expect(before.status == .ok)
            try await office.signIn(.manager)
            try await phone.signIn(.manager)
            #expect(try await phone.get("/tableau-de-bord").status == .ok)
            try await office.get("/mot-de-passe")
            // A second later: the new password is dated after both sessions opened.
            try await Task.sleep(for: .milliseconds(1100))
            var page = try await office.post("/mot-de-passe", [("actuel", WebFixture.password),
                                                               ("nouveau", "un-nouveau-mot-de-passe"),
                                                               ("confirmation", "un-nouveau-mot-de-passe")])
            #expect(page.status == .seeOther)
            page = try await office.get("/mot-de-passe")
            #expect(page.status == .ok && page.text.contains("vos autres sessions ouvertes sont fermées"))
            page = try await phone.get("/tableau-de-bord")
            #expect(page.status == .seeOther && page.location?.hasPrefix("/connexion") == true, "the other session has ended")
        }
    }
}

/// Issue 15: a session left idle 30 minutes ends (the next request goes to the sign-in page); a
/// request within the limit keeps it alive, and the limit counts from the last request.
struct IdleExpiryTests {
    @Test func anIdleSessionEndsAfterThirtyMinutes() async throws {
        let fixture = try WebFixture()
        let offset = Locked<TimeInterval>(0)
        let router = try await WebApp.router(app: fixture.database, today: { WebFixture.today },
                                             instant: { Date().addingTimeInterval(offset.value) })
        try await Application(router: router).test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.manager)
            offset.value = 29 * 60
            #expect(try await browser.get("/tableau-de-bord").status == .ok, "29 minutes idle: still signed in")
            offset.value = 58 * 60
            #expect(try await browser.get("/tableau-de-bord").status == .ok, "29 minutes since the last request")
            offset.value = 89 * 60
            let page = try await browser.get("/tableau-de-bord")
            #expect(page.status == .seeOther && page.location?.hasPrefix("/connexion") == true, "31 minutes idle: signed out")
        }
    }
}

/// Issue 15: a form without a file is refused beyond 1 MiB (in French, nothing written); the
/// routes that take a file accept more.
struct RequestSizeTests {
    @Test func aHugeFormIsRefusedAndAFileRouteTakesMore() async throws {
        let fixture = try WebFixture()
        let before = try fixture.database.auditEntries().count
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.manager)
            try await browser.get("/inscription")
            let huge = String(repeating: "a", count: 2 << 20)
            var page = try await browser.post("/inscription", ManagerTests.enrolment + [("adresse", huge)])
            #expect(page.status == .contentTooLarge && page.text.contains("Envoi trop volumineux"), "\(page.status) \(page.text.prefix(300))")
            let file = "candidate_id,date,horizon,situation\n" + String(repeating: "XX1,2027-01-12,6m,emploi\n", count: 100_000)
            page = try await browser.upload("/statistiques/enquetes/fichier", files: [("enquetes", "surveys.csv", Array(file.utf8))])
            #expect(page.status == .unprocessableContent && page.text.contains("candidat « XX1 » inconnu"), "2.4 MB read, then refused for its content")
        }
        #expect(try fixture.database.auditEntries().count == before)
        #expect(try fixture.database.candidateRecord("NW010") == nil)
    }
}

/// Issue 15: uploads are limited per account (30 in 10 minutes), in French, before the body is read.
struct UploadThrottleTests {
    @Test func theThirtyFirstUploadInTenMinutesIsRefused() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.manager)
            let file = Array("candidate_id,date,horizon,situation\n".utf8)
            for _ in 0..<30 {
                let page = try await browser.upload("/statistiques/enquetes/fichier", files: [("enquetes", "surveys.csv", file)])
                #expect(page.status == .unprocessableContent)
            }
            let refused = try await browser.upload("/statistiques/enquetes/fichier", files: [("enquetes", "surveys.csv", file)])
            #expect(refused.status == .tooManyRequests && refused.text.contains("Trop d'envois de fichiers en peu de temps"))
            // Other pages still answer.
            #expect(try await browser.get("/statistiques").status == .ok)
        }
    }

    @Test func theCounterForgetsAfterItsWindow() async {
        let counter = UploadCounter(limit: 2, window: 60)
        let start = Date()
        #expect(await counter.admit("a", now: start) == nil)
        #expect(await counter.admit("a", now: start) == nil)
        #expect(await counter.admit("a", now: start.addingTimeInterval(1)) == start.addingTimeInterval(60))
        #expect(await counter.admit("b", now: start.addingTimeInterval(1)) == nil, "per account")
        #expect(await counter.admit("a", now: start.addingTimeInterval(61)) == nil)
    }
}
