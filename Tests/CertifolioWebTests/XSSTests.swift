import CertifolioApp
import CertifolioCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 15: names such as `<script>alert(1)</script>` and `"><img src=x onerror=alert(1)>`,
/// imported from a file and typed in forms, are text on every page that shows them, never markup.
struct XSSTests {
    static let script = "<script>alert(1)</script>"
    static let image = "\"><img src=x onerror=alert(1)>"

    @Test func hostileNamesAreEscapedOnEveryPage() async throws {
        let fixture = try WebFixture()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xss-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cohort = "MEQP-2025"
        try """
            candidate_id,family_name,given_names,birth_date,email,certification,access_route,enrolled_on,cohort,birth_place
            XS001,"\(Self.script.replacingOccurrences(of: "\"", with: "\"\""))","\(Self.image.replacingOccurrences(of: "\"", with: "\"\""))",1990-01-01,,RNCP41818,apprentissage,2025-09-15,\(cohort),
            """.write(to: folder.appendingPathComponent("candidates.csv"), atomically: true, encoding: .utf8)
        _ = try fixture.database.importCohort(folder: folder.path, actor: Actor("test"))
        try fixture.database.addJuryPerson(name: Self.script, external: true, account: nil, actor: Actor("test"))
        try fixture.database.addJuryMember(JuryMember(name: Self.image, role: "expert_domaine", external: true),
                                           to: JurySessionID(1), actor: Actor("test"))
        _ = try fixture.database.convoke(JurySessionID(1), candidates: ["XS001"], cohort: nil, actor: Actor("test"))
        let pages: [(WebFixture.Who, [String])] = [
            (.manager, ["/candidats", "/candidats?q=script", "/candidats/XS001", "/candidats/XS001/etat-civil",
                        "/promotions/\(cohort)", "/promotions/\(cohort)/depots", "/promotions/\(cohort)/saisie",
                        "/tableau-de-bord", "/comptes", "/cpf", "/statistiques", "/annuaire-du-jury", "/parchemins",
                        "/candidats.csv"]),
            (.secretary, ["/jury", "/jury/1", "/jury/1/candidats/XS001", "/annuaire-du-jury"]),
            (.evaluator, ["/promotions/\(cohort)", "/candidats/XS001", "/a-evaluer"]),
        ]
        for (who, paths) in pages {
            try await fixture.application().test(.router) { client in
                let browser = Browser(client)
                try await browser.signIn(who)
                for path in paths {
                    let page = try await browser.get(path)
                    #expect(page.status == .ok, "\(who) \(path)")
                    if path.hasSuffix(".csv") { continue }
                    #expect(!page.body.contains("<script"), "\(who) \(path) carries a script element")
                    #expect(!page.body.contains("<img src=x"), "\(who) \(path) carries an injected image")
                    #expect(!page.body.contains("\"><img"), "\(who) \(path) closes an attribute")
                }
                if who == .manager {
                    let record = try await browser.get("/candidats/XS001")
                    #expect(record.body.contains("&lt;script&gt;") || record.body.contains("&lt;SCRIPT&gt;"))
                    // Typed in a form, refused or not, it comes back as text too.
                    let form = try await browser.post("/inscription", [("identifiant", "XS002"), ("nom", Self.script),
                                                                       ("prenoms", Self.image), ("naissance", "bad")])
                    #expect(form.status == .unprocessableContent && !form.body.contains("<script") && !form.body.contains("<img src=x"))
                }
            }
        }
    }
}
