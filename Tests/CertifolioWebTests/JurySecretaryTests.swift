import CertifolioApp
import CertifolioCore
import CertifolioTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The secretary's whole loop on the web: members, composition, decisions, closing, PV.
struct JurySecretaryTests {
    @Test func aSessionIsPreparedDecidedClosedAndItsMinutesDownloaded() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.secretary)
            let created = try await browser.post("/jury", [("certification", "RNCP36888"), ("date", "2027-07-01"),
                                                           ("lieu", "Bordeaux")])
            #expect(created.status == .seeOther)
            let path = try #require(created.location)
            #expect(path == "/jury/2")
            var page = try await browser.get(path)
            #expect(page.text.contains("Session de jury n° 2"))
            #expect(page.text.contains("1er juillet 2027"))
            #expect(page.text.contains("Bordeaux"))
            page = try await browser.post("\(path)/convocation", [("promotion", "REMMS-2025")])
            #expect(page.status == .seeOther)
            // Without members, closing is refused with every reason and nothing changes.
            try await browser.post("\(path)/propositions")
            page = try await browser.post("\(path)/cloture")
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains("Action refusée, rien n'a été modifié"))
            // A member added by mistake is removed.
            let referentiel = try #require(try fixture.database.referentiels()["RNCP36888"])
            let someRole = try #require(referentiel.juryRoles.first?.id.rawValue)
            try await browser.post("\(path)/membres", [("nom", "M. Erreur de Saisie"), ("role", someRole)])
            page = try await browser.post("\(path)/membres/retrait", [("nom", "M. Erreur de Saisie")])
            #expect(page.status == .seeOther)
            #expect(!(try await browser.get(path)).text.contains("Erreur de Saisie"))
            let route = try #require(referentiel.accessRoutes.first { $0.allowed }?.jury)
            var n = 0
            for seat in route.seats {
                for _ in 0..<seat.count {
                    n += 1
                    try await browser.post("\(path)/membres", [("nom", "Membre Numéro \(n)"), ("role", seat.role.rawValue),
                                                                ("externe", seat.mustBeExternal ? "oui" : "non")])
                }
            }
            page = try await browser.get(path)
            #expect(page.text.contains("Membre Numéro 1"))
            page = try await browser.post("\(path)/cloture")
            #expect(page.status == .seeOther, "\(page.text.prefix(3000))")
            if page.status != .seeOther {
                Issue.record("closing refused: \(page.text.prefix(1500))")
                return
            }
            page = try await browser.get(path)
            #expect(page.text.contains("close le"))
            let pv = try await browser.get("\(path)/pv.pdf")
            #expect(pv.status == .ok)
            #expect(pv.headers[.contentType] == "application/pdf")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("web-pv-\(UUID()).pdf")
            try Data(pv.bytes).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            #expect(try PDFText.flat(file.path).contains("Bordeaux"))
            let csv = try await browser.get("\(path)/pv.csv")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.body.contains("RE001"))
            // A closed session takes no more members.
            page = try await browser.post("\(path)/membres", [("nom", "Tard Venu"), ("role", someRole)])
            #expect(page.status == .unprocessableContent)
        }
        #expect(try fixture.database.auditEntries().contains { $0.action == "jury.close" && $0.actor == "web:compte 5" })
    }

    @Test func aDecisionDepartingFromTheProposalNeedsAMotive() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.secretary)
            let form = try await browser.get("/jury/1/candidats/MQ012")
            #expect(form.status == .ok)
            #expect(form.text.contains("Décisions pour"))
            let review = try #require(try fixture.database.reviews(JurySessionID(1))
                .first { $0.record.candidate.id == "MQ012" })
            let expected = review.proposal.expectedDecision(.title)
            let departing: DecisionKind = expected == .valide ? .ajourne : .absent
            let page = try await browser.post("/jury/1/candidats/MQ012", [
                ("composante[]", "title"), ("decision[title]", departing.rawValue), ("motif[title]", ""),
            ])
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains("s'écarte de la proposition"))
            #expect(page.text.contains("un motif est obligatoire"))
            // The line says what is wrong, not where in a sheet the web built.
            #expect(!page.text.contains("ligne 2"))
            #expect(try fixture.database.draftDecisions(JurySessionID(1)).isEmpty)
            let ok = try await browser.post("/jury/1/candidats/MQ012", [
                ("composante[]", "title"), ("decision[title]", departing.rawValue), ("motif[title]", "Dossier incomplet"),
            ])
            #expect(ok.status == .seeOther)
            #expect(try fixture.database.draftDecisions(JurySessionID(1)).count == 1)
        }
    }

    /// Contract §6 on the web: no motive validates a title the fiche does not allow, and the
    /// refusal speaks of the fiche, never of a command to run.
    @Test func noMotiveValidatesATitleTheFicheForbids() async throws {
        let fixture = try WebFixture()
        let review = try #require(try fixture.database.reviews(JurySessionID(1))
            .first { $0.proposal.kind != .title && !$0.proposal.titleAwarded })
        let id = review.record.candidate.id
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.secretary)
            let page = try await browser.post("/jury/1/candidats/\(id)", [
                ("composante[]", "title"), ("decision[title]", "valide"), ("motif[title]", "Expérience antérieure reconnue"),
            ])
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains("le titre ne peut être validé, la fiche ne le permet pas"))
            #expect(!page.text.contains("certifolio "))
            #expect(try fixture.database.draftDecisions(JurySessionID(1)).isEmpty)
        }
    }
}
