import CertifolioApp
import CertifolioCore
import CertifolioReports
import CertifolioRules
import Hummingbird
import HummingbirdTesting
import Foundation
import Testing

/// The candidate's progress page and documents: their own record only, in plain French.
struct CandidatePortalTests {
    @Test func theProgressPageSaysWhereEachBlockStandsAndWhatIsMissing() async throws {
        let fixture = try WebFixture()
        // RE001 is the second candidate account: a record with something still missing.
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.get("/connexion")
            try await browser.post("/connexion", [("email", "re001@example.fr"), ("mot_de_passe", WebFixture.password)])
            let page = try await browser.get("/mon-dossier")
            #expect(page.status == .ok)
            let text = page.text
            #expect(text.contains("(RE001)"))
            #expect(text.contains("Situation au 31 décembre 2027"))
            #expect(text.contains("Blocs de compétences"))
            #expect(text.contains("Historique des évaluations"))
            let record = try #require(try fixture.database.candidateRecord("RE001"))
            #expect(text.contains(record.candidate.displayName))
            let referentiel = try #require(try fixture.database.referentiels()["RNCP36888"])
            let verdict = VerdictEngine.verdict(for: record, referentiel: referentiel, asOf: WebFixture.today)
            let missing = VerdictText.missingItems(verdict)
            #expect(!missing.isEmpty)
            #expect(text.contains("Ce qui manque pour le titre"))
            for item in missing { #expect(text.contains(String(item.dropFirst()))) }
            // No other candidate's name appears.
            let other = try #require(try fixture.database.candidateRecord("RE002"))
            #expect(!text.contains(other.candidate.displayName))
        }
    }

    @Test func whatStaffWroteIsShownAsTextNeverAsMarkup() async throws {
        let fixture = try WebFixture()
        let record = try #require(try fixture.database.candidateRecord("MQ013"))
        let event = try #require(record.events.first)
        let draft = EvaluationDraft(component: event.component.fileValue, modality: event.modality.rawValue,
                                    date: event.date.iso, score: event.score?.description ?? "",
                                    result: event.result?.rawValue ?? "")
        try fixture.database.recordEvaluation(draft, of: "MQ013", comment: "<script>alert(1)</script> Très bien & net",
                                              today: event.date, actor: Actor("test"))
        try fixture.database.publish(cohort: "MEQP-2025", component: draft.component, modality: draft.modality,
                                     actor: Actor("test"))
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.candidate)
            let page = try await browser.get("/mon-dossier")
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt; Très bien &amp; net"))
            #expect(!page.body.contains("<script"))
        }
    }

    @Test func acquiredBlocksShowTheirJuryDateAndTheDocumentsDownload() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.candidate)
            let page = try await browser.get("/mon-dossier")
            #expect(page.text.contains("acquis — validé par le jury du 22 juin 2026"))
            #expect(page.text.contains("Titre délivré par le jury du 14 juin 2027."))
            let attestation = try await browser.get("/mon-dossier/attestation.pdf")
            #expect(attestation.status == .ok)
            #expect(attestation.headers[.contentType] == "application/pdf")
            #expect(attestation.bytes.starts(with: Array("%PDF".utf8)))
            #expect(attestation.headers[.contentDisposition] == "attachment; filename=\"attestation-MQ013.pdf\"")
            // The title is awarded but no parchemin issued: the page says so, nothing to download.
            #expect(page.text.contains("le certificateur ne l'a pas encore délivré"))
            #expect(try await browser.get("/mon-dossier/parchemin.pdf").status == .notFound)
            let issued = try fixture.database.issueParchemin("MQ013", asOf: WebFixture.today, actor: Actor("test"))
            let issuedPage = try await browser.get("/mon-dossier")
            #expect(issuedPage.text.contains("Parchemin n° \(issued.entry.serial)"))
            #expect(issuedPage.body.contains("href=\"/verification/\(issued.entry.verificationCode)\""))
            // Downloaded twice: the very file issued, byte for byte.
            let parchemin = try await browser.get("/mon-dossier/parchemin.pdf")
            #expect(parchemin.bytes.starts(with: Array("%PDF".utf8)))
            #expect(parchemin.bytes == Array(try Data(contentsOf: URL(fileURLWithPath: issued.path))))
            #expect(try await browser.get("/mon-dossier/parchemin.pdf").bytes == parchemin.bytes)
        }
    }

    @Test func theAddressCannotChooseAnotherCandidate() async throws {
        try await WebFixture().application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.candidate)
            let page = try await browser.get("/mon-dossier?candidat=MQ014")
            #expect(page.text.contains("(MQ013)"))
            #expect(!page.text.contains("(MQ014)"))
            #expect(try await browser.get("/candidats/MQ014").status == .forbidden)
        }
    }
}

/// Issue 15 (RGPD): a candidate downloads everything held of them from their own page, and the
/// gestionnaire answers a request of access from the candidate's page: one ZIP with
/// donnees-personnelles.json (their rows only) and their deposited files.
struct PersonalDataWebTests {
    @Test func theCandidateDownloadsTheirOwnDataAsAZip() async throws {
        let fixture = try WebFixture()
        try fixture.deposit("MQ013", "RNCP41818BC01", "note_synthese", at: ParisTime(paris: Day(iso: "2026-01-10")!, hour: 9, minute: 0)!)
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.candidate)
            let portal = try await browser.get("/mon-dossier")
            #expect(portal.body.contains("href=\"/mon-dossier/donnees-personnelles.zip\""))
            let zip = try await browser.get("/mon-dossier/donnees-personnelles.zip")
            #expect(zip.status == .ok && zip.headers[.contentType] == "application/zip")
            let text = String(decoding: zip.bytes, as: UTF8.self)
            // Stored (not compressed) entries: the names and the JSON read in the archive's bytes.
            #expect(text.contains("donnees-personnelles.json") && text.contains("\"candidate_id\" : \"MQ013\""))
            #expect(text.contains("depots/RNCP41818BC01_note_synthese/v1/") && !text.contains("password_hash"))
            #expect(!text.contains("\"MQ014\""), "no one else's rows")
        }
    }
}
