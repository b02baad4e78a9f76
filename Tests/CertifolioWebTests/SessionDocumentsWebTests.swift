import CertifolioApp
import CertifolioCore
import CertifolioTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 13 on the web: the secretary reads a projet de PV, confirms the closing on a page that
/// says what it locks, downloads the notifications and issues the parchemins; anyone verifies one.
struct SessionDocumentsWebTests {
    /// A RNCP36888 session of the REMMS-2025 cohort with its jury complete and the proposals taken.
    private func preparedSession(_ browser: Browser, _ fixture: WebFixture) async throws -> String {
        let created = try await browser.post("/jury", [("certification", "RNCP36888"), ("date", "2027-07-01"),
                                                       ("lieu", "Bordeaux")])
        let path = try #require(created.location)
        try await browser.post("\(path)/convocation", [("promotion", "REMMS-2025")])
        let referentiel = try #require(try fixture.database.referentiels()["RNCP36888"])
        let route = try #require(referentiel.accessRoutes.first { $0.allowed }?.jury)
        var n = 0
        for seat in route.seats {
            for _ in 0..<seat.count {
                n += 1
                try await browser.post("\(path)/membres", [("nom", "Membre Numéro \(n)"), ("role", seat.role.rawValue),
                                                            ("externe", seat.mustBeExternal ? "oui" : "non")])
            }
        }
        try await browser.post("\(path)/propositions")
        return path
    }

    @Test func aDraftThenAConfirmedClosingThenNotificationsAndParchemins() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.secretary)
            let path = try await preparedSession(browser, fixture)
            // An extra member, excused: recorded, named on the PV, fills no seat.
            try await browser.post("\(path)/membres", [("nom", "Mme Absente"), ("role", "enseignant")])
            var page = try await browser.post("\(path)/membres/presence", [("nom", "Mme Absente"), ("presence", "excuse")])
            #expect(page.status == .seeOther)
            page = try await browser.get(path)
            #expect(page.text.contains("absence excusée"))
            #expect(page.text.contains("La fiche désigne qui préside : « Responsable national du titre (président du jury) »."))
            // The fiche names the presiding role: designating someone else is refused in words.
            page = try await browser.post("\(path)/membres/presence", [("nom", "Membre Numéro 1"), ("presence", "present"),
                                                                       ("preside", "oui")])
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains("désigne qui préside le jury"))

            let draft = try await browser.get("\(path)/projet-pv.pdf")
            #expect(draft.status == .ok && draft.bytes.starts(with: Array("%PDF".utf8)))
            #expect(try PDFText.flat(bytes: draft.bytes).contains("PROJET DE PV — sans valeur de décision"))

            // The session page links to a confirmation page; closing happens only there.
            page = try await browser.get(path)
            #expect(page.body.contains("href=\"\(path)/cloture\""))
            #expect(!page.body.contains("action=\"\(path)/cloture\""))
            page = try await browser.get("\(path)/cloture")
            #expect(page.text.contains("Ce qui sera arrêté"))
            #expect(page.text.contains("ne peuvent plus être modifiés"))
            #expect(page.body.contains("action=\"\(path)/cloture\""), "\(page.text.prefix(2000))")
            page = try await browser.post("\(path)/cloture")
            #expect(page.status == .seeOther)

            page = try await browser.get(path)
            #expect(page.text.contains("Notifications de décision de tous les candidats (ZIP)"))
            // The table filters by status: with the title, without it.
            let decisions = try fixture.database.sessionDecisions(JurySessionID(2)).map(\.decision)
            let holders = Set(decisions.filter { $0.component == .title && $0.decision == .valide }.map(\.candidate))
            let holder = try #require(holders.first)
            let other = try #require(decisions.map(\.candidate).first { !holders.contains($0) })
            #expect(page.text.contains("Titre délivré (\(holders.count))"))
            // (The table's rows: the avenant form lists every candidate in its choices.)
            func row(_ id: CandidateID) -> String { "<span class=\"id\">(\(id))</span>" }
            let withTitle = try await browser.get("\(path)?filtre=titre")
            #expect(withTitle.body.contains(row(holder)) && !withTitle.body.contains(row(other)))
            let without = try await browser.get("\(path)?filtre=sans-titre")
            #expect(!without.body.contains(row(holder)) && without.body.contains(row(other)))
            let zip = try await browser.get("\(path)/notifications.zip")
            #expect(zip.status == .ok && zip.headers[.contentType] == "application/zip")
            #expect(zip.bytes.starts(with: [0x50, 0x4b, 0x03, 0x04]))
            let convoked = try fixture.database.jurySession(JurySessionID(2)).convoked.count
            // The end record (last 22 bytes) counts the entries: one notification per convoked candidate.
            let end = Array(zip.bytes.suffix(22))
            #expect(end.starts(with: [0x50, 0x4b, 0x05, 0x06]))
            #expect(Int(end[10]) | Int(end[11]) << 8 == convoked)
            let first = try #require(try fixture.database.jurySession(JurySessionID(2)).convoked.first)
            let letter = try await browser.get("\(path)/notifications/\(first).pdf")
            #expect(try PDFText.flat(bytes: letter.bytes).contains("Notification de décision du jury"))

            page = try await browser.post("\(path)/parchemins")
            #expect(page.status == .seeOther)
            let register = try await browser.get("/parchemins")
            #expect(register.text.contains("RNCP36888-2027-0001"))
            let issued = try #require(try fixture.database.parcheminRegister().first)
            let file = try await browser.get("/parchemins/\(issued.entry.serial)")
            #expect(file.bytes == Array(try Data(contentsOf: URL(fileURLWithPath: try #require(
                try fixture.database.parchemin(serial: issued.entry.serial)).path))))
            // Issuing again issues nothing new.
            let count = try fixture.database.parcheminRegister().count
            try await browser.post("\(path)/parchemins")
            #expect(try fixture.database.parcheminRegister().count == count)

            // An avenant on the web: a wrong date is refused in words; then the title is revoked,
            // and the parchemin's public page says "annulé".
            let revoked = issued.entry.candidate.rawValue
            page = try await browser.post("\(path)/avenant", [("candidat", revoked), ("objet", "title"),
                                                             ("decision", "ajourne"), ("date", "hier"), ("raison", "Fraude")])
            #expect(page.status == .unprocessableContent && page.text.contains("« hier » n'est pas une date"))
            page = try await browser.post("\(path)/avenant", [("candidat", revoked), ("objet", "title"),
                                                             ("decision", "ajourne"), ("date", "2027-07-20"),
                                                             ("raison", "Fraude établie après le jury")])
            #expect(page.status == .seeOther, "\(page.text.prefix(800))")
            #expect(try await browser.get(path).text.contains("Avenant enregistré"))
            let verification = try await browser.get("/verification/\(issued.entry.verificationCode)")
            #expect(verification.text.contains("annulé"))
        }
    }

    @Test func anyoneVerifiesACodeAndReadsNothingMoreThanTheParcheminSays() async throws {
        let fixture = try WebFixture()
        let issued = try fixture.database.issueParchemin("MQ013", asOf: WebFixture.today, actor: Actor("test"))
        let code = issued.entry.verificationCode
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            var page = try await browser.get("/verification/\(code)")
            #expect(page.status == .ok)
            #expect(page.text.contains("valide"))
            #expect(page.text.contains("Manager expert qualité et performance des organisations d'économie sociale et solidaire"))
            let record = try #require(try fixture.database.candidateRecord("MQ013"))
            #expect(page.text.contains(record.candidate.displayName))
            // Nothing else of the record: no id, no e-mail, no birth date.
            #expect(!page.text.contains("MQ013") && !page.text.contains(record.candidate.email))
            #expect(!page.text.contains(record.candidate.birthDate.french))
            // The form's query goes to the code's page, typed loosely.
            page = try await browser.get("/verification?code=" + code.lowercased())
            #expect(page.status == .seeOther && page.location == "/verification/\(code)")
            page = try await browser.get("/verification/ZZZZZZZZZZZZ")
            #expect(page.status == .notFound && page.text.contains("Aucun parchemin ne porte le code"))
            page = try await browser.get("/verification/%3Cscript%3E")
            #expect(page.status == .notFound && !page.body.contains("<script>"))
        }
    }
}
