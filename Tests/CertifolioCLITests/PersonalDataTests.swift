import CertifolioApp
import CertifolioCore
import Foundation
import Testing

/// Issue 15 (RGPD): the audit trail holds ids, never personal data — checked on the demo's
/// database, which goes through every use case (imports, deposits, evaluations and corrections on
/// the web and the command line, jury sessions, amendments, parchemins, CPF, accounts).
@Suite struct PersonalDataTests {
    /// The personal data a database holds: names, addresses, e-mails of candidates, accounts and
    /// jury members, and the names of deposited files.
    static func personalData(_ app: Certifolio) throws -> Set<String> {
        var found = Set<String>()
        for record in try app.allCandidateRecords() {
            let c = record.candidate
            found.formUnion([c.familyName, c.givenNames, c.email] + [c.identity.birthName, c.identity.usageName,
                                                                     c.identity.postalAddress].compactMap { $0 })
            for deposit in try app.deposits(of: c.id) { found.formUnion(deposit.files.map(\.name)) }
        }
        for account in try app.userAccounts() { found.formUnion([account.email, account.displayName]) }
        for session in try app.jurySessions() { found.formUnion(session.members.map(\.name)) }
        // Short words ("Lou") would match inside others: what is checked is long enough to be telling.
        return found.filter { $0.count >= 5 }
    }

    @Test func theDemoAuditTrailHoldsIdsOnly() throws {
        let cli = try CLI()
        let demo = try cli.run("demo", "--db", cli.db)
        #expect(demo.status == 0, "\(demo.stderr)")
        let app = try Certifolio.open(path: cli.db)
        let personal = try Self.personalData(app)
        #expect(personal.count > 100)
        for entry in try app.auditEntries() {
            let text = [entry.actor, entry.subject, entry.details].joined(separator: " ")
            for value in personal where text.contains(value) {
                Issue.record("audit entry \(entry.id) (\(entry.action)) holds « \(value) » : \(text.prefix(300))")
            }
        }
    }
}

/// Issue 15 (RGPD): the purge anonymises and erases what has passed its period, and the record
/// stays whole: `audit verify` green, decisions, verdicts and statistics unchanged; a dry run and a
/// second purge change nothing; a backup after a purge restores.
@Suite struct PurgeTests {
    @Test func thePurgeKeepsTheRecordWholeAndTheAuditGreen() throws {
        let cli = try CLI()
        #expect(try cli.run("demo", "--db", cli.db).status == 0)
        let statistics = { try cli.run("stats", "--db", cli.db, "--certification", "RNCP36888", "--json").stdout }
        let verdicts = { try cli.run("progress", "--db", cli.db, "--all", "--as-of", "2033-01-01", "--json").stdout }
        let (statsBefore, verdictsBefore) = (try statistics(), try verdicts())
        let digest = { try Certifolio.open(path: cli.db).contentDigest() }
        let untouched = try digest()
        let dry = try cli.run("gdpr", "purge", "--db", cli.db, "--as-of", "2033-01-01", "--dry-run")
        #expect(dry.status == 0 && dry.stdout.contains("rien n'a été changé") && dry.stdout.contains("RE001"), "\(dry.stdout)")
        #expect(try digest() == untouched, "a dry run changes nothing")
        let purge = try cli.run("gdpr", "purge", "--db", cli.db, "--as-of", "2033-01-01")
        #expect(purge.status == 0 && purge.stdout.contains("32 candidats anonymisés"), "\(purge.stdout) \(purge.stderr)")
        let verify = try cli.run("audit", "verify", "--db", cli.db)
        #expect(verify.status == 0 && verify.stdout.contains("1 fichier effacé par la purge"), "\(verify.stdout) \(verify.stderr)")
        #expect(try statistics() == statsBefore && (try verdicts()) == verdictsBefore)
        let app = try Certifolio.open(path: cli.db)
        // RE001 never held a block nor the title: anonymised; MQ001 holds the title: kept.
        let never = try #require(try app.candidateRecord("RE001")).candidate
        #expect(never.familyName == "ANONYMISÉ" && never.email.isEmpty && never.identity.postalAddress == nil)
        #expect(never.birthDate.month == 1 && never.birthDate.day == 1)
        #expect(try #require(try app.candidateRecord("MQ001")).candidate.familyName == "Moreau")
        #expect(try app.auditEntries().last?.action == "gdpr.purge")
        let again = try digest()
        #expect(try cli.run("gdpr", "purge", "--db", cli.db, "--as-of", "2033-01-01").stdout.contains("0 candidat anonymisé"))
        #expect(try digest() == again, "a second purge of the same day has nothing left to do")
        // An erased document is gone from the vault and from backups; the rest restores.
        let backup = cli.folder.appendingPathComponent("apres-purge.sqlite").path
        #expect(try cli.run("backup", "--db", cli.db, "--out", backup).status == 0)
        let restored = try cli.run("restore", "--from", backup, "--db", cli.folder.appendingPathComponent("r.sqlite").path)
        #expect(restored.status == 0, "\(restored.stderr)")
    }

    @Test func aCandidatesDataIsExportedWholeWithoutSecrets() throws {
        let cli = try CLI()
        #expect(try cli.run("demo", "--db", cli.db).status == 0)
        // MQ016 deposited a document in the demo; an account is opened for them.
        try Certifolio.open(path: cli.db).createAccount(
            AccountDraft(email: "mq016@exemple.fr", displayName: "MQ016", role: .candidate, candidateID: "MQ016"),
            password: "mot-de-passe-de-test", actor: Actor("test"), cost: 4)
        let out = cli.folder.appendingPathComponent("export").path
        let r = try cli.run("gdpr", "export", "--db", cli.db, "MQ016", "--out", out)
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/donnees-personnelles.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tables = try #require(json["tables"] as? [String: [[String: Any]]])
        #expect(tables["candidate"]?.first?["id"] as? String == "MQ016")
        for table in ["enrolment", "evaluation_event", "jury_decision", "deposit", "deposit_file", "user_account"] {
            #expect(tables[table]?.isEmpty == false, "\(table) is in the export")
        }
        #expect(!String(decoding: data, as: UTF8.self).contains("password_hash"))
        #expect(FileManager.default.fileExists(atPath: out + "/resume.txt"))
        #expect(try FileManager.default.subpathsOfDirectory(atPath: out + "/depots").contains { $0.hasSuffix(".pdf") })
        let unknown = try cli.run("gdpr", "export", "--db", cli.db, "XX999", "--out", out + "2")
        #expect(unknown.status == 1 && unknown.stderr.contains("XX999"))
    }
}
