import CertifolioCore
import Hummingbird
import HummingbirdTesting
import Testing

/// Every list a person reads on a page is also a CSV: the candidate search (as searched), the
/// sessions, the jury directory, the register.
struct ListExportTests {
    @Test func eachListComesAsCSVWithItsHeaderAndItsLines() async throws {
        let fixture = try WebFixture()
        try fixture.database.addJuryPerson(name: "Mme Claire Dubois, expert", external: true, account: nil, actor: Actor("test"))
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.manager)
            let search = try await browser.get("/candidats?q=garcia")
            #expect(search.body.contains("href=\"/candidats.csv?q=garcia\""))
            let found = try await browser.get("/candidats.csv?q=garcia")
            #expect(found.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = found.body.split(separator: "\n")
            #expect(lines.first == "candidate_id,family_name,given_names,birth_date,certification,cohort")
            #expect(lines.count > 1 && lines.dropFirst().allSatisfy { $0.contains("Garcia") })
            let all = try await browser.get("/candidats.csv")
            #expect(all.body.split(separator: "\n").count == 1 + (try fixture.database.enrolledCandidates().count))
            let directory = try await browser.get("/annuaire-du-jury.csv")
            #expect(directory.body == "name,external,sessions,evaluator_account\n\"Mme Claire Dubois, expert\",oui,0,\n")
            let register = try await browser.get("/parchemins.csv")
            #expect(register.body == "serial,candidate_id,holder,awarded_on,issued_at,verification_code,status\n")
        }
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.secretary)
            let sessions = try await browser.get("/jury.csv")
            #expect(sessions.body == "session_id,certification,date,place,convoked,closed_at\n1,RNCP41818,2027-06-30,Lyon,"
                    + "\(try fixture.database.jurySession(JurySessionID(1)).convoked.count),\n")
        }
    }
}
