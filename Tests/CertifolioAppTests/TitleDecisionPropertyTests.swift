import CertifolioCore
import CertifolioRules
import Foundation
import Testing
@testable import CertifolioApp

/// Contract §6 as a property: whatever sequence of use-case calls a jury makes (sheets with any
/// decision and a motive on any component, proposals accepted, closing), no title is ever
/// recorded for a candidate the verdict engine calls `not_eligible` on the session date once the
/// session's block decisions count.
@Suite struct TitleDecisionPropertyTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: 1...8 as ClosedRange<UInt64>)
    func noSequenceOfCallsAwardsATitleTheFicheForbids(seed: UInt64) throws {
        var random = Generator(state: seed)
        let loop = try JuryLoopTests.Loop()
        let day = JuryLoopTests.sessionDay
        try loop.database.addJuryMember(JuryMember(name: "Claire Dubois", role: "expert_domaine", external: true),
                                        to: loop.session, actor: tester)
        _ = try loop.database.convoke(loop.session, candidates: [], cohort: "MEQP-2025",
                                      actor: tester)
        let referentiel = try loop.database.referentiels()["RNCP41818"]!
        let convoked = try loop.database.jurySession(loop.session).convoked
        let components = referentiel.blocks.map(\.code.rawValue) + ["title", "title"]
        var accepted = 0
        for step in 0..<25 {
            if random.next() % 6 == 0 {
                try loop.database.acceptProposals(loop.session, asOf: day, actor: tester)
                continue
            }
            var sheet = "candidate_id,component,decision,motive\n"
            for _ in 0..<(1 + random.next() % 4) {
                let candidate = convoked[Int(random.next() % UInt64(convoked.count))]
                let component = components[Int(random.next() % UInt64(components.count))]
                let kind = DecisionKind.allCases[Int(random.next() % 3)]
                sheet += "\(candidate),\(component),\(kind.rawValue),Motif n° \(step)\n"
            }
            if (try? loop.database.decide(loop.session, sheet: "essai.csv", bytes: Array(sheet.utf8), asOf: day, actor: tester)) != nil {
                accepted += 1
            }
            try expectEveryTitleAllowed(try loop.database.draftDecisions(loop.session), loop, referentiel)
        }
        try loop.database.acceptProposals(loop.session, asOf: day, actor: tester)
        try loop.database.close(loop.session, asOf: day, actor: tester)
        let recorded = try loop.database.sessionDecisions(loop.session)
        try expectEveryTitleAllowed(recorded.map(\.decision), loop, referentiel)
        #expect(accepted > 0, "some sheets were accepted, or the property says nothing")
        #expect(recorded.contains { $0.decision.component == .title && $0.decision.decision == .valide })
    }

    /// The engine as oracle: the record before the session, plus the session's block
    /// validations dated the session date, must be `eligible` for each title `valide`.
    func expectEveryTitleAllowed(_ decisions: [SessionDecision], _ loop: JuryLoopTests.Loop,
                                 _ referentiel: Referentiel) throws {
        let sessionIDs = Set(try loop.database.sessionDecisions(loop.session).map(\.id))
        for title in decisions where title.component == .title && title.decision == .valide {
            var record = try #require(try loop.database.candidateRecord(title.candidate))
            record.decisions.removeAll { sessionIDs.contains($0.id) }
            for (i, block) in decisions.enumerated() where block.candidate == title.candidate && block.decision == .valide {
                guard case .block = block.component else { continue }
                record.decisions.append(JuryDecision(id: -1 - Int64(i), component: block.component, decision: .valide,
                                                     date: JuryLoopTests.sessionDay))
            }
            let verdict = VerdictEngine.verdict(for: record, referentiel: referentiel, asOf: JuryLoopTests.sessionDay)
            #expect(verdict.title.status == .eligible, "\(title.candidate): title valide while \(verdict.title.status)")
        }
    }
}
