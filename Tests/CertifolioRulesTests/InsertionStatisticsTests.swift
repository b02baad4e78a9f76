import CertifolioCore
import Testing
@testable import CertifolioRules

/// The statistics against a table computed by hand, with neutralised respondents, a holder without
/// an answer, a "sans réponse", and an older answer replaced by a later one.
@Suite struct InsertionStatisticsTests {
    static func survey(_ id: CandidateID, _ date: String, _ horizon: SurveyHorizon, _ situation: EmploymentSituation,
                       _ target: Bool? = nil) -> InsertionSurvey {
        InsertionSurvey(candidate: id, date: Day(iso: date)!, horizon: horizon, situation: situation, targetJob: target,
                        contract: nil)
    }

    @Test func theTableMatchesTheOneComputedByHand() {
        let holders = ["A", "B", "C", "D", "E", "F"].map {
            InsertionStatistics.Holder(candidate: CandidateID($0), year: 2025, viaVAE: $0 == "B")
        } + ["G", "H"].map { InsertionStatistics.Holder(candidate: CandidateID($0), year: 2024, viaVAE: false) }
        let surveys = [
            Self.survey("A", "2026-01-10", .sixMonths, .seeking),
            Self.survey("A", "2026-02-10", .sixMonths, .employed, true),   // later: replaces the answer above
            Self.survey("B", "2026-01-10", .sixMonths, .employed, false),
            Self.survey("C", "2026-01-10", .sixMonths, .furtherStudies),   // neutralised
            Self.survey("D", "2026-01-10", .sixMonths, .seeking),
            Self.survey("E", "2026-01-10", .sixMonths, .noAnswer),
            Self.survey("A", "2027-07-01", .twoYears, .employed, true),
            Self.survey("C", "2027-07-01", .twoYears, .workStudy),         // neutralised
            Self.survey("G", "2025-01-10", .sixMonths, .unableToWork),     // neutralised
            Self.survey("H", "2025-01-10", .sixMonths, .employed, true),
            Self.survey("Z", "2025-01-10", .sixMonths, .employed, true),   // not a holder: not counted
        ]
        let rows = InsertionStatistics.table(holders: holders, surveys: surveys)
        #expect(rows.map(\.year) == [2025, 2024])
        let r = rows[0]
        #expect((r.certified, r.certifiedVAE) == (6, 1))
        #expect((r.sixMonths.respondents, r.sixMonths.nonRespondents, r.sixMonths.neutralised, r.sixMonths.counted) == (4, 2, 1, 3))
        #expect(r.sixMonths.global == 67 && r.sixMonths.targetJob == 33)
        #expect((r.twoYears.respondents, r.twoYears.nonRespondents, r.twoYears.neutralised) == (2, 4, 1))
        #expect(r.twoYears.targetJob == 100)
        let s = rows[1]
        #expect(s.sixMonths.global == 100 && s.sixMonths.targetJob == 100 && s.sixMonths.counted == 1)
        #expect(s.twoYears.global == nil && s.twoYears.targetJob == nil && s.twoYears.nonRespondents == 2)
    }

    @Test func aSurveyIsCheckedFieldByField() {
        func problems(_ d: SurveyDraft) -> [SurveyField] {
            if case .failure(let p) = SurveyCheck.check(d) { return p.problems.map(\.field) }
            return []
        }
        #expect(problems(SurveyDraft(candidateID: "A", date: "2026-02-30", horizon: "1y", situation: "chomage",
                                     targetJob: "peut-être", contract: "stage")) == [.date, .horizon, .situation, .targetJob, .contract])
        #expect(problems(SurveyDraft(candidateID: "A", date: "2026-02-10", horizon: "6m", situation: "emploi",
                                     targetJob: "", contract: "")) == [.targetJob])
        #expect(problems(SurveyDraft(candidateID: "A", date: "2026-02-10", horizon: "6m", situation: "recherche",
                                     targetJob: "oui", contract: "")) == [.targetJob])
        #expect(problems(SurveyDraft(candidateID: "A", date: "2026-02-10", horizon: "2y", situation: "emploi",
                                     targetJob: "OUI", contract: "CDI")).isEmpty)
    }
}
