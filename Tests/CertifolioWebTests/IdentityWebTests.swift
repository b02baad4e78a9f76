import CertifolioCore
import Hummingbird
import HummingbirdTesting
import Testing

/// The civil identity on the web: typed at enrolment, rectified by the gestionnaire with a reason
/// (refused field by field, in words), the history of rectifications on the page.
@Suite struct IdentityWebTests {
    @Test func theEnrolmentFormTakesTheCivilIdentity() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.manager)
            let form = try await browser.get("/inscription")
            #expect(form.body.contains("name=\"commune_code\"") && form.body.contains("<select id=\"sexe\" name=\"sexe\""))
            let refused = try await browser.post("/inscription", ManagerTests.enrolment
                + [("sexe", "F"), ("commune_code", "20004"), ("commune", "Ajaccio")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("aria-describedby=\"commune_code-aide commune_code-erreur\""))
            #expect(refused.text.contains("les communes de Corse ont un code INSEE commençant par 2A ou 2B"))
            let done = try await browser.post("/inscription", ManagerTests.enrolment
                + [("sexe", "F"), ("commune_code", "2a004"), ("commune", "Ajaccio"), ("nom_naissance", "Martin")])
            #expect(done.status == .seeOther)
            let page = try await browser.get("/candidats/NW010")
            #expect(page.text.contains("Née MARTIN le 2 avril 1999 à Ajaccio"))
        }
        #expect(try fixture.database.candidateRecord("NW010")?.candidate.identity.birthPlaceCode == "2A004")
    }

    @Test func theGestionnaireRectifiesWithAReasonAndTheHistoryKeepsTheFormerIdentity() async throws {
        let fixture = try WebFixture()
        let person = [("nom", "Roux"), ("prenoms", "Agnès"), ("naissance", "1989-04-12"), ("email", "agnes.roux@exemple.fr")]
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.manager)
            let record = try await browser.get("/candidats/MQ013")
            #expect(record.body.contains("href=\"/candidats/MQ013/etat-civil\""))
            let page = try await browser.get("/candidats/MQ013/etat-civil")
            #expect(page.status == .ok && page.text.contains("Aucune rectification enregistrée."))
            let noReason = try await browser.post("/candidats/MQ013/etat-civil",
                                                  person + [("sexe", "F"), ("pays_code", "350"), ("pays", "Maroc")])
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.body.contains("aria-describedby=\"motif-aide motif-erreur\""))
            #expect(noReason.text.contains("Une rectification se motive"))
            let wrongDate = try await browser.post("/candidats/MQ013/etat-civil",
                                                   person.dropLast(2) + [("naissance", "31/02/1989"), ("email", ""),
                                                                         ("motif", "Acte reçu")])
            #expect(wrongDate.status == .unprocessableContent && wrongDate.text.contains("Date « 31/02/1989 » invalide"))
            let done = try await browser.post("/candidats/MQ013/etat-civil",
                                              person + [("sexe", "F"), ("pays_code", "350"), ("pays", "Maroc"),
                                                        ("commune", "Casablanca"), ("motif", "Acte de naissance reçu")])
            #expect(done.status == .seeOther && done.location == "/candidats/MQ013")
            let after = try await browser.get("/candidats/MQ013/etat-civil")
            #expect(after.text.contains("Motif : Acte de naissance reçu"))
            // Recorded as the account's id, shown as the person's name.
            #expect(after.text.contains("— Mme Claire Dubois") && !after.text.contains("web:compte"))
            #expect(after.text.contains("pays de naissance : « — » → « Maroc »"))
        }
        let candidate = try #require(try fixture.database.candidateRecord("MQ013")?.candidate)
        #expect(candidate.familyName == "Roux" && candidate.birthDate == Day(iso: "1989-04-12"))
        #expect(candidate.bornOn == "née le 12 avril 1989 à Casablanca (Maroc)")
    }
}
