import CertifolioCore
import Foundation
import Testing
@testable import CertifolioApp

/// Issue 13: the jury directory reused from session to session, and recusal that follows the
/// évaluateur account rather than the way a name was typed.
@Suite struct JuryDirectoryTests {
    @Test func membersEnterTheDirectoryOnceHoweverTheirNameIsTyped() throws {
        let loop = try JuryLoopTests.Loop()
        let second = try loop.database.createJurySession(certification: "RNCP41818", date: Day(iso: "2027-12-10")!,
                                                          place: "Lyon", actor: tester)
        try loop.database.addJuryMember(JuryMember(name: "francois LEMAITRE", role: "expert_domaine", external: true),
                                        to: second, actor: tester)
        let people = try loop.database.juryDirectory()
        #expect(people.map(\.name) == ["M. François Lemaître", "Nadia Berrada"], "by name, civility aside")
        #expect(people.map(\.sessions) == [2, 1])
        // The same person typed otherwise is refused in the same session.
        #expect(throws: JuryError.memberAlreadyThere("Mme Nadia BERRADA", loop.session)) {
            try loop.database.addJuryMember(JuryMember(name: "Mme Nadia BERRADA", role: "professionnel_ess", external: true),
                                            to: loop.session, actor: tester)
        }
        // Chosen from the directory: named and external as the directory says.
        let nadia = try #require(people.first { $0.name == "Nadia Berrada" })
        try loop.database.addJuryMember(person: nadia.id, role: "professionnel_ess", to: second, actor: tester)
        let members = try loop.database.jurySession(second).members
        #expect(members.map(\.name) == ["francois LEMAITRE", "Nadia Berrada"] && members[1].external)
        #expect(throws: JuryDirectoryError.unknownPerson(99)) {
            try loop.database.addJuryMember(person: 99, role: "expert_domaine", to: second, actor: tester)
        }
        #expect(throws: JuryDirectoryError.alreadyThere("Nadia Berrada")) {
            try loop.database.addJuryPerson(name: "nadia berrada", external: false, account: nil, actor: tester)
        }
        // A name typed by mistake, then withdrawn, leaves the directory; someone listed on purpose stays.
        try loop.database.addJuryMember(JuryMember(name: "M. Erreur de Saisie", role: "expert_domaine", external: false),
                                        to: second, actor: tester)
        let listed = try loop.database.addJuryPerson(name: "Claire Dubois", external: true, account: nil, actor: tester)
        try loop.database.addJuryMember(person: listed, role: "expert_domaine", to: second, actor: tester)
        #expect(try loop.database.juryDirectory().count == 4)
        for name in ["M. Erreur de Saisie", "Claire Dubois"] {
            try loop.database.removeJuryMember(named: name, from: second, actor: tester)
        }
        #expect(try loop.database.juryDirectory().map(\.name) == ["Claire Dubois", "M. François Lemaître", "Nadia Berrada"])
    }

    @Test func aMemberLinkedToTheAccountThatEvaluatedACandidateStepsAsideWhateverTheNames() throws {
        let loop = try JuryLoopTests.Loop()
        let account = try loop.database.createAccount(
            AccountDraft(email: "a.perrot@exemple.fr", displayName: "Mme Agnès Perrot-Duval", role: .evaluator,
                         cohorts: ["MEQP-2025"]), password: "mot-de-passe-solide", actor: tester, cost: 4)
        let draft = EvaluationDraft(component: "RNCP41818BC03", modality: "mise_en_situation", date: "2027-06-01",
                                    score: "14", evaluator: account.displayName)
        try loop.database.recordEvaluation(draft, of: "MQ016", comment: nil, today: JuryLoopTests.sessionDay,
                                           actor: account.actor)
        #expect(try loop.database.candidateRecord("MQ016")?.events.last?.recordedBy == account.id)
        _ = try loop.database.convoke(loop.session, candidates: ["MQ016"], cohort: nil, actor: tester)
        // Typed otherwise than the account's name: by names alone she would sit.
        try loop.database.addJuryMember(JuryMember(name: "Agnès Duval", role: "expert_domaine", external: true),
                                        to: loop.session, actor: tester)
        func stepsAside() throws -> Bool {
            let review = try #require(try loop.database.reviews(loop.session).first { $0.record.candidate.id == "MQ016" })
            return review.composition.steppingAside.contains { $0.name == "Agnès Duval" }
        }
        #expect(try !stepsAside())
        let person = try #require(try loop.database.juryDirectory().first { $0.name == "Agnès Duval" })
        try loop.database.linkJuryPerson(person.id, to: account.id, actor: tester)
        #expect(try stepsAside())
        #expect(try loop.database.juryDirectory().first { $0.id == person.id }?.account?.name == "Mme Agnès Perrot-Duval")
        // One account, one person; only an évaluateur's account.
        let other = try loop.database.addJuryPerson(name: "Claire Dubois", external: true, account: nil, actor: tester)
        #expect(throws: JuryDirectoryError.accountTaken(account: "Mme Agnès Perrot-Duval", by: "Agnès Duval")) {
            try loop.database.linkJuryPerson(other, to: account.id, actor: tester)
        }
        #expect(throws: JuryDirectoryError.notAnEvaluator(4242)) {
            try loop.database.linkJuryPerson(other, to: 4242, actor: tester)
        }
        try loop.database.linkJuryPerson(person.id, to: nil, actor: tester)
        #expect(try !stepsAside())
    }
}
