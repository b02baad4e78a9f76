import CertifolioCore
import Hummingbird
import HummingbirdTesting
import Testing

/// The gestionnaire's statistics page: each fiche's table, an answer refused at its field then
/// recorded, a surveys.csv uploaded, the CSV.
struct StatisticsWebTests {
    @Test func theTableMovesWithTheAnswersRecorded() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.manager)
            var page = try await browser.get("/statistiques")
            #expect(page.status == .ok && page.text.contains("RNCP36888 — Responsable d'établissements médicaux et médico-sociaux"))
            #expect(page.text.contains("2026 2 0 - (0 répondant, 2 sans réponse)"))
            page = try await browser.post("/statistiques/enquetes", [("candidat", "RE017"), ("date", "2027-01-12"),
                                                                     ("horizon", "6m"), ("situation", "emploi")])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("aria-describedby=\"metier_vise-erreur\""))
            page = try await browser.post("/statistiques/enquetes", [("candidat", "RE017"), ("date", "12/01/2027"),
                                                                     ("horizon", "6m"), ("situation", "emploi"),
                                                                     ("metier_vise", "oui"), ("contrat", "cdi")])
            #expect(page.status == .seeOther)
            let file = "candidate_id,date,horizon,situation,target_job,contract\nRE018,2027-01-12,6m,recherche,,\n"
            page = try await browser.upload("/statistiques/enquetes/fichier", files: [("enquetes", "surveys.csv", Array(file.utf8))])
            #expect(page.status == .seeOther)
            page = try await browser.get("/statistiques")
            #expect(page.text.contains("1 réponse enregistrée."))
            #expect(page.text.contains("2026 2 0 50 (2 répondants, 0 sans réponse) 50 (2 répondants, 0 sans réponse)"))
            let bad = "candidate_id,date,horizon,situation\nXX1,2027-01-12,6m,emploi\n"
            page = try await browser.upload("/statistiques/enquetes/fichier", files: [("enquetes", "surveys.csv", Array(bad.utf8))])
            #expect(page.status == .unprocessableContent && page.text.contains("surveys.csv, ligne 2, colonne 1 (candidate_id)"))
            let csv = try await browser.get("/statistiques.csv")
            #expect(csv.body.contains("RNCP36888,2026,2,0,50,50,,2,0,0,2,0,0"))
        }
    }
}
