import CertifolioWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// Issue 15: the server's logs are structured (one JSON object per request: method, route,
/// status, duration, account id) and hold no personal data — not the name searched, not the
/// e-mail signed in with, not a name typed in a form.
struct LogTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    @Test func requestLogsAreJSONWithoutPersonalData() async throws {
        let fixture = try WebFixture()
        let lines = Lines()
        let logger = Logger(label: "Certifolio") { JSONLogHandler(label: $0, write: lines.append) }
        let record = try #require(try fixture.database.candidateRecord("MQ013")).candidate
        try await fixture.application(logger: logger).test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.manager)
            try await browser.get("/candidats?q=\(Browser.encode(record.familyName))")
            try await browser.get("/candidats/MQ013")
            try await browser.get("/jury")  // a gestionnaire is refused the secretary's page: a 403 thrown
            try await browser.post("/inscription", [("identifiant", "XX001"), ("nom", "Personne-Secrète"),
                                                    ("prenoms", "Zélie"), ("naissance", "pas une date")])
        }
        let logged = lines.all
        #expect(logged.count >= 4, "\(logged)")
        for line in logged {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            #expect(object["level"] != nil && object["at"] != nil && object["message"] != nil)
            for secret in [record.familyName, record.email, "gestion@example.fr", "Personne-Secrète", "Zélie", "MQ013"] {
                #expect(!line.contains(secret), "a log line holds « \(secret) » : \(line)")
            }
        }
        let search = try #require(logged.first { $0.contains("\"route\":\"\\/candidats\"") && $0.contains("\"method\":\"GET\"") })
        #expect(search.contains("\"status\":\"200\"") && search.contains("\"account\":\"4\"") && search.contains("\"ms\""))
        #expect(logged.contains { $0.contains("\"route\":\"\\/inscription\"") && $0.contains("\"status\":\"422\"") })
        #expect(logged.contains { $0.contains("\"route\":\"\\/jury\"") && $0.contains("\"status\":\"403\"") }, "\(logged)")
    }
}
