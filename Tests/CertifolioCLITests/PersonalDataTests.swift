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
