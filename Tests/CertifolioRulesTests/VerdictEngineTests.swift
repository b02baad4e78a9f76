import CertifolioCore
import Testing
@testable import CertifolioRules

private let asOf = day("2027-06-30")

private func verdict(_ b: RecordBuilder, _ date: Day = asOf) -> Verdict {
    VerdictEngine.verdict(for: b.record, referentiel: b.referentiel, asOf: date)
}

private func titleReasons(_ v: Verdict) -> Set<String> {
    Set(v.title.reasons.map { "\($0.code.rawValue)@\($0.component)" })
}

private func block(_ v: Verdict, _ code: String) -> BlockVerdict { v.blocks.first { $0.code.rawValue == code }! }

@Suite struct VerdictEngineTests {
    @Test(arguments: ["RNCP41818", "RNCP36888"])
    func completeRecordIsEligible(_ code: String) {
        let v = verdict(.complete(Fixtures.referentiels[CertificationCode(code)]!))
        #expect(v.title.status == .eligible)
        #expect(v.title.reasons.isEmpty)
        #expect(v.blocks.allSatisfy { $0.status == .passed && $0.reasons.isEmpty })
        #expect(v.finals.allSatisfy { $0.status == .passed })
        #expect(v.requirements.allSatisfy { $0.status == .met })
    }

    @Test func emptyRecordListsEverythingMissing() {
        let v = verdict(RecordBuilder(Fixtures.meqp))
        #expect(v.blocks.allSatisfy { $0.status == .notStarted })
        #expect(block(v, "RNCP41818BC01").reasons.map(\.code) == [.modalityMissing, .modalityMissing, .modalityMissing])
        #expect(titleReasons(v) == ["block_not_validated@RNCP41818BC01", "block_not_validated@RNCP41818BC02",
                                    "block_not_validated@RNCP41818BC03", "block_not_validated@RNCP41818BC04",
                                    "final_missing@memoire", "final_missing@livret", "final_missing@soutenance",
                                    "stage_missing@stage"])
        #expect(v.finals.allSatisfy { $0.status == .pending })
        #expect(v.title.reasons.allSatisfy { !$0.message.isEmpty })
    }

    struct BlockCase: Sendable, CustomStringConvertible {
        let lines: [String]
        let status: BlockStatus
        let codes: [String]
        var description: String { lines.joined(separator: " ") }
    }

    static let blockCases: [BlockCase] = [
        BlockCase(lines: [], status: .notStarted, codes: ["modality_missing", "modality_missing", "modality_missing"]),
        BlockCase(lines: ["etude_faisabilite=12"], status: .inProgress, codes: ["modality_missing", "modality_missing"]),
        BlockCase(lines: ["etude_faisabilite=6"], status: .failed,
                  codes: ["modality_failed", "modality_missing", "modality_missing"]),
        BlockCase(lines: ["etude_faisabilite=12", "soutenance_orale=10", "etude_de_cas=9.5"], status: .failed,
                  codes: ["modality_failed"]),
        BlockCase(lines: ["etude_faisabilite=12", "soutenance_orale=10", "etude_de_cas=10"], status: .passed, codes: []),
        BlockCase(lines: ["vae=acquis"], status: .passed, codes: []),
        BlockCase(lines: ["vae=non_acquis"], status: .failed,
                  codes: ["modality_failed", "modality_missing", "modality_missing", "modality_missing"]),
        BlockCase(lines: ["vae=non_acquis", "etude_faisabilite=12", "soutenance_orale=10", "etude_de_cas=10"],
                  status: .passed, codes: []),
    ]

    /// Block statuses on RNCP41818BC02, one row per case (modality=score or modality=result).
    @Test(arguments: blockCases)
    func blockStatus(_ c: BlockCase) {
        var b = RecordBuilder(Fixtures.meqp)
        for line in c.lines {
            let parts = line.split(separator: "=").map(String.init)
            if let result = EvaluationResult(rawValue: parts[1]) {
                b.event("RNCP41818BC02", parts[0], "2026-10-01", score: nil, result: result)
            } else {
                b.event("RNCP41818BC02", parts[0], "2026-10-01", score: parts[1])
            }
        }
        let v = block(verdict(b), "RNCP41818BC02")
        #expect(v.status == c.status)
        #expect(v.reasons.map(\.code.rawValue).sorted() == c.codes.sorted())
        #expect(v.reasons.allSatisfy { $0.component == "RNCP41818BC02" })
    }

    @Test func failedModalityMessageNamesTheModality() {
        var b = RecordBuilder.complete(Fixtures.meqp)
        b.event("RNCP41818BC02", "etude_faisabilite", "2026-12-01", score: "6")
        let v = verdict(b)
        let reason = block(v, "RNCP41818BC02").reasons.first!
        #expect(reason.code == .modalityFailed)
        #expect(reason.message.contains("Étude de faisabilité"))
        #expect(reason.message.contains("6/20"))
        #expect(titleReasons(v) == ["block_not_validated@RNCP41818BC02"])
    }

    @Test func latestAttemptCountsAndSameDayLaterLineWins() {
        var b = RecordBuilder.complete(Fixtures.meqp)
        b.event("RNCP41818BC03", "etude_de_cas", "2026-12-01", score: "5")
        #expect(block(verdict(b), "RNCP41818BC03").status == .failed)
        b.event("RNCP41818BC03", "etude_de_cas", "2027-02-01", score: "12")
        #expect(block(verdict(b), "RNCP41818BC03").status == .passed)
        // A later line on the same date replaces the earlier one, whichever way it goes.
        b.event("RNCP41818BC03", "etude_de_cas", "2027-02-01", score: "4")
        #expect(block(verdict(b), "RNCP41818BC03").status == .failed)
        // An older attempt recorded later does not replace a newer one.
        b.event("RNCP41818BC03", "etude_de_cas", "2027-01-15", score: "18")
        #expect(block(verdict(b), "RNCP41818BC03").status == .failed)
        // Before the retake, the first attempt counted.
        #expect(block(verdict(b, day("2026-12-15")), "RNCP41818BC03").status == .failed)
    }

    @Test func resultOverridesScore() {
        var b = RecordBuilder.complete(Fixtures.meqp)
        b.event("RNCP41818BC01", "soutenance_orale", "2026-12-01", score: "4", result: .acquis)
        #expect(block(verdict(b), "RNCP41818BC01").status == .passed)
        b.event("RNCP41818BC01", "soutenance_orale", "2026-12-02", score: "19", result: .nonAcquis)
        #expect(block(verdict(b), "RNCP41818BC01").status == .failed)
    }

    @Test func finalsFailedAndMissing() {
        var b = RecordBuilder.complete(Fixtures.meqp)
        b.record.events.removeAll { $0.component == .final }
        b.event("final", "memoire", "2027-05-20", score: "9")
        b.event("final", "livret", "2027-05-20", score: "10")
        let v = verdict(b)
        #expect(v.finals.map(\.status) == [.failed, .passed, .pending])
        #expect(titleReasons(v) == ["final_failed@memoire", "final_missing@soutenance"])
    }

    @Test func meqpStageAnyLengthAndVaeWaiver() {
        var b = RecordBuilder.complete(Fixtures.meqp)
        b.record.stages = []
        #expect(titleReasons(verdict(b)) == ["stage_missing@stage"])
        b.stage("2027-06-30", "2027-06-30")
        #expect(verdict(b).title.status == .eligible)
        var late = RecordBuilder.complete(Fixtures.meqp)
        late.record.stages = [Stage(start: day("2027-06-01"), end: day("2027-07-01"))]
        #expect(titleReasons(verdict(late)) == ["stage_missing@stage"], "a stage ending after as_of does not count yet")
        var vae = RecordBuilder.complete(Fixtures.meqp, route: "vae")
        vae.record.stages = []
        let v = verdict(vae)
        #expect(v.requirements.first?.status == .met)
        #expect(v.requirements.first?.waived == true)
        #expect(v.title.status == .eligible)
    }

    struct RequirementCase: Sendable, CustomStringConvertible {
        let years: [String]
        let stages: [[String]]
        let met: Bool
        let reasons: Set<String>
        var description: String { "\(years) \(stages)" }
    }

    static let noneReasons: Set<String> = ["experience_insufficient@experience", "stage_missing@stage"]
    static let shortReasons: Set<String> = ["experience_insufficient@experience", "stage_too_short@stage"]
    static let requirementCases: [RequirementCase] = [
        RequirementCase(years: [], stages: [], met: false, reasons: noneReasons),
        RequirementCase(years: ["3"], stages: [], met: true, reasons: []),
        RequirementCase(years: ["1.5", "1.5"], stages: [], met: true, reasons: []),
        RequirementCase(years: ["2.99"], stages: [], met: false, reasons: noneReasons),
        RequirementCase(years: [], stages: [["2026-03-01", "2026-06-30"]], met: true, reasons: []),
        RequirementCase(years: [], stages: [["2026-03-01", "2026-06-29"]], met: false, reasons: shortReasons),
        // Two short stages are not added up.
        RequirementCase(years: [], stages: [["2026-01-05", "2026-03-13"], ["2026-04-06", "2026-06-12"]], met: false,
                        reasons: shortReasons),
        RequirementCase(years: ["1"], stages: [["2026-03-01", "2026-06-29"], ["2025-01-10", "2025-05-09"]], met: true,
                        reasons: []),
        // A stage that ends after as_of does not count yet.
        RequirementCase(years: [], stages: [["2027-03-01", "2027-07-31"]], met: false, reasons: noneReasons),
    ]

    /// RNCP36888: 3 years of experience OR one stage of at least 4 months.
    @Test(arguments: requirementCases)
    func experienceOrStage(_ c: RequirementCase) {
        var b = RecordBuilder(Fixtures.remms)
        b.allBlocks()
        b.allFinals()
        c.years.forEach { b.experience($0) }
        c.stages.forEach { b.stage($0[0], $0[1]) }
        let v = verdict(b)
        #expect(v.requirements.first?.status == (c.met ? .met : .unmet))
        #expect(titleReasons(v) == c.reasons)
        #expect(v.title.status == (c.met ? .eligible : .notEligible))
    }

    @Test(arguments: [("RNCP41818", "2028-12-18", "2028-12-19"), ("RNCP36888", "2027-09-29", "2027-09-30")])
    func registrationEndDate(_ code: String, _ lastDay: String, _ dayAfter: String) {
        let b = RecordBuilder.complete(Fixtures.referentiels[CertificationCode(code)]!)
        #expect(verdict(b, day(lastDay)).title.status == .eligible)
        let expired = verdict(b, day(dayAfter))
        #expect(expired.title.status == .notEligible)
        #expect(titleReasons(expired) == ["registration_expired@\(code)"])
    }

    @Test(arguments: ["formation_initiale", "candidature_individuelle"])
    func refusedRoutes(_ route: String) {
        let v = verdict(.complete(Fixtures.remms, route: route))
        #expect(titleReasons(v) == ["route_not_allowed@RNCP36888"])
        #expect(v.title.reasons.first!.message.contains("n'est pas ouverte"))
    }

    @Test func juryValidationCapitalisesABlockForGood() {
        var b = RecordBuilder(Fixtures.meqp)
        b.decision("RNCP41818BC04", .valide, "2026-12-15")
        b.decision("RNCP41818BC03", .ajourne, "2026-12-15")
        b.decision("RNCP41818BC02", .absent, "2026-12-15")
        let v = verdict(b)
        #expect(block(v, "RNCP41818BC04").status == .acquired)
        #expect(block(v, "RNCP41818BC04").acquiredOn == day("2026-12-15"))
        #expect(block(v, "RNCP41818BC03").status == .notStarted)
        #expect(!titleReasons(v).contains("block_not_validated@RNCP41818BC04"))
        // Before the jury met, the block was not acquired; a later failure does not undo it.
        #expect(block(verdict(b, day("2026-12-14")), "RNCP41818BC04").status == .notStarted)
        b.event("RNCP41818BC04", "etude_de_cas", "2027-01-10", score: "2")
        #expect(block(verdict(b), "RNCP41818BC04").status == .acquired)
    }

    @Test func titleAwardedByJuryHasNoReasons() {
        var b = RecordBuilder(Fixtures.remms)
        b.decision("title", .valide, "2027-06-14")
        let v = verdict(b)
        #expect(v.title.status == .awarded)
        #expect(v.title.reasons.isEmpty)
        #expect(v.title.awardedOn == day("2027-06-14"))
        #expect(verdict(b, day("2027-06-13")).title.status == .notEligible)
    }

    @Test func revokedDecisionStopsCountingFromTheRevocationDate() {
        var b = RecordBuilder(Fixtures.meqp)
        let first = b.decision("RNCP41818BC01", .valide, "2026-12-15")
        b.decision("RNCP41818BC01", .ajourne, "2027-02-01", revokes: first)
        #expect(block(verdict(b, day("2027-01-31")), "RNCP41818BC01").status == .acquired)
        #expect(block(verdict(b), "RNCP41818BC01").status == .notStarted)
    }

    @Test func correctedEventNoLongerCounts() {
        var b = RecordBuilder.complete(Fixtures.meqp)
        let wrong = b.event("RNCP41818BC03", "mise_en_situation", "2027-01-10", score: "3")
        #expect(block(verdict(b), "RNCP41818BC03").status == .failed)
        b.event("RNCP41818BC03", "mise_en_situation", "2027-01-10", score: "13", corrects: wrong)
        #expect(block(verdict(b), "RNCP41818BC03").status == .passed)
    }

    @Test func vaeCandidateWithOneBlockAssessed() {
        var b = RecordBuilder(Fixtures.remms, route: "vae")
        b.event("RNCP36888BC02", "vae", "2027-01-05", score: nil, result: .acquis)
        b.experience("8")
        let v = verdict(b)
        #expect(block(v, "RNCP36888BC02").status == .passed)
        #expect(block(v, "RNCP36888BC01").status == .notStarted)
        #expect(titleReasons(v) == ["block_not_validated@RNCP36888BC01", "block_not_validated@RNCP36888BC03",
                                    "block_not_validated@RNCP36888BC04", "final_missing@memoire"])
    }

    @Test func everyReasonCodeIsReachable() {
        var reached = Set<ReasonCode>()
        let scenarios: [(RecordBuilder, Day)] = {
            var failing = RecordBuilder(Fixtures.remms, route: "formation_initiale")
            failing.event("RNCP36888BC02", "etude_de_cas", "2026-10-01", score: "2")
            failing.event("final", "memoire", "2027-01-01", score: "2")
            failing.stage("2026-01-01", "2026-01-31")
            return [(failing, day("2027-10-01")), (RecordBuilder(Fixtures.meqp), asOf)]
        }()
        for (b, date) in scenarios {
            let v = verdict(b, date)
            reached.formUnion(v.title.reasons.map(\.code))
            reached.formUnion(v.blocks.flatMap(\.reasons).map(\.code))
        }
        #expect(reached == Set(ReasonCode.allCases))
    }
}
