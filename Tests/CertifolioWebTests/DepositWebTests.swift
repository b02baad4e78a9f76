import CertifolioCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import CertifolioApp

/// The candidate's deposits on the web: the page with deadlines and days left, a deposit
/// streamed to disk with its receipt, refusals in words with nothing kept, and only one's own.
struct DepositWebTests {
    /// Five days before BC04's étude de cas is due (15 January 2027, noon); BC01's are past.
    static let now = ParisTime(paris: Day(iso: "2027-01-10")!, hour: 10, minute: 30)!
    static let pdf = Array("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".utf8)
    static let bc04 = ("epreuve", "RNCP41818BC04|etude_de_cas")

    @Test func aCandidateDepositsAPDFAndGetsItsReceipt() async throws {
        let fixture = try WebFixture()
        try await fixture.application(now: Self.now).test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.candidate)
            let page = try await browser.get("/mon-dossier/depots")
            #expect(page.status == .ok)
            #expect(page.text.contains("RNCP41818BC04 — Étude de cas"))
            #expect(page.text.contains("À déposer avant le 15 janvier 2027 à 12:00 (heure de Paris) — dans 5 jours."))
            #expect(page.text.contains("Date limite passée : 16 janvier 2026 à 12:00 (heure de Paris)."))
            let sent = try await browser.upload("/mon-dossier/depots", fields: [Self.bc04],
                                                files: [("fichiers", "étude « finale ».pdf", Self.pdf)])
            #expect(sent.status == .seeOther, "\(sent.text)")
            let after = try await browser.get("/mon-dossier/depots")
            #expect(after.text.contains("Dépôt enregistré (version 1) : étude « finale ».pdf."))
            let deposit = try #require(try fixture.database.deposits(of: "MQ013").first)
            #expect(deposit.at == Self.now && deposit.files.map(\.sha256).count == 1)
            let receipt = try await browser.get("/mon-dossier/depots/\(deposit.id)/accuse-de-depot.pdf")
            #expect(receipt.status == .ok && receipt.bytes.starts(with: Array("%PDF".utf8)))
            let file = try await browser.get("/mon-dossier/depots/\(deposit.id)/fichiers/1")
            #expect(file.status == .ok && file.bytes == Self.pdf)
            #expect(file.headers[.contentDisposition]?.contains("filename*=UTF-8''%C3%A9tude") == true)
        }
    }

    @Test func aRefusedDepositSaysWhyAndKeepsNothing() async throws {
        let fixture = try WebFixture()
        try await fixture.application(now: Self.now).test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.candidate)
            try await browser.get("/mon-dossier/depots")
            let executable = try await browser.upload("/mon-dossier/depots", fields: [Self.bc04],
                                                      files: [("fichiers", "note.pdf", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0])])
            #expect(executable.status == .unprocessableContent)
            #expect(executable.text.contains("« note.pdf » n'est ni un PDF, ni un ODT, ni un DOCX d'après son contenu"))
            let late = try await browser.upload("/mon-dossier/depots", fields: [("epreuve", "RNCP41818BC01|note_synthese")],
                                                files: [("fichiers", "note.pdf", Self.pdf)])
            #expect(late.status == .unprocessableContent && late.text.contains("la date limite de dépôt était le 16 janvier 2026"))
            let sat = try await browser.upload("/mon-dossier/depots", fields: [("epreuve", "RNCP41818BC04|mise_en_situation")],
                                               files: [("fichiers", "note.pdf", Self.pdf)])
            #expect(sat.status == .unprocessableContent && sat.text.contains("elle ne se dépose pas"))
            let forged = try await browser.upload("/mon-dossier/depots", fields: [Self.bc04],
                                                  files: [("fichiers", "note.pdf", Self.pdf)], token: "faux")
            #expect(forged.status == .forbidden)
            #expect(try fixture.database.deposits(of: "MQ013").isEmpty)
            #expect(try fixture.database.sweepStrayFiles(olderThan: 0) == 0, "no file left behind")
        }
    }

    @Test func aFileOverTheLimitIsRefusedWithItsSizeAndOneFarOverItStopsTheUpload() async throws {
        let fixture = try WebFixture(depositLimit: 100)
        try await fixture.application(now: Self.now).test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn(.candidate)
            try await browser.get("/mon-dossier/depots")
            let over = try await browser.upload("/mon-dossier/depots", fields: [Self.bc04],
                                                files: [("fichiers", "gros.pdf", Self.pdf + Array(repeating: 32, count: 120))])
            #expect(over.status == .unprocessableContent && over.text.contains("« gros.pdf » pèse \(Self.pdf.count + 120) octets : la limite est de 100 octets"))
            let far = try await browser.upload("/mon-dossier/depots", fields: [Self.bc04],
                                               files: [("fichiers", "enorme.pdf", Self.pdf + Array(repeating: 32, count: 500))])
            #expect(far.status == .contentTooLarge && far.text.contains("« enorme.pdf » dépasse de loin la limite"))
            #expect(try fixture.database.deposits(of: "MQ013").isEmpty)
            #expect(try fixture.database.sweepStrayFiles(olderThan: 0) == 0, "no file left behind")
        }
    }

    @Test func onlyTheCandidateReadsTheirDepositsAndStaffCannotDepositForThem() async throws {
        let fixture = try WebFixture()
        let deposit = try fixture.deposit("MQ013", "RNCP41818BC04", "etude_de_cas")
        try await fixture.application(now: Self.now).test(.router) { client in
            let other = Browser(client)
            try await other.get("/connexion")
            try await other.post("/connexion", [("email", "re001@example.fr"), ("mot_de_passe", WebFixture.password)])
            #expect(try await other.get("/mon-dossier/depots/\(deposit.id)/accuse-de-depot.pdf").status == .notFound)
            #expect(try await other.get("/mon-dossier/depots/\(deposit.id)/fichiers/1").status == .notFound)
            #expect(!(try await other.get("/mon-dossier/depots")).text.contains("Version 1"))
            for who in [WebFixture.Who.manager, .evaluator, .secretary] {
                let staff = Browser(client)
                try await staff.signIn(who)
                #expect(try await staff.get("/mon-dossier/depots").status == .forbidden, "\(who)")
                let posted = try await staff.upload("/mon-dossier/depots", fields: [Self.bc04], files: [("fichiers", "x.pdf", Self.pdf)])
                #expect(posted.status == .forbidden, "\(who)")
            }
        }
        #expect(try fixture.database.deposits(of: "MQ013").count == 1)
    }
}

/// The évaluateur's side: the queue of their cohorts, the document, the grid; then the
/// gestionnaire publishes and the candidate reads the grid.
struct AssessmentWebTests {
    @Test func fromDepositToPublishedGrid() async throws {
        let fixture = try WebFixture()
        let mine = try fixture.deposit("MQ013", "RNCP41818BC04", "etude_de_cas")
        // REMMS-2025 is not the évaluateur's cohort.
        let other = try fixture.deposit("RE001", "RNCP36888BC04", "mise_en_situation")
        let referentiel = try #require(try fixture.database.referentiels()["RNCP41818"])
        try await fixture.application(now: DepositWebTests.now).test(.router) { client in
            let evaluator = Browser(client)
            try await evaluator.signIn(.evaluator)
            let queue = try await evaluator.get("/a-evaluer")
            #expect(queue.status == .ok)
            #expect(queue.text.contains("RNCP41818BC04 — Étude de cas (version 1)") && queue.text.contains("(MQ013)"))
            #expect(!queue.text.contains("(RE001)"))
            #expect(try await evaluator.get("/candidats/MQ013/depots/\(mine.id)/fichiers/1").bytes == DepositWebTests.pdf)
            #expect(try await evaluator.get("/candidats/RE001/depots/\(other.id)/fichiers/1").status == .forbidden)
            #expect(try await evaluator.get("/candidats/MQ013/depots/\(other.id)/fichiers/1").status == .notFound)
            let form = try await evaluator.get("/candidats/MQ013?epreuve=RNCP41818BC04%7Cetude_de_cas&depot=\(mine.id)")
            #expect(form.text.contains("Grille des compétences — RNCP41818BC04"))
            let fields = [("epreuve", "RNCP41818BC04|etude_de_cas"), ("date", "2027-01-10"), ("note", "15"), ("bareme", "20"),
                          ("depot", mine.id.description)]
            let unrated = try await evaluator.post("/candidats/MQ013/evaluations", fields)
            #expect(unrated.status == .unprocessableContent && unrated.text.contains("Évaluez chaque compétence du bloc"))
            var grid = EvaluationFormValue.grid(.block("RNCP41818BC04"), referentiel)
            grid[0].1 = "partiellement_acquis"
            let saved = try await evaluator.post("/candidats/MQ013/evaluations",
                                                 fields + grid + [("remarque[c1]", "Argumentation à étayer")])
            #expect(saved.status == .seeOther)
            #expect(!(try await evaluator.get("/a-evaluer")).text.contains("(MQ013)"))

            let candidate = Browser(client)
            try await candidate.signIn(.candidate)
            #expect(!(try await candidate.get("/mon-dossier")).text.contains("Argumentation à étayer"), "not yet published")

            let manager = Browser(client)
            try await manager.signIn(.manager)
            let publications = try await manager.get("/publications")
            #expect(publications.text.contains("RNCP41818BC04 — Étude de cas"))
            let published = try await manager.post("/publications", [("promotion", "MEQP-2025"),
                                                                      ("epreuve", "RNCP41818BC04|etude_de_cas")])
            #expect(published.status == .seeOther)
            let page = try await candidate.get("/mon-dossier")
            #expect(page.text.contains("Grille : \(grid.count - 1) acquis, 1 partiellement acquis"))
            #expect(page.text.contains("Argumentation à étayer"))
            #expect(try await evaluator.get("/publications").status == .forbidden)
        }
    }
}

/// The candidate's page opens on what comes next, named by labels.
struct AgendaWebTests {
    @Test func theCandidatesPageOpensOnWhatComesNext() async throws {
        let fixture = try WebFixture()
        // MQ016: BC04 passed, not yet validated by a jury; the final exams still to take.
        try fixture.database.createAccount(AccountDraft(email: "mq016@example.fr", displayName: "Cécile", role: .candidate,
                                                        candidateID: "MQ016"),
                                           password: WebFixture.password, actor: Actor("test"), cost: 4)
        try await fixture.application(now: DepositWebTests.now).test(.router) { client in
            let browser = Browser(client)
            try await browser.get("/connexion")
            try await browser.post("/connexion", [("email", "mq016@example.fr"), ("mot_de_passe", WebFixture.password)])
            let page = try await browser.get("/mon-dossier")
            let text = page.text
            #expect(text.contains("À venir"))
            #expect(text.contains("À déposer : RNCP41818BC04 — Étude de cas, avant le 15 janvier 2027 à 12:00 (heure de Paris), dans 5 jours — rien de déposé"))
            #expect(text.contains("À passer : RNCP41818BC04 — Mise en situation professionnelle (présentation orale), le 11 février 2027, Cnam Paris, salle 17.1.04"))
            #expect(text.contains("Jury : vous êtes convoquée au jury du 30 juin 2027, Lyon"))
            #expect(text.contains("La certification RNCP41818 est enregistrée au RNCP jusqu'au"))
            // The épreuves past their deadline are not "next", nor those of a block acquired.
            #expect(!text.contains("À déposer : RNCP41818BC01"))
            let sent = try await browser.upload("/mon-dossier/depots", fields: [DepositWebTests.bc04],
                                                files: [("fichiers", "etude.pdf", DepositWebTests.pdf)])
            #expect(sent.status == .seeOther)
            let after = try await browser.get("/mon-dossier").text
            #expect(after.contains("dans 5 jours — déposé (version 1)"))
            #expect(after.contains("Derniers dépôts"))
            // MQ013 holds every block and passed the final exams: nothing of theirs is left to hand in or sit.
            let done = Browser(client)
            try await done.signIn(.candidate)
            let theirs = try await done.get("/mon-dossier").text
            #expect(!theirs.contains("À déposer : RNCP41818BC04") && !theirs.contains("À passer : RNCP41818BC04"))
        }
    }
}
