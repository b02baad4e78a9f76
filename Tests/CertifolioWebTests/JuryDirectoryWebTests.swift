import CertifolioApp
import CertifolioCore
import Hummingbird
import HummingbirdTesting
import Testing

/// The secretary's jury directory on the web: people added once, linked to their évaluateur
/// account, and chosen for a session instead of typed again.
struct JuryDirectoryWebTests {
    @Test func aPersonIsAddedLinkedAndChosenForASession() async throws {
        let fixture = try WebFixture()
        let evaluator = try #require(try fixture.database.evaluatorAccounts().first)
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.secretary)
            var page = try await browser.get("/annuaire-du-jury")
            #expect(page.status == .ok && page.text.contains("L'annuaire est vide"))
            page = try await browser.post("/annuaire-du-jury", [("nom", ""), ("compte", "")])
            #expect(page.status == .unprocessableContent && page.text.contains("Le nom de la personne ne peut pas être vide."))
            page = try await browser.post("/annuaire-du-jury", [("nom", "Mme Agnès Perrot"), ("externe", "oui"),
                                                                 ("compte", String(evaluator.id))])
            #expect(page.status == .seeOther)
            page = try await browser.post("/annuaire-du-jury", [("nom", "agnes PERROT"), ("compte", "")])
            #expect(page.status == .unprocessableContent && page.text.contains("« Mme Agnès Perrot » est déjà dans l'annuaire"))
            let person = try #require(try fixture.database.juryDirectory().first)
            #expect(person.external && person.account?.id == evaluator.id)
            page = try await browser.post("/annuaire-du-jury/\(person.id)/compte", [("compte", "")])
            #expect(page.status == .seeOther)
            #expect(try fixture.database.juryDirectory().first?.account == nil)
            // The session page offers the directory; the person joins with the directory's status.
            page = try await browser.get("/jury/1")
            #expect(page.body.contains("<option value=\"\(person.id)\">Mme Agnès Perrot — externe</option>"))
            page = try await browser.post("/jury/1/membres/annuaire", [("personne", String(person.id)),
                                                                      ("role", "expert_domaine")])
            #expect(page.status == .seeOther)
            page = try await browser.get("/jury/1")
            #expect(page.text.contains("Membre ajouté depuis l'annuaire."))
            #expect(!page.body.contains("<option value=\"\(person.id)\">"), "a member is no longer offered")
            page = try await browser.get("/annuaire-du-jury")
            #expect(page.text.contains("1 personne"))
        }
        let member = try #require(try fixture.database.jurySession(JurySessionID(1)).members.first)
        #expect(member.name == "Mme Agnès Perrot" && member.external && member.role == "expert_domaine")
    }
}
