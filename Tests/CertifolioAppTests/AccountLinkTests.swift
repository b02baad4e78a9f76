import CertifolioApp
import CertifolioCore
import Foundation
import Testing

/// Issue 13: a cohort's accounts in one step, each with a one-time link; resets, deactivation
/// and a person's own password.
@Suite struct AccountLinkTests {
    static let now = ParisTime(paris: Day(iso: "2027-09-01")!, hour: 10, minute: 0)!

    static func sandbox() throws -> ImportPipelineTests.Sandbox {
        let s = try ImportPipelineTests.Sandbox()
        for cohort in ["meqp-2025", "remms-2025"] {
            _ = try s.database.importCohort(folder: ImportPipelineTests.root.appendingPathComponent("SampleCohorts/\(cohort)").path,
                                            actor: tester)
        }
        return s
    }

    @Test func aCohortGetsItsAccountsAndLinksInOneStepWithOneRefusalPerPersonNoCascade() throws {
        let s = try Self.sandbox()
        let meqp = try s.database.openCohortAccounts("MEQP-2025", now: Self.now, actor: tester)
        let candidates = try s.database.allCandidateRecords().filter { $0.enrolment.cohort == "MEQP-2025" }
        #expect(meqp.links.count == candidates.count && meqp.refused.isEmpty && meqp.alreadyOpen == 0)
        #expect(Set(meqp.links.map(\.token)).count == meqp.links.count)
        #expect(meqp.links.allSatisfy { $0.token.count == 43 && $0.purpose == .invitation })
        #expect(meqp.links[0].expires == ParisTime(paris: Day(iso: "2027-09-15")!, hour: 10, minute: 0))
        // The sample cohorts' homonyms share their e-mails (RE001 Noé MOREAU has MQ001's): each such
        // candidate is refused with their own e-mail named, one line each; a fresh e-mail opens.
        let remmsRecords = try s.database.allCandidateRecords().filter { $0.enrolment.cohort == "REMMS-2025" }
        let taken = Set(candidates.map(\.candidate.email))
        let remms = try s.database.openCohortAccounts("REMMS-2025", now: Self.now, actor: tester)
        #expect(remms.refused.count == remmsRecords.filter { taken.contains($0.candidate.email) }.count)
        #expect(remms.links.count == remmsRecords.count - remms.refused.count)
        for (id, reason) in remms.refused {
            let email = try #require(remmsRecords.first { $0.candidate.id == id }?.candidate.email)
            #expect(reason == "un compte existe déjà pour « \(email) ».")
        }
        // Again: nothing new, and the count of those already open.
        let again = try s.database.openCohortAccounts("MEQP-2025", now: Self.now, actor: tester)
        #expect(again.links.isEmpty && again.alreadyOpen == candidates.count)
        // Nobody signs in before choosing a password.
        #expect(try s.database.signIn(email: meqp.links[0].account.email, password: "") == nil)
        #expect(throws: AccountError.unknownCohort("NULLE-PART")) {
            try s.database.openCohortAccounts("NULLE-PART", now: Self.now, actor: tester)
        }
    }

    @Test func aLinkServesOnceBeforeItExpiresAndANewOneVoidsTheOld() throws {
        let s = try Self.sandbox()
        let links = try s.database.openCohortAccounts("MEQP-2025", now: Self.now, actor: tester).links
        let first = links[0]
        #expect(throws: AccountLinkError.mismatch) {
            try s.database.useLink(first.token, password: "un-long-mot-de-passe", repeated: "autre", now: Self.now, cost: 4)
        }
        #expect(throws: PasswordPolicy.TooShort.self) {
            try s.database.useLink(first.token, password: "court", repeated: "court", now: Self.now, cost: 4)
        }
        let owner = try s.database.useLink(first.token, password: "un-long-mot-de-passe", repeated: "un-long-mot-de-passe",
                                           now: Self.now, cost: 4)
        #expect(owner.id == first.account.id)
        #expect(try s.database.signIn(email: owner.email, password: "un-long-mot-de-passe")?.id == owner.id)
        #expect(throws: AccountLinkError.unknownOrUsed) {
            try s.database.useLink(first.token, password: "encore-un-autre-mot", repeated: "encore-un-autre-mot",
                                   now: Self.now, cost: 4)
        }
        // Expired: fifteen days later.
        let late = ParisTime(paris: Day(iso: "2027-09-16")!, hour: 10, minute: 0)!
        #expect(throws: AccountLinkError.expired) {
            try s.database.useLink(links[1].token, password: "un-long-mot-de-passe", repeated: "un-long-mot-de-passe",
                                   now: late, cost: 4)
        }
        // A new link voids the earlier one; an owner who never chose a password gets an invitation again.
        let renewed = try s.database.newLink(for: links[1].account.id, now: late, actor: tester)
        #expect(renewed.purpose == .invitation && renewed.token != links[1].token)
        let reset = try s.database.newLink(for: owner.id, now: late, actor: tester)
        #expect(reset.purpose == .reset)
        #expect(try s.database.reissueInvitations("MEQP-2025", now: late, actor: tester).count == links.count - 1)
        #expect(throws: AccountLinkError.unknownOrUsed) {
            try s.database.useLink(renewed.token, password: "un-long-mot-de-passe", repeated: "un-long-mot-de-passe",
                                   now: late, cost: 4)
        }
        let actions = try s.database.auditEntries().map(\.action)
        #expect(actions.contains("account.link") && actions.contains("account.password"))
    }

    @Test func theOwnerChangesTheirPasswordAndTheManagerDeactivatesAnyoneButThemselves() throws {
        let s = try Self.sandbox()
        let manager = try s.database.createAccount(AccountDraft(email: "gestion@exemple.fr", displayName: "G", role: .manager),
                                                   password: "mot-de-passe-initial", actor: tester, cost: 4)
        let evaluator = try s.database.createAccount(AccountDraft(email: "eval@exemple.fr", displayName: "E", role: .evaluator),
                                                     password: "mot-de-passe-initial", actor: tester, cost: 4)
        #expect(throws: AccountLinkError.wrongCurrentPassword) {
            try s.database.changePassword(of: evaluator, current: "faux", new: "nouveau-mot-de-passe",
                                          repeated: "nouveau-mot-de-passe", cost: 4)
        }
        try s.database.changePassword(of: evaluator, current: "mot-de-passe-initial", new: "nouveau-mot-de-passe",
                                      repeated: "nouveau-mot-de-passe", cost: 4)
        #expect(try s.database.signIn(email: "eval@exemple.fr", password: "mot-de-passe-initial") == nil)
        #expect(try s.database.signIn(email: "eval@exemple.fr", password: "nouveau-mot-de-passe")?.id == evaluator.id)

        #expect(throws: AccountError.ownAccount) { try s.database.deactivateAccount(manager.id, by: manager) }
        try s.database.deactivateAccount(evaluator.id, by: manager)
        #expect(try s.database.signIn(email: "eval@exemple.fr", password: "nouveau-mot-de-passe") == nil)
        #expect(try s.database.userAccount(id: evaluator.id) == nil, "its sessions end at their next request")
        #expect(throws: AccountLinkError.deactivated) { try s.database.newLink(for: evaluator.id, now: Self.now, actor: tester) }
        if case .deactivated = try s.database.accountStates(now: Self.now)[evaluator.id] {} else {
            Issue.record("the list shows the account deactivated")
        }
        #expect(try s.database.auditEntries().last?.action == "account.deactivate")
    }
}
