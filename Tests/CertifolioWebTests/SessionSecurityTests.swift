import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

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
