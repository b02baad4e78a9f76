import CertifolioCore
import CertifolioInterchange
import Hummingbird
import HummingbirdTesting
import Testing

/// The gestionnaire's CPF page: identifiers refused at their field, then saved; every award with
/// its status and days left; the flux downloaded, valid against the Caisse's schema; the report
/// recorded from an upload.
struct CPFWebTests {
    @Test func identifiersFluxAndReportWithoutTheCommandLine() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.manager)
            var page = try await browser.get("/cpf")
            #expect(page.status == .ok && page.text.contains("Titres délivrés au 31 décembre 2027"))
            #expect(page.text.contains("en retard de"), "the fixture's awards of 2026 and June 2027 are past their three months")
            page = try await browser.post("/cpf/flux")
            #expect(page.status == .unprocessableContent && page.text.contains("ne sont pas enregistrés"))
            page = try await browser.post("/cpf/parametres", [("emetteur", "AB12"), ("certificateur", "E564ACB0"),
                                                              ("contrat", "2560080000127J"), ("deposant", "certificateur")])
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("aria-describedby=\"emetteur-aide emetteur-erreur\""))
            page = try await browser.post("/cpf/parametres", [("emetteur", "AB123CDE"), ("certificateur", "E564ACB0"),
                                                              ("contrat", "2560080000127J"), ("deposant", "tiers_confiance")])
            #expect(page.status == .seeOther)
            let flux = try await browser.post("/cpf/flux")
            #expect(flux.status == .ok && flux.headers[.contentType]?.hasPrefix("application/xml") == true)
            #expect(try XMLSchemaValidator.cpfAccrochage().problems(of: flux.bytes).isEmpty)
            #expect(flux.body.contains("<cpf:natureDeposant>TIERS_CONFIANCE</cpf:natureDeposant>"))
            let ids = try fixture.database.cpfAwards(asOf: WebFixture.today).compactMap(\.idTechnique)
            #expect(!ids.isEmpty)
            let report = "<rapport><PassagesOK>" + ids.map { "<idTechnique>\($0)</idTechnique>" }.joined()
                + "</PassagesOK></rapport>"
            page = try await browser.upload("/cpf/rapport", files: [("rapport", "rapport.xml", Array(report.utf8))])
            #expect(page.status == .seeOther)
            page = try await browser.get("/cpf")
            #expect(page.text.contains("Rapport enregistré : \(ids.count) passages acceptés, 0 passage refusé."))
            #expect(page.text.contains("Accepté"))
            let csv = try await browser.get("/cpf.csv")
            #expect(csv.body.hasPrefix("candidate_id,name,certification,awarded_on,limit,days_left,status,id_technique,message\n"))
            #expect(csv.body.contains(",accepted,") && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.body.split(separator: "\n").count == ids.count + 1, "one line per award, written as they are read")
        }
    }
}
