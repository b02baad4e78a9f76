import CertifolioCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The gestionnaire's imports and accounts.
struct ManagerTests {
    static let header = "candidate_id,family_name,given_names,birth_date,email,certification,access_route,enrolled_on,cohort\n"

    @Test func aCohortUploadIsPreviewedThenImportedOnConfirmation() async throws {
        let fixture = try WebFixture()
        let csv = Self.header + "NW001,Durand,Alice,1999-04-02,alice@example.fr,RNCP41818,apprentissage,2027-09-01,MEQP-2027\n"
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.manager)
            try await browser.get("/import")
            let preview = try await browser.upload("/import/promotion", files: [("candidates", "candidates.csv",
                                                                                  Array(csv.utf8))])
            #expect(preview.status == .ok)
            #expect(preview.text.contains("Aperçu : les fichiers sont corrects."))
            #expect(preview.text.contains("1 candidat nouveau"))
            // The preview names whom it adds, not only how many.
            #expect(preview.text.contains("NW001 Alice DURAND 2 avril 1999 RNCP41818 — En contrat d'apprentissage MEQP-2027"))
            #expect(try fixture.database.candidateRecord("NW001") == nil)
            let token = try #require(preview.body.range(of: "name=\"envoi\" value=\"").map {
                String(preview.body[$0.upperBound...].prefix { $0 != "\"" })
            })
            let done = try await browser.post("/import/promotion/confirmer", [("envoi", token)])
            #expect(done.status == .seeOther)
            #expect(try fixture.database.candidateRecord("NW001") != nil)
            #expect(try fixture.database.auditEntries().last?.actor == "web:compte 4")
            // The preview is used once.
            let replay = try await browser.post("/import/promotion/confirmer", [("envoi", token)])
            #expect(replay.status == .unprocessableContent)
        }
    }

    @Test func everyBadLineIsListedAndNothingIsWritten() async throws {
        let fixture = try WebFixture()
        let csv = Self.header
            + "NW001,Durand,Alice,1999-02-30,alice@example.fr,RNCP41818,apprentissage,2027-09-01,MEQP-2027\n"
            + "NW002,Martin,Paul,1998-01-01,paul@example.fr,RNCP99999,apprentissage,2027-09-01,MEQP-2027\n"
        let before = try fixture.database.auditEntries().count
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.manager)
            try await browser.get("/import")
            let page = try await browser.upload("/import/promotion", files: [("candidates", "candidates.csv",
                                                                               Array(csv.utf8))])
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains("Rien n'a été importé"))
            #expect(page.text.contains("candidates.csv, ligne 2, colonne 4 (birth_date)"))
            #expect(page.text.contains("candidates.csv, ligne 3, colonne 6 (certification)"))
        }
        #expect(try fixture.database.candidateRecord("NW001") == nil)
        #expect(try fixture.database.auditEntries().count == before)
    }

    static let enrolment = [
        ("identifiant", "NW010"), ("nom", "Durand"), ("prenoms", "Alice Marie"), ("naissance", "02/04/1999"),
        ("email", "alice@example.fr"), ("voie", "RNCP41818|apprentissage"), ("inscription", "2027-09-01"),
        ("promotion", "MEQP-2027"),
    ]

    @Test func oneCandidateIsEnrolledFromTheFormAndOnlyOnce() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.manager)
            let form = try await browser.get("/inscription")
            #expect(form.status == .ok)
            #expect(form.body.contains("value=\"2027-12-31\""))   // today, the fixture's day
            #expect(form.body.contains("<option value=\"RNCP36888|vae\">"))
            let done = try await browser.post("/inscription", Self.enrolment)
            #expect(done.status == .seeOther)
            #expect(done.location == "/candidats/NW010")
            let page = try await browser.get("/candidats/NW010")
            #expect(page.text.contains("NW010 inscrit en RNCP41818."))
            let again = try await browser.post("/inscription", Self.enrolment)
            #expect(again.status == .unprocessableContent)
            #expect(again.text.contains("NW010 est déjà inscrit avec ces informations : rien n'a changé."))
        }
        let record = try #require(try fixture.database.candidateRecord("NW010"))
        #expect(record.candidate.birthDate == Day(iso: "1999-04-02"))
        #expect(record.candidate.givenNames == "Alice Marie")
        #expect(record.enrolment.route == "apprentissage")
        #expect(record.enrolment.cohort == "MEQP-2027")
        #expect(try fixture.database.auditEntries().last?.actor == "web:compte 4")
    }

    @Test func aWrongEnrolmentNamesEachWrongFieldAndWritesNothing() async throws {
        let fixture = try WebFixture()
        let before = try fixture.database.auditEntries().count
        let fields = Self.enrolment.filter { !["naissance", "email", "voie"].contains($0.0) }
            + [("naissance", "1999-02-30"), ("email", "pas-une-adresse"), ("voie", "")]
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.manager)
            try await browser.get("/inscription")
            let page = try await browser.post("/inscription", fields)
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains("Le candidat n'a pas été inscrit"))
            for field in ["naissance", "email", "voie"] {
                #expect(page.body.contains("aria-describedby=\"\(field)-erreur\""), "\(field)")
            }
            #expect(page.text.contains("Date « 1999-02-30 » invalide"))
            #expect(page.text.contains("Adresse électronique « pas-une-adresse » invalide."))
            // What was typed is kept.
            #expect(page.body.contains("value=\"Alice Marie\""))
            // A known id with other details is refused too.
            let other = try await browser.post("/inscription", [("identifiant", "MQ013")] + Self.enrolment.dropFirst())
            #expect(other.status == .unprocessableContent)
            #expect(other.body.contains("aria-describedby=\"identifiant-aide identifiant-erreur\""))
        }
        #expect(try fixture.database.candidateRecord("NW010") == nil)
        #expect(try fixture.database.auditEntries().count == before)
    }

    @Test func aReferentielIsImportedFromAnUploadAndABadOneIsRefused() async throws {
        let fixture = try WebFixture()
        let yaml = try Data(contentsOf: WebFixture.samples.appendingPathComponent("referentiels/RNCP41818.yaml"))
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.manager)
            try await browser.get("/import")
            let same = try await browser.upload("/import/referentiel", files: [("referentiel", "r.yaml", Array(yaml))])
            #expect(same.status == .seeOther)
            #expect(try await browser.get("/import").text.contains("déjà importé à l'identique"))
            let bad = try await browser.upload("/import/referentiel", files: [("referentiel", "r.yaml",
                                                                              Array("code: [".utf8))])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("référentiel envoyé"))
        }
    }

    @Test func theManagerCreatesAccountsAndAssignsCohorts() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.manager)
            try await browser.get("/comptes")
            // One account: its invitation link, shown once; the gestionnaire types no password.
            let created = try await browser.post("/comptes", [
                ("email", "vasseur@example.fr"), ("nom", "Mme Hélène Vasseur"), ("role", "evaluateur"),
                ("promotions[]", "REMMS-2025"),
            ])
            #expect(created.status == .ok && created.text.contains("Compte vasseur@example.fr (Évaluateur) créé"))
            let account = try #require(try fixture.database.userAccounts().first { $0.email == "vasseur@example.fr" })
            #expect(account.cohorts == ["REMMS-2025"])
            let link = try #require(Self.links(created.body).first)
            let candidate = try await browser.post("/comptes", [
                ("email", "y@example.fr"), ("nom", "Y"), ("role", "candidat"), ("candidat", "MQ013"),
            ])
            #expect(candidate.status == .unprocessableContent)
            #expect(candidate.text.contains("Le candidat MQ013 a déjà un compte."))
            // Accounts without a candidate show none (not the draft's).
            #expect(!candidate.text.contains("Gestionnaire MQ013"))
            let assigned = try await browser.post("/comptes/\(account.id)/promotions",
                                                  [("promotions[]", "MEQP-2025"), ("promotions[]", "REMMS-2025")])
            #expect(assigned.status == .seeOther)
            #expect(try fixture.database.userAccount(id: account.id)?.cohorts == ["MEQP-2025", "REMMS-2025"])
            #expect((try await browser.get("/comptes")).text.contains("invité — lien valable jusqu'au"))

            // The person follows the link, not signed in, and chooses a password (twice).
            let person = Browser(client)
            var page = try await person.get(link)
            #expect(page.text.contains("Choisir son mot de passe"))
            page = try await person.post(link, [("nouveau", "mon-mot-de-passe-a-moi"), ("confirmation", "autre")])
            #expect(page.status == .unprocessableContent && page.text.contains("diffèrent"))
            page = try await person.post(link, [("nouveau", "mon-mot-de-passe-a-moi"), ("confirmation", "mon-mot-de-passe-a-moi")])
            #expect(page.status == .seeOther)
            page = try await person.post("/connexion", [("email", "vasseur@example.fr"), ("mot_de_passe", "mon-mot-de-passe-a-moi")])
            #expect(page.status == .seeOther && page.location == "/tableau-de-bord")
            // Used once.
            let other = Browser(client)
            try await other.get(link)
            #expect(try await other.post(link, [("nouveau", "encore-un-mot-de-passe"),
                                                ("confirmation", "encore-un-mot-de-passe")]).text
                .contains("n'est pas (ou plus) valable"))
            // Their own password, changed on their page.
            page = try await person.get("/mot-de-passe")
            page = try await person.post("/mot-de-passe", [("actuel", "faux"), ("nouveau", "un-nouveau-mot-de-passe"),
                                                           ("confirmation", "un-nouveau-mot-de-passe")])
            #expect(page.status == .unprocessableContent && page.text.contains("Le mot de passe actuel est incorrect"))
            page = try await person.post("/mot-de-passe", [("actuel", "mon-mot-de-passe-a-moi"),
                                                           ("nouveau", "un-nouveau-mot-de-passe"),
                                                           ("confirmation", "un-nouveau-mot-de-passe")])
            #expect(page.status == .seeOther)
            // Deactivated by the gestionnaire: their session ends, they cannot sign in again.
            page = try await browser.post("/comptes/\(account.id)/desactivation")
            #expect(page.status == .seeOther)
            #expect(try await person.get("/tableau-de-bord").location?.hasPrefix("/connexion") == true)
            let again = Browser(client)
            try await again.get("/connexion")
            page = try await again.post("/connexion", [("email", "vasseur@example.fr"),
                                                       ("mot_de_passe", "un-nouveau-mot-de-passe")])
            #expect(page.status == .unauthorized)
        }
    }

    @Test func aWholeCohortGetsItsAccountsAndLinksOnScreenOrAsCSV() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.manager)
            try await browser.get("/comptes")
            let cohort = try fixture.database.allCandidateRecords().filter { $0.enrolment.cohort == "MEQP-2025" }
            let page = try await browser.post("/comptes/promotion", [("promotion", "MEQP-2025"), ("format", "page")])
            #expect(page.status == .ok)
            // MQ013 has an account already (the fixture's candidate).
            #expect(Self.links(page.body).count == cohort.count - 1)
            #expect(page.text.contains("1 candidat de la promotion avait déjà un compte."))
            try await browser.get("/comptes")
            let csv = try await browser.post("/comptes/promotion", [("promotion", "MEQP-2025"), ("relance", "oui"),
                                                                    ("format", "csv")])
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.body.split(separator: "\n")
            #expect(lines.first == "candidate_id,name,email,link,expires")
            #expect(lines.count == cohort.count, "a header and one new link per pending invitation")
            // The links first shown are void now: only the CSV's serve.
            let void = try #require(Self.links(page.body).first)
            let person = Browser(client)
            #expect(try await person.get(void).status == .ok)
            #expect(try await person.post(void, [("nouveau", "mon-mot-de-passe-a-moi"),
                                                 ("confirmation", "mon-mot-de-passe-a-moi")]).status
                    == .unprocessableContent)
        }
    }

    /// The invitation addresses a page shows (paths on the test host).
    static func links(_ body: String) -> [String] {
        body.components(separatedBy: "/invitation/").dropFirst().map { "/invitation/" + $0.prefix { $0 != "<" } }
    }
}
