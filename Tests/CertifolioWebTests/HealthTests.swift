import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /sante` answers without an account and says nothing about anyone.
struct HealthTests {
    @Test func theHealthEndpointSaysTheDatabaseReads() async throws {
        let fixture = try WebFixture()
        try await fixture.application().test(.router) { client in
            let page = try await Browser(client).get("/sante")
            #expect(page.status == .ok && page.body == "{\"statut\":\"ok\",\"base\":\"ok\"}\n")
            #expect(page.headers[.contentType] == "application/json; charset=utf-8")
        }
    }
}
