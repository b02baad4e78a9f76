import CertifolioCore
@testable import CertifolioWeb
import Testing

/// The one list of web addresses: links are built from the patterns the router registers.
struct WebRoutesTests {
    @Test func linksFillThePatternsAndEscapeEachValue() {
        #expect(WebRoutes.correction.pattern == "candidats/{id}/evaluations/{event}/correction")
        #expect(WebRoutes.correction.path(("MQ013", 42)) == "/candidats/MQ013/evaluations/42/correction")
        #expect(WebRoutes.sessionAttestation.path((JurySessionID(3), "RE011")) == "/jury/3/attestations/RE011.pdf")
        // A cohort's name may hold anything a person types: it stays one segment.
        #expect(WebRoutes.cohort.path("Promo A/B #2") == "/promotions/Promo%20A%2FB%20%232")
        #expect(WebRoutes.home.path == "/")
        #expect(WebRoutes.sessions.path == "/jury")
    }

    @Test func anAddressWhoseValueCannotBeReadIsNotFound() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.secretary)
            #expect(try await browser.get("/jury/abc").status == .notFound)
            #expect(try await browser.get("/jury/0/pv.pdf").status == .notFound)
            // An escaped cohort name reads back as the name (here, one nobody has: 404).
            try await browser.signIn(.manager)
            #expect(try await browser.get(WebRoutes.cohort.path("Promo A/B")).status == .notFound)
            #expect(try await browser.get(WebRoutes.cohort.path("MEQP-2025")).status == .ok)
        }
    }
}
