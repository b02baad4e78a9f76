import CertifolioApp
import CertifolioCore
import CertifolioRules
import Hummingbird
import HummingbirdTesting
import Testing

/// The évaluateur's workspace: dashboard, cohort, candidate page, evaluation and correction.
struct StaffTests {
    @Test func anEvaluationRecordedOnTheWebChangesTheStatusAndLandsInTheAuditTrail() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.evaluator)
            // The first candidate of the cohort with a block under way: passing every modality
            // of that block not yet passed makes it "réussi".
            let referentiel = try #require(try fixture.database.referentiels()["RNCP41818"])
            let ratio = referentiel.evaluation.passRatio
            let (record, block) = try #require(try fixture.database.candidateRecords(cohort: "MEQP-2025")
                .lazy.compactMap { record -> (CandidateRecord, BlockCode)? in
                    let verdict = VerdictEngine.verdict(for: record, referentiel: referentiel, asOf: WebFixture.today)
                    return verdict.blocks.first { $0.status == .inProgress }.map { (record, $0.code) }
                }.first)
            let id = record.candidate.id.rawValue
            let before = try await browser.get("/candidats/\(id)")
            #expect(before.status == .ok)
            #expect(before.text.contains("Enregistrer une évaluation"))
            let toPass = try #require(referentiel.block(block)).modalities.map(\.id).filter { modality in
                !record.events.contains { $0.component == .block(block) && $0.modality == modality && $0.passes(ratio: ratio) }
            }
            for modality in toPass {
                let saved = try await browser.post("/candidats/\(id)/evaluations", [
                    ("epreuve", "\(block)|\(modality)"), ("date", "2027-12-01"), ("note", "18,5"), ("bareme", "20"),
                    ("resultat", ""), ("commentaire", "Très bonne maîtrise."),
                ] + EvaluationFormValue.grid(.block(block), referentiel))
                #expect(saved.status == .seeOther)
                #expect(saved.location == "/candidats/\(id)")
            }
            let after = try await browser.get("/candidats/\(id)")
            #expect(after.text.contains("Évaluation n°"))
            #expect(after.text.contains("18,5/20"))
            #expect(after.text.contains("Très bonne maîtrise."))
            let now = try #require(try fixture.database.candidateRecord(record.candidate.id))
            let newVerdict = VerdictEngine.verdict(for: now, referentiel: referentiel, asOf: WebFixture.today)
            #expect(newVerdict.blocks.first { $0.code == block }?.status == .passed)
            #expect(after.text.contains("\(block) \(try #require(referentiel.block(block)).title) réussi, à valider par le jury"))
            let entry = try #require(try fixture.database.auditEntries().last)
            #expect(entry.actor == "web:compte 3")
            #expect(entry.action == "event.record")
            #expect(try fixture.database.evaluationHistory(record.candidate.id).last?.event.evaluator == "Mme Agnès Perrot")
        }
    }

    @Test func aWrongEvaluationIsRefusedFieldByFieldInFrenchAndNothingIsWritten() async throws {
        let fixture = try WebFixture()
        let count = try fixture.database.evaluationHistory("MQ002").count
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.evaluator)
            try await browser.get("/candidats/MQ002")
            let page = try await browser.post("/candidats/MQ002/evaluations", [
                ("epreuve", "RNCP36888BC01|note_synthese"), ("date", "31/02/2027"), ("note", "25"), ("bareme", "20"),
            ])
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains("L'évaluation n'a pas été enregistrée"))
            #expect(page.text.contains("Choisissez l'épreuve évaluée"))
            #expect(page.text.contains("« 31/02/2027 » n'est pas une date"))
            #expect(page.body.contains("aria-invalid=\"true\""))
            // What was typed is kept.
            #expect(page.body.contains("value=\"25\""))
            let future = try await browser.post("/candidats/MQ002/evaluations", [
                ("epreuve", "RNCP41818BC01|etude_de_cas"), ("date", "2028-01-15"), ("note", "12"), ("bareme", "20"),
            ])
            #expect(future.text.contains("dans le futur"))
        }
        #expect(try fixture.database.evaluationHistory("MQ002").count == count)
    }

    @Test func aCorrectionReplacesTheEventWithAReasonAndKeepsTheOldOneInTheHistory() async throws {
        let fixture = try WebFixture()
        let first = try #require(try fixture.database.evaluationHistory("MQ014").first)
        let referentiel = try #require(try fixture.database.referentiels()["RNCP41818"])
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.manager)
            let form = try await browser.get("/candidats/MQ014/evaluations/\(first.id)/correction")
            #expect(form.status == .ok)
            #expect(form.text.contains("Raison de la correction"))
            let missingReason = try await browser.post("/candidats/MQ014/evaluations/\(first.id)/correction", [
                ("epreuve", EvaluationFormValue.of(first)), ("date", first.event.date.iso), ("note", "9"), ("bareme", "20"),
            ])
            #expect(missingReason.status == .unprocessableContent)
            #expect(missingReason.text.contains("une correction doit donner sa raison"))
            let done = try await browser.post("/candidats/MQ014/evaluations/\(first.id)/correction", [
                ("epreuve", EvaluationFormValue.of(first)), ("date", first.event.date.iso), ("note", "9"), ("bareme", "20"),
                ("motif", "Erreur de report de la note"),
            ] + EvaluationFormValue.grid(first.event.component, referentiel, rating: "partiellement_acquis"))
            #expect(done.status == .seeOther)
            let page = try await browser.get("/candidats/MQ014")
            #expect(page.text.contains("Corrige l'évaluation n° \(first.id) : Erreur de report de la note"))
            #expect(page.text.contains("Corrigée par l'évaluation n°"))
            // A corrected event cannot be corrected twice.
            let again = try await browser.post("/candidats/MQ014/evaluations/\(first.id)/correction", [
                ("epreuve", EvaluationFormValue.of(first)), ("date", first.event.date.iso), ("note", "9"), ("bareme", "20"),
                ("motif", "encore"),
            ] + EvaluationFormValue.grid(first.event.component, referentiel))
            #expect(again.text.contains("a déjà été corrigée"))
        }
        #expect(try fixture.database.auditEntries().last?.action == "event.correct")
    }

    @Test func theDashboardCountsCandidatesPerStatusAndNamesTheBlocksMostOftenFailed() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.evaluator)
            let page = try await browser.get("/tableau-de-bord")
            #expect(page.text.contains("Promotion MEQP-2025"))
            // The évaluateur follows MEQP-2025 only.
            #expect(!page.text.contains("REMMS-2025"))
            #expect(page.text.contains("Blocs le plus souvent échoués"))
            let records = try fixture.database.candidateRecords(cohort: "MEQP-2025")
            #expect(page.text.contains("Candidats Titre délivré Présentables au jury En cours Blocs acquis "
                                       + "Blocs réussis à valider \(records.count) "))
        }
    }
}

extension StaffTests {
    /// Issue 13: the dashboard's counts open the lists behind them, which export as CSV, and the
    /// end of a fiche's registration is announced six months ahead to those still in progress.
    @Test func theDashboardsCountsLinkToTheirListsAndTheFichesEndIsAnnounced() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.manager)
            let page = try await browser.get("/tableau-de-bord")
            let records = try fixture.database.candidateRecords(cohort: "REMMS-2025")
            let referentiel = try #require(try fixture.database.referentiels()["RNCP36888"])
            let verdicts = Certifolio.verdicts(records, referentiels: ["RNCP36888": referentiel], asOf: WebFixture.today)
            let inProgress = verdicts.filter { $0.verdict.title.status != .awarded }.count
            #expect(page.text.contains("La fiche RNCP36888 n'est plus enregistrée après le 29 septembre 2027 : "
                                       + "\(inProgress) candidats de la promotion sont encore en cours."))
            #expect(page.body.contains("href=\"/promotions/REMMS-2025?titre=en-cours\""))
            let list = try await browser.get("/promotions/REMMS-2025?titre=en-cours")
            #expect(list.text.contains("Candidats « en cours » (\(verdicts.filter { $0.verdict.title.status == .notEligible }.count))"))
            let csv = try await browser.get("/promotions/REMMS-2025/candidats.csv?titre=en-cours")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.body.split(separator: "\n").first == "candidate_id,name,access_route,blocks,title")
            #expect(csv.body.split(separator: "\n").count == 1 + verdicts.filter { $0.verdict.title.status == .notEligible }.count)
        }
    }
}

enum EvaluationFormValue {
    static func of(_ entry: EvaluationEntry) -> String {
        "\(entry.event.component.fileValue)|\(entry.event.modality.rawValue)"
    }

    /// The grid a block's évaluation carries, every competence rated `rating` (none for a final exam).
    static func grid(_ component: Component, _ referentiel: Referentiel, rating: String = "acquis") -> [(String, String)] {
        guard case .block(let code) = component, let block = referentiel.block(code) else { return [] }
        return block.competences.indices.map { ("grille[c\($0 + 1)]", rating) }
    }
}
