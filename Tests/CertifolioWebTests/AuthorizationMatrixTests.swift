import CertifolioCore
import Hummingbird
import HummingbirdTesting
import Testing

/// Every route × every role (and anonymous): an allowed role gets the route's own answer
/// (a page, a document, a redirect after a write, or a French refusal of bad input); any other
/// signed-in role gets 403; an anonymous visitor is sent to the sign-in page. The candidate is
/// MQ013: MQ014 and RE001 are other candidates' ids; the évaluateur follows MEQP-2025 only.
struct AuthorizationMatrixTests {
    typealias Who = WebFixture.Who

    struct Rule: CustomStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        let allowed: Set<Who>
        /// What an allowed role gets.
        let status: HTTPResponse.Status
        var fields: [(String, String)] = []

        var description: String { "\(method) \(path)" }
    }

    static let staff: Set<Who> = [.evaluator, .manager]

    static let rules: [Rule] = [
        Rule(method: .get, path: "/static/style.css", allowed: Set(Who.allCases), status: .ok),
        Rule(method: .get, path: "/sante", allowed: Set(Who.allCases), status: .ok),
        // Public: anyone checks a parchemin's code (an unknown one is a 404 page).
        Rule(method: .get, path: "/verification", allowed: Set(Who.allCases), status: .ok),
        Rule(method: .get, path: "/verification/ABCDEFGHJKMN", allowed: Set(Who.allCases), status: .notFound),
        // The candidate's own space.
        Rule(method: .get, path: "/mon-dossier", allowed: [.candidate], status: .ok),
        Rule(method: .get, path: "/mon-dossier/attestation.pdf", allowed: [.candidate], status: .ok),
        // Not issued in the fixture: the candidate never gets a fresh original (CandidatePortalTests issues one).
        Rule(method: .get, path: "/mon-dossier/parchemin.pdf", allowed: [.candidate], status: .notFound),
        Rule(method: .get, path: "/mon-dossier/depots", allowed: [.candidate], status: .ok),
        // The right of access: the candidate's own data; the gestionnaire answers a request for anyone's.
        Rule(method: .get, path: "/mon-dossier/donnees-personnelles.zip", allowed: [.candidate], status: .ok),
        Rule(method: .get, path: "/candidats/MQ014/donnees-personnelles.zip", allowed: [.manager], status: .ok),
        Rule(method: .get, path: "/candidats/INCONNU/donnees-personnelles.zip", allowed: [.manager], status: .notFound),
        // A deposit streams as multipart (DepositWebTests posts one, and a forged one); a plain form is refused.
        Rule(method: .post, path: "/mon-dossier/depots", allowed: [.candidate], status: .badRequest),
        Rule(method: .get, path: "/mon-dossier/depots/1/accuse-de-depot.pdf", allowed: [.candidate], status: .notFound),
        Rule(method: .get, path: "/mon-dossier/depots/1/fichiers/1", allowed: [.candidate], status: .notFound),
        // Staff: évaluateur (own cohorts) and gestionnaire (all).
        Rule(method: .get, path: "/tableau-de-bord", allowed: staff, status: .ok),
        Rule(method: .get, path: "/promotions", allowed: staff, status: .ok),
        Rule(method: .get, path: "/promotions/MEQP-2025", allowed: staff, status: .ok),
        Rule(method: .get, path: "/promotions/REMMS-2025", allowed: [.manager], status: .ok),
        Rule(method: .get, path: "/promotions/MEQP-2025/candidats.csv", allowed: staff, status: .ok),
        Rule(method: .get, path: "/promotions/REMMS-2025/candidats.csv", allowed: [.manager], status: .ok),
        Rule(method: .get, path: "/candidats/MQ014", allowed: staff, status: .ok),
        Rule(method: .get, path: "/candidats/MQ013", allowed: staff, status: .ok),
        Rule(method: .get, path: "/candidats/RE001", allowed: [.manager], status: .ok),
        Rule(method: .get, path: "/candidats/INCONNU", allowed: [], status: .ok),
        Rule(method: .get, path: "/candidats/MQ014/attestation.pdf", allowed: staff, status: .ok),
        Rule(method: .post, path: "/candidats/MQ014/evaluations", allowed: staff, status: .unprocessableContent),
        Rule(method: .post, path: "/candidats/RE001/evaluations", allowed: [.manager], status: .unprocessableContent),
        Rule(method: .get, path: "/candidats/MQ014/evaluations/{event}/correction", allowed: staff, status: .ok),
        Rule(method: .post, path: "/candidats/MQ014/evaluations/{event}/correction", allowed: staff,
             status: .unprocessableContent),
        Rule(method: .get, path: "/candidats/RE001/evaluations/{event}/correction", allowed: [.manager], status: .ok),
        Rule(method: .get, path: "/a-evaluer", allowed: staff, status: .ok),
        Rule(method: .get, path: "/candidats/MQ014/depots/1/fichiers/1", allowed: staff, status: .notFound),
        Rule(method: .get, path: "/candidats/RE001/depots/1/fichiers/1", allowed: [.manager], status: .notFound),
        Rule(method: .get, path: "/promotions/MEQP-2025/depots", allowed: staff, status: .ok),
        Rule(method: .get, path: "/promotions/MEQP-2025/depots.csv", allowed: staff, status: .ok),
        Rule(method: .get, path: "/promotions/REMMS-2025/depots", allowed: [.manager], status: .ok),
        Rule(method: .get, path: "/promotions/MEQP-2025/saisie", allowed: staff, status: .ok),
        Rule(method: .post, path: "/promotions/MEQP-2025/saisie", allowed: staff, status: .unprocessableContent),
        Rule(method: .post, path: "/promotions/REMMS-2025/saisie", allowed: [.manager], status: .unprocessableContent),
        // Gestionnaire only.
        Rule(method: .get, path: "/candidats", allowed: [.manager], status: .ok),
        Rule(method: .get, path: "/candidats.csv", allowed: [.manager], status: .ok),
        Rule(method: .get, path: "/inscription", allowed: [.manager], status: .ok),
        Rule(method: .post, path: "/inscription", allowed: [.manager], status: .unprocessableContent),
        Rule(method: .get, path: "/import", allowed: [.manager], status: .ok),
        Rule(method: .post, path: "/import/promotion", allowed: [.manager], status: .unprocessableContent),
        Rule(method: .post, path: "/import/promotion/confirmer", allowed: [.manager], status: .unprocessableContent),
        Rule(method: .post, path: "/import/referentiel", allowed: [.manager], status: .unprocessableContent),
        Rule(method: .get, path: "/comptes", allowed: [.manager], status: .ok),
        Rule(method: .post, path: "/comptes", allowed: [.manager], status: .unprocessableContent),
        Rule(method: .post, path: "/comptes/3/promotions", allowed: [.manager], status: .seeOther,
             fields: [("promotions[]", "MEQP-2025")]),
        Rule(method: .get, path: "/calendrier", allowed: [.manager], status: .ok),
        Rule(method: .get, path: "/cpf", allowed: [.manager], status: .ok),
        Rule(method: .get, path: "/statistiques", allowed: [.manager], status: .ok),
        Rule(method: .get, path: "/statistiques.csv", allowed: [.manager], status: .ok),
        Rule(method: .post, path: "/statistiques/enquetes", allowed: [.manager], status: .unprocessableContent),
        Rule(method: .post, path: "/statistiques/enquetes/fichier", allowed: [.manager], status: .unprocessableContent),
        Rule(method: .get, path: "/cpf.csv", allowed: [.manager], status: .ok),
        Rule(method: .post, path: "/cpf/parametres", allowed: [.manager], status: .unprocessableContent),
        Rule(method: .post, path: "/cpf/flux", allowed: [.manager], status: .unprocessableContent),
        Rule(method: .post, path: "/cpf/rapport", allowed: [.manager], status: .unprocessableContent),
        Rule(method: .get, path: "/candidats/MQ014/etat-civil", allowed: [.manager], status: .ok),
        Rule(method: .post, path: "/candidats/MQ014/etat-civil", allowed: [.manager], status: .unprocessableContent),
        Rule(method: .get, path: "/candidats/INCONNU/etat-civil", allowed: [.manager], status: .notFound),
        Rule(method: .post, path: "/calendrier", allowed: [.manager], status: .unprocessableContent),
        Rule(method: .get, path: "/publications", allowed: [.manager], status: .ok),
        Rule(method: .post, path: "/publications", allowed: [.manager], status: .unprocessableContent),
        Rule(method: .post, path: "/candidats/MQ014/delais", allowed: [.manager], status: .unprocessableContent),
        Rule(method: .get, path: "/certificateur", allowed: [.manager], status: .ok),
        Rule(method: .post, path: "/comptes/promotion", allowed: [.manager], status: .unprocessableContent),
        Rule(method: .post, path: "/comptes/999/lien", allowed: [.manager], status: .unprocessableContent),
        Rule(method: .post, path: "/comptes/999/desactivation", allowed: [.manager], status: .unprocessableContent),
        // Public: an invitation link (an unknown one is refused in words when used).
        Rule(method: .get, path: "/invitation/inconnu", allowed: Set(Who.allCases), status: .ok),
        Rule(method: .post, path: "/invitation/inconnu", allowed: Set(Who.allCases), status: .unprocessableContent),
        // Everyone signed in: their own password.
        Rule(method: .get, path: "/mot-de-passe", allowed: [.candidate, .evaluator, .manager, .secretary], status: .ok),
        Rule(method: .post, path: "/mot-de-passe", allowed: [.candidate, .evaluator, .manager, .secretary],
             status: .unprocessableContent),
        Rule(method: .post, path: "/certificateur", allowed: [.manager], status: .unprocessableContent),
        // Secrétaire and gestionnaire: the register of parchemins.
        Rule(method: .get, path: "/parchemins", allowed: [.secretary, .manager], status: .ok),
        Rule(method: .get, path: "/parchemins.csv", allowed: [.secretary, .manager], status: .ok),
        Rule(method: .get, path: "/jury.csv", allowed: [.secretary], status: .ok),
        Rule(method: .get, path: "/annuaire-du-jury.csv", allowed: [.secretary, .manager], status: .ok),
        Rule(method: .get, path: "/parchemins/RNCP41818-2027-0001", allowed: [.secretary, .manager], status: .notFound),
        // Secrétaire de jury only.
        Rule(method: .get, path: "/jury", allowed: [.secretary], status: .ok),
        Rule(method: .post, path: "/jury", allowed: [.secretary], status: .unprocessableContent),
        Rule(method: .get, path: "/jury/1", allowed: [.secretary], status: .ok),
        Rule(method: .post, path: "/jury/1/membres", allowed: [.secretary], status: .unprocessableContent),
        Rule(method: .post, path: "/jury/1/membres/retrait", allowed: [.secretary], status: .unprocessableContent),
        Rule(method: .post, path: "/jury/1/membres/annuaire", allowed: [.secretary], status: .unprocessableContent),
        Rule(method: .get, path: "/annuaire-du-jury", allowed: [.secretary, .manager], status: .ok),
        Rule(method: .post, path: "/annuaire-du-jury", allowed: [.secretary, .manager], status: .unprocessableContent),
        Rule(method: .post, path: "/annuaire-du-jury/99/compte", allowed: [.secretary, .manager],
             status: .unprocessableContent),
        Rule(method: .post, path: "/jury/1/convocation", allowed: [.secretary], status: .unprocessableContent),
        Rule(method: .get, path: "/jury/1/candidats/MQ012", allowed: [.secretary], status: .ok),
        Rule(method: .post, path: "/jury/1/candidats/MQ012", allowed: [.secretary], status: .unprocessableContent),
        Rule(method: .post, path: "/jury/1/propositions", allowed: [.secretary], status: .seeOther),
        Rule(method: .post, path: "/jury/1/cloture", allowed: [.secretary], status: .unprocessableContent),
        Rule(method: .get, path: "/jury/1/pv.pdf", allowed: [.secretary], status: .unprocessableContent),
        Rule(method: .get, path: "/jury/1/pv.csv", allowed: [.secretary], status: .unprocessableContent),
        Rule(method: .get, path: "/jury/1/attestations/MQ012.pdf", allowed: [.secretary], status: .ok),
        Rule(method: .get, path: "/jury/1/depots/1/fichiers/1", allowed: [.secretary], status: .notFound),
        Rule(method: .post, path: "/jury/1/membres/presence", allowed: [.secretary], status: .unprocessableContent),
        Rule(method: .post, path: "/jury/1/avenant", allowed: [.secretary], status: .unprocessableContent),
        Rule(method: .get, path: "/jury/1/projet-pv.pdf", allowed: [.secretary], status: .ok),
        Rule(method: .get, path: "/jury/1/cloture", allowed: [.secretary], status: .ok),
        // Session 1 is open: no notification and no parchemin yet (refused in words).
        Rule(method: .get, path: "/jury/1/notifications.zip", allowed: [.secretary], status: .unprocessableContent),
        Rule(method: .get, path: "/jury/1/notifications/MQ012.pdf", allowed: [.secretary], status: .unprocessableContent),
        Rule(method: .post, path: "/jury/1/parchemins", allowed: [.secretary], status: .unprocessableContent),
        // RE001 is not convoked to session 1: nobody gets their attestation through it.
        Rule(method: .get, path: "/jury/1/attestations/RE001.pdf", allowed: [], status: .ok),
    ]

    /// MQ014 already holds the title on the session date: not convoked; MQ012 is.
    @Test(arguments: Who.allCases)
    func everyRouteAnswersExactlyWhatTheRoleAllows(_ who: Who) async throws {
        let fixture = try WebFixture()
        let mq014Event = try fixture.database.evaluationHistory("MQ014").first!.id
        let re001Event = try fixture.database.evaluationHistory("RE001").first!.id
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(who)
            var wrong: [String] = []
            for rule in Self.rules {
                let path = rule.path.replacingOccurrences(
                    of: "{event}", with: String(rule.path.contains("RE001") ? re001Event : mq014Event))
                let page = rule.method == .post ? try await browser.post(path, rule.fields) : try await browser.get(path)
                let expected: String
                let got = "\(page.status.code)" + (page.location.map { " → \($0)" } ?? "")
                // No page tells a person to run a command (issue 11): errors speak of the work.
                if page.text.contains("certifolio ") { wrong.append("\(rule): la page nomme une commande « certifolio … »") }
                if rule.allowed.contains(who) {
                    expected = "\(rule.status.code)"
                    if page.status != rule.status { wrong.append("\(rule): attendu \(expected), reçu \(got)") }
                } else if who == .anonymous {
                    if page.status != .seeOther || !(page.location ?? "").hasPrefix("/connexion") {
                        wrong.append("\(rule): attendu 303 → /connexion, reçu \(got)")
                    }
                } else if page.status != .forbidden {
                    wrong.append("\(rule): attendu 403, reçu \(got)")
                }
            }
            #expect(wrong.isEmpty, "\(who) :\n\(wrong.joined(separator: "\n"))")
        }
    }

    /// Every POST route refuses a form without the session's token, whoever sends it, and
    /// changes nothing.
    @Test(arguments: [Who.anonymous, .candidate, .evaluator, .manager, .secretary])
    func everyFormRefusesAForgedToken(_ who: Who) async throws {
        let fixture = try WebFixture()
        let before = try fixture.database.auditEntries().count
        try await fixture.application().test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(who)
            // A deposit's body streams and is not a plain form: DepositWebTests forges one as multipart.
            for rule in Self.rules where rule.method == .post && rule.path != "/mon-dossier/depots" {
                let path = rule.path.replacingOccurrences(of: "{event}", with: "1")
                let forged = try await browser.post(path, rule.fields, token: "forged")
                #expect(forged.status == .forbidden, "\(who) \(rule)")
                let missing = try await browser.post(path, rule.fields, token: "")
                #expect(missing.status == .forbidden, "\(who) \(rule)")
            }
        }
        #expect(try fixture.database.auditEntries().count == before)
    }
}
