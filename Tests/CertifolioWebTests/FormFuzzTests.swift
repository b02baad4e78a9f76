import CertifolioApp
import CertifolioCore
import CertifolioTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 15: every form of the staff's pages, posted with seeded mutations of its own fields
/// (hostile values, missing, repeated and unknown fields, a mangled body), never makes the server
/// fail (no 5xx), answers a refusal in French, and leaves the database exactly as it was after
/// any refusal (the same content digest).
struct FormFuzzTests {
    /// A form as the page draws it: where it posts and the fields a browser would send.
    struct Form {
        var action: String
        var fields: [(String, String)]
    }

    /// The post forms of a page (multipart uploads aside: their readers are fuzzed on their own).
    static func forms(in html: String) -> [Form] {
        let form = try! NSRegularExpression(pattern: "<form\\b([^>]*)>(.*?)</form>", options: [.dotMatchesLineSeparators])
        let field = try! NSRegularExpression(
            pattern: "<(input|select|textarea)\\b([^>]*)>(.*?)(?=<(?:input|select|textarea|/form)\\b|$)",
            options: [.dotMatchesLineSeparators])
        func attribute(_ name: String, _ text: String) -> String? {
            guard let range = text.range(of: "\(name)=\"([^\"]*)\"", options: .regularExpression) else { return nil }
            return String(text[range].dropFirst(name.count + 2).dropLast()).replacingOccurrences(of: "&amp;", with: "&")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        }
        let whole = html as NSString
        return form.matches(in: html, range: NSRange(location: 0, length: whole.length)).compactMap { match in
            let head = whole.substring(with: match.range(at: 1))
            guard head.contains("method=\"post\""), !head.contains("multipart"), let action = attribute("action", head) else {
                return nil
            }
            let body = whole.substring(with: match.range(at: 2)) as NSString
            var fields: [(String, String)] = []
            for f in field.matches(in: body as String, range: NSRange(location: 0, length: body.length)) {
                let kind = body.substring(with: f.range(at: 1))
                let attributes = body.substring(with: f.range(at: 2))
                guard let name = attribute("name", attributes) else { continue }
                let type = attribute("type", attributes) ?? "text"
                if ["checkbox", "radio"].contains(type) && !attributes.contains("checked") { continue }
                if type == "submit" && attribute("value", attributes) == nil { continue }
                switch kind {
                case "select":
                    let options = body.substring(with: f.range(at: 3))
                    let chosen = options.range(of: "<option[^>]*selected[^>]*>", options: .regularExpression)
                        ?? options.range(of: "<option[^>]*value=\"[^\"]+\"[^>]*>", options: .regularExpression)
                    fields.append((name, chosen.flatMap { attribute("value", String(options[$0])) } ?? ""))
                case "textarea": fields.append((name, "Texte de la zone"))
                default: fields.append((name, attribute("value", attributes) ?? Self.typical(type)))
                }
            }
            return Form(action: action, fields: fields)
        }
    }

    static func typical(_ type: String) -> String {
        ["date": "2027-03-15", "number": "12", "email": "nouveau@exemple.fr", "datetime-local": "2027-03-15T12:00"][type]
            ?? "Valeur"
    }

    static let hostile = ["", " ", String(repeating: "x", count: 5_000), "-1", "NaN", "1e999", "inf", "2027-02-30",
                          "9999-99-99", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "\u{0}",
                          "12,5", "21", "0", "MQ999", "../../etc/passwd", "%", "é\u{301}", "2147483648",
                          "-9223372036854775809", "titre", "valide", "ajourne", "true"]

    /// One mutation of a form's fields, the token kept (a token-less post is the CSRF test's).
    static func mutate(_ fields: [(String, String)], _ g: inout Seeded) -> [(String, String)] {
        var fields = fields
        let open = fields.indices.filter { fields[$0].0 != "_csrf" }
        guard let i = open.randomElement(using: &g) else { return fields }
        switch Int.random(in: 0..<5, using: &g) {
        case 0, 1: fields[i].1 = hostile.randomElement(using: &g)!
        case 2: fields.remove(at: i)
        case 3: fields.append((fields[i].0, hostile.randomElement(using: &g)!))
        default: fields.append(("champ_inconnu", hostile.randomElement(using: &g)!))
        }
        return fields
    }

    static let pages: [(WebFixture.Who, [String])] = [
        (.manager, ["/inscription", "/candidats/MQ013", "/candidats/MQ013/etat-civil", "/promotions/MEQP-2025/saisie",
                    "/comptes", "/calendrier", "/certificateur", "/statistiques", "/cpf", "/annuaire-du-jury",
                    "/publications", "/promotions/MEQP-2025"]),
        (.evaluator, ["/candidats/MQ013", "/promotions/MEQP-2025/saisie"]),
        (.secretary, ["/jury", "/jury/1", "/jury/1/candidats/MQ012", "/jury/1/cloture"]),
    ]

    /// Posts that end the fuzzing session itself rather than test a form.
    static let skipped = ["/deconnexion", "/mot-de-passe", "/desactivation"]

    /// What the run saw (one request at a time: the test client's closures are @Sendable).
    final class Tally: @unchecked Sendable {
        var g = Seeded(state: 21)
        var posted = 0
        var refused = 0
        var forms = Set<String>()
    }

    @Test func everyFormRefusesMutationsCleanly() async throws {
        let tally = Tally()
        for (who, paths) in Self.pages {
            // A fixture each: the manager's mutations reassign accounts the others sign in with.
            let fixture = try WebFixture()
            try await fixture.application().test(.router) { client in
                let browser = Browser(client)
                try await browser.signIn(who)
                for path in paths {
                    let page = try await browser.get(path)
                    #expect(page.status == .ok, "\(who) \(path)")
                    for form in Self.forms(in: page.body) where !Self.skipped.contains(where: form.action.contains) {
                        tally.forms.insert(form.action)
                        for _ in 0..<12 {
                            try await browser.get(path)  // a fresh token, as a person reloading the page
                            let fields = Self.mutate(form.fields.map { $0.0 == "_csrf" ? ($0.0, browser.csrf) : $0 }, &tally.g)
                            let before = try fixture.database.contentDigest()
                            let answer = try await browser.post(form.action, fields.filter { $0.0 != "_csrf" })
                            tally.posted += 1
                            let where_ = "\(who) \(form.action) \(fields.map { "\($0.0)=\($0.1.prefix(30))" })"
                            #expect(answer.status.code < 500, "\(where_): \(answer.status)")
                            guard answer.status.code >= 400 else { continue }
                            tally.refused += 1
                            #expect(try fixture.database.contentDigest() == before, "\(where_) refused but wrote")
                            #expect(!answer.text.contains("Error") && !answer.text.contains("error:"), "\(where_): \(answer.text.prefix(300))")
                        }
                    }
                }
            }
        }
        let (posted, refused, forms) = (tally.posted, tally.refused, tally.forms)
        #expect(forms.count >= 20, "forms found: \(forms.sorted())")
        #expect(refused > posted / 4, "\(refused) of \(posted) posts refused")
        print("FormFuzzTests: \(posted) posts over \(forms.count) forms, \(refused) refused")
    }
}
