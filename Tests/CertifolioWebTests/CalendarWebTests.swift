import CertifolioCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The gestionnaire's calendar page and delays: the same checks as `calendar.csv` and
/// `deposit extend`, the errors at their épreuve, every change audited.
struct CalendarWebTests {
    @Test func theGestionnaireDatesAnEpreuveAndIsRefusedAtItsPlace() async throws {
        let fixture = try WebFixture()
        try await fixture.application(now: DepositWebTests.now).test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.manager)
            let page = try await browser.get("/calendrier?promotion=MEQP-2025")
            #expect(page.status == .ok)
            #expect(page.body.contains("value=\"2027-01-15T12:00\""), "the current deadline is in its field")
            let moved = try await browser.post("/calendrier", [("promotion", "MEQP-2025"), ("composante", "RNCP41818BC04"),
                                                               ("modalite", "etude_de_cas"), ("echeance", "2027-01-22T18:00")])
            #expect(moved.status == .seeOther)
            let entry = try fixture.database.calendar(cohort: "MEQP-2025").first {
                $0.component == .block("RNCP41818BC04") && $0.modality == "etude_de_cas"
            }
            #expect(entry?.schedule == .deadline(ParisTime(paris: Day(iso: "2027-01-22")!, hour: 18, minute: 0)!))
            #expect(try fixture.database.auditEntries().last?.details.contains("2027-01-15T12:00") == true)
            // A sat épreuve takes a day and a place, not a deadline.
            let wrong = try await browser.post("/calendrier", [("promotion", "MEQP-2025"), ("composante", "RNCP41818BC04"),
                                                               ("modalite", "mise_en_situation"), ("date", "2027-02-11")])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("lieu manquant"))
            let evaluator = Browser(client)
            try await evaluator.signIn(.evaluator)
            #expect(try await evaluator.get("/calendrier").status == .forbidden)
        }
    }

    @Test func theGestionnaireGrantsADelayWithItsReasonFromTheCandidatesPage() async throws {
        let fixture = try WebFixture()
        try await fixture.application(now: DepositWebTests.now).test(.router) { client in
            let manager = Browser(client)
            try await manager.signIn(.manager)
            #expect(try await manager.get("/candidats/MQ013").text.contains("Accorder un délai de dépôt"))
            let noReason = try await manager.post("/candidats/MQ013/delais", [("epreuve", "RNCP41818BC01|note_synthese"),
                                                                             ("jusquau", "2027-01-20T12:00")])
            #expect(noReason.status == .unprocessableContent && noReason.text.contains("un délai se motive"))
            let sat = try await manager.post("/candidats/MQ013/delais", [("epreuve", "RNCP41818BC04|mise_en_situation"),
                                                                        ("jusquau", "2027-01-20T12:00"), ("motif", "x")])
            #expect(sat.status == .unprocessableContent && sat.text.contains("elle ne se dépose pas"))
            let granted = try await manager.post("/candidats/MQ013/delais", [("epreuve", "RNCP41818BC01|note_synthese"),
                                                                            ("jusquau", "2027-01-20T12:00"),
                                                                            ("motif", "Hospitalisation")])
            #expect(granted.status == .seeOther)
            #expect(try fixture.database.auditEntries().last?.action == "deposit.extension")
            let candidate = Browser(client)
            try await candidate.signIn(.candidate)
            #expect(try await candidate.get("/mon-dossier/depots").text
                .contains("À déposer avant le 20 janvier 2027 à 12:00 (heure de Paris) (délai accordé) — dans 10 jours."))
            let evaluator = Browser(client)
            try await evaluator.signIn(.evaluator)
            #expect(!(try await evaluator.get("/candidats/MQ013")).text.contains("Accorder un délai"))
            #expect(try await evaluator.post("/candidats/MQ013/delais", [("epreuve", "RNCP41818BC01|note_synthese"),
                                                                        ("jusquau", "2027-02-20T12:00"),
                                                                        ("motif", "x")]).status == .forbidden)
        }
    }
}

/// The staff's view of a cohort's deposits: counts per épreuve and state, each a link, the late
/// ones listed, the CSV; an évaluateur sees only their cohorts.
struct CohortDepositWebTests {
    @Test func countsPerEpreuveAndStateWithTheLateAndTheCSV() async throws {
        let fixture = try WebFixture()
        try fixture.deposit("MQ016", "RNCP41818BC04", "etude_de_cas")
        let lines = try fixture.database.cohortDepositLines("MEQP-2025", at: DepositWebTests.now)
        let bc04 = lines.filter { $0.slot.component == .block("RNCP41818BC04") && $0.slot.modality == "etude_de_cas" }
        #expect(bc04.first { $0.candidate.id == "MQ016" }?.state == .deposited)
        try await fixture.application(now: DepositWebTests.now).test(.router) { client in
            let evaluator = Browser(client)
            try await evaluator.signIn(.evaluator)
            let page = try await evaluator.get("/promotions/MEQP-2025/depots")
            #expect(page.status == .ok && page.text.contains("Dépôts de la promotion MEQP-2025"))
            let link = "/promotions/MEQP-2025/depots?epreuve=RNCP41818BC04%7Cetude_de_cas&amp;etat=depose#liste"
            #expect(page.body.contains("<a href=\"\(link)\">1</a>"))
            let listed = try await evaluator.get(link.replacingOccurrences(of: "&amp;", with: "&"))
            #expect(listed.text.contains("RNCP41818BC04 — Étude de cas : déposé, à évaluer (1)") && listed.text.contains("(MQ016)"))
            let late = lines.filter { $0.state == .late }.count
            #expect(page.text.contains("En retard (\(late))"))
            let csv = try await evaluator.get("/promotions/MEQP-2025/depots.csv")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(String(decoding: csv.bytes, as: UTF8.self).contains("MQ016;Garcia;Cécile;RNCP41818BC04;etude_de_cas;RNCP41818BC04 — Étude de cas;depose;2027-01-15T12:00;1;2027-01-10T10:30"))
            #expect(try await evaluator.get("/promotions/REMMS-2025/depots").status == .forbidden)
        }
    }
}

/// The jury sees, on a convoked candidate's decision page, the deposits and the latest grid
/// behind each block, and may open the deposited files of convoked candidates only.
struct JuryEvidenceWebTests {
    @Test func theDecisionPageShowsDepositsAndGridsBlockByBlock() async throws {
        let fixture = try WebFixture()
        let actor = Actor("test")
        let mine = try fixture.deposit("MQ016", "RNCP41818BC04", "etude_de_cas")
        let other = try fixture.deposit("RE001", "RNCP36888BC04", "mise_en_situation")
        let block = try #require(try fixture.database.referentiels()["RNCP41818"]?.block("RNCP41818BC04"))
        var grid = block.competences.map { _ in CompetenceDraft(rating: "acquis") }
        grid[0] = CompetenceDraft(rating: "non_acquis", comment: "Délégation absente")
        try fixture.database.recordEvaluation(EvaluationDraft(component: "RNCP41818BC04", modality: "etude_de_cas",
                                                              date: "2027-01-20", score: "12", grid: grid,
                                                              deposit: mine.id.description),
                                              of: "MQ016", comment: nil, today: WebFixture.today, requireGrid: true,
                                              actor: actor)
        try await fixture.application().test(.router) { client in
            let secretary = Browser(client)
            try await secretary.signIn(.secretary)
            let page = try await secretary.get("/jury/1/candidats/MQ016")
            #expect(page.status == .ok)
            #expect(page.text.contains("Dépôts et grilles, bloc par bloc"))
            #expect(page.text.contains("Dernière grille : RNCP41818BC04 — Étude de cas, le 20 janvier 2027"))
            #expect(page.text.contains("Délégation absente"))
            #expect(try await secretary.get("/jury/1/depots/\(mine.id)/fichiers/1").bytes == DepositWebTests.pdf)
            #expect(try await secretary.get("/jury/1/depots/\(other.id)/fichiers/1").status == .notFound)
            let candidate = Browser(client)
            try await candidate.signIn(.candidate)
            #expect(try await candidate.get("/jury/1/depots/\(mine.id)/fichiers/1").status == .forbidden)
        }
    }
}

/// One épreuve for a whole promotion on one page: every filled line checked as one evaluation,
/// one refused line records nothing.
struct CohortEntryWebTests {
    @Test func aPromotionsEpreuveIsEnteredOnOnePageAllOrNothing() async throws {
        let fixture = try WebFixture()
        let block = try #require(try fixture.database.referentiels()["RNCP41818"]?.block("RNCP41818BC04"))
        let before = try fixture.database.auditEntries().count
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.evaluator)
            let page = try await browser.get("/promotions/MEQP-2025/saisie?epreuve=RNCP41818BC04%7Cetude_de_cas")
            #expect(page.status == .ok && page.text.contains("Saisie par promotion — RNCP41818BC04 — Étude de cas"))
            #expect(page.body.contains("name=\"c\(block.competences.count)[MQ016]\""))
            func grid(_ id: String, _ rating: String) -> [(String, String)] {
                block.competences.indices.map { ("c\($0 + 1)[\(id)]", rating) }
            }
            let common = [("epreuve", "RNCP41818BC04|etude_de_cas"), ("date", "2027-06-01"), ("bareme", "20")]
            // MQ017's grid is missing: nothing is recorded, MQ017's line says why.
            let refused = try await browser.post("/promotions/MEQP-2025/saisie", common + [("note[MQ016]", "14")]
                                                 + grid("MQ016", "acquis") + [("note[MQ017]", "9")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("MQ017 : la grille des compétences du bloc RNCP41818BC04 est à remplir"))
            #expect(try fixture.database.auditEntries().count == before)
            let saved = try await browser.post("/promotions/MEQP-2025/saisie", common + [("note[MQ016]", "14")]
                                               + grid("MQ016", "acquis") + [("note[MQ017]", "9")]
                                               + grid("MQ017", "non_acquis") + [("commentaire[MQ017]", "À reprendre")])
            #expect(saved.status == .seeOther)
            #expect(try fixture.database.evaluationHistory("MQ017").last?.grid.allSatisfy { $0.rating == .nonAcquis } == true)
            #expect(try fixture.database.evaluationHistory("MQ017").last?.comment == "À reprendre")
            #expect(try fixture.database.auditEntries().count == before + 2)
            #expect(try await browser.get("/promotions/REMMS-2025/saisie").status == .forbidden)
        }
    }
}
