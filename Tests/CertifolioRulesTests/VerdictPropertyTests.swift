import CertifolioCore
import Testing
@testable import CertifolioRules

/// A small seeded generator so that a failing case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random but plausible records: some events (passing or not, some retakes), stages,
/// experience, decisions, on a random route.
enum RandomRecords {
    static let dates = (0..<40).map { Day(iso: "2026-01-01")!.adding(days: $0 * 20).iso }

    static func record(_ rng: inout SplitMix64) -> RecordBuilder {
        let referentiel = Bool.random(using: &rng) ? Fixtures.meqp : Fixtures.remms
        var b = RecordBuilder(referentiel, route: referentiel.accessRoutes.randomElement(using: &rng)!.id.rawValue)
        for _ in 0..<Int.random(in: 0...18, using: &rng) {
            addRandomEvent(&b, &rng, passing: nil)
        }
        for _ in 0..<Int.random(in: 0...2, using: &rng) {
            let start = Day(iso: dates.randomElement(using: &rng)!)!
            b.stage(start.iso, start.adding(days: Int.random(in: 0...200, using: &rng)).iso)
        }
        for _ in 0..<Int.random(in: 0...2, using: &rng) {
            b.experience(["0.5", "1", "1.5", "2", "3"].randomElement(using: &rng)!)
        }
        if Int.random(in: 0..<4, using: &rng) == 0 {
            b.decision(referentiel.blocks.randomElement(using: &rng)!.code.rawValue,
                       DecisionKind.allCases.randomElement(using: &rng)!, dates.randomElement(using: &rng)!)
        }
        return b
    }

    static func addRandomEvent(_ b: inout RecordBuilder, _ rng: inout SplitMix64, passing: Bool?, date: String? = nil) {
        let referentiel = b.referentiel
        let date = date ?? dates.randomElement(using: &rng)!
        let score = passing.map { $0 ? "15" : "4" } ?? ["3", "9.5", "10", "16"].randomElement(using: &rng)!
        if Int.random(in: 0..<5, using: &rng) == 0 {
            b.event("final", referentiel.finalExams.randomElement(using: &rng)!.id.rawValue, date, score: score)
        } else {
            let block = referentiel.blocks.randomElement(using: &rng)!
            let whole = Int.random(in: 0..<8, using: &rng) == 0
            let modality = whole ? "vae" : block.modalities.randomElement(using: &rng)!.id.rawValue
            b.event(block.code.rawValue, modality, date, score: score)
        }
    }
}

/// Orders in which "higher" means "closer to the title".
private func rank(_ s: BlockStatus) -> Int {
    switch s {
    case .failed: return 0
    case .notStarted: return 1
    case .inProgress: return 2
    case .passed: return 3
    case .acquired: return 4
    }
}

private func rank(_ s: FinalStatus) -> Int { s == .failed ? 0 : s == .pending ? 1 : 2 }
private func rank(_ s: TitleStatus) -> Int { s == .notEligible ? 0 : s == .eligible ? 1 : 2 }

private func neverLower(_ before: Verdict, _ after: Verdict) -> Bool {
    zip(before.blocks, after.blocks).allSatisfy { rank($0.status) <= rank($1.status) }
        && zip(before.finals, after.finals).allSatisfy { rank($0.status) <= rank($1.status) }
        && zip(before.requirements, after.requirements).allSatisfy { $0.status == .unmet || $1.status == .met }
        && rank(before.title.status) <= rank(after.title.status)
}

@Suite struct VerdictPropertyTests {
    let asOf = Day(iso: "2027-06-30")!

    @Test func addingAPassingEventNeverLowersAnyStatus() {
        var rng = SplitMix64(state: 2026)
        for _ in 0..<400 {
            var b = RandomRecords.record(&rng)
            let before = VerdictEngine.verdict(for: b.record, referentiel: b.referentiel, asOf: asOf)
            // A passing event dated after every other one, so that it is the latest attempt.
            RandomRecords.addRandomEvent(&b, &rng, passing: true, date: "2027-06-29")
            let after = VerdictEngine.verdict(for: b.record, referentiel: b.referentiel, asOf: asOf)
            #expect(neverLower(before, after), "record \(b.record.events.count) events")
        }
    }

    @Test func addingAValidationDecisionNeverLowersAnyStatus() {
        var rng = SplitMix64(state: 41818)
        for _ in 0..<400 {
            var b = RandomRecords.record(&rng)
            let before = VerdictEngine.verdict(for: b.record, referentiel: b.referentiel, asOf: asOf)
            let component = Int.random(in: 0..<5, using: &rng) == 0
                ? "title" : b.referentiel.blocks.randomElement(using: &rng)!.code.rawValue
            b.decision(component, .valide, RandomRecords.dates.randomElement(using: &rng)!)
            let after = VerdictEngine.verdict(for: b.record, referentiel: b.referentiel, asOf: asOf)
            #expect(neverLower(before, after))
        }
    }

    @Test func eventsAndDecisionsAfterAsOfNeverChangeTheVerdict() {
        var rng = SplitMix64(state: 36888)
        let asOf = Day(iso: "2026-12-31")!
        for _ in 0..<400 {
            var b = RandomRecords.record(&rng)
            let before = VerdictEngine.verdict(for: b.record, referentiel: b.referentiel, asOf: asOf)
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                let later = asOf.adding(days: Int.random(in: 1...300, using: &rng)).iso
                RandomRecords.addRandomEvent(&b, &rng, passing: nil, date: later)
                if Bool.random(using: &rng) { b.decision("title", .valide, later) }
            }
            let after = VerdictEngine.verdict(for: b.record, referentiel: b.referentiel, asOf: asOf)
            #expect(before == after)
        }
    }

    @Test func eligibleExactlyWhenThereIsNoReason() {
        var rng = SplitMix64(state: 7)
        for _ in 0..<400 {
            let b = RandomRecords.record(&rng)
            let v = VerdictEngine.verdict(for: b.record, referentiel: b.referentiel, asOf: asOf)
            #expect((v.title.status == .notEligible) == !v.title.reasons.isEmpty)
            for block in v.blocks {
                #expect((block.status == .passed || block.status == .acquired) == block.reasons.isEmpty)
            }
        }
    }
}
