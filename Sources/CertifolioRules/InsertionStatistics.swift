import CertifolioCore

/// A fiche's yearly statistics as France compétences defines them: per year of award, the number
/// of holders and of holders through the VAE, and the insertion rates at 6 months (global, in the
/// target job) and at 2 years (in the target job) — respondents in employment (resp. in the target
/// job) over respondents, both without the neutralised (further studies, work-study contract,
/// unable to work, working abroad). Each holder counts once per horizon: their latest answer.
public enum InsertionStatistics {
    /// A holder of the title: the year of award and whether through the VAE.
    public struct Holder: Sendable, Equatable {
        public var candidate: CandidateID
        public var year: Int
        public var viaVAE: Bool

        public init(candidate: CandidateID, year: Int, viaVAE: Bool) {
            self.candidate = candidate
            self.year = year
            self.viaVAE = viaVAE
        }
    }

    /// What one horizon's answers give for one year's holders.
    public struct Horizon: Sendable, Equatable {
        /// Holders who answered (whatever their situation, neutralised included).
        public var respondents = 0
        /// Holders without an answer (none recorded, or `sans_reponse`).
        public var nonRespondents = 0
        public var neutralised = 0
        public var employed = 0
        public var inTargetJob = 0

        /// The rates' denominator: respondents less the neutralised.
        public var counted: Int { respondents - neutralised }
        /// Percent in employment, rounded; nil without anyone counted.
        public var global: Int? { Self.percent(employed, counted) }
        public var targetJob: Int? { Self.percent(inTargetJob, counted) }

        static func percent(_ part: Int, _ whole: Int) -> Int? {
            whole > 0 ? (part * 200 + whole) / (whole * 2) : nil
        }
    }

    public struct Row: Sendable, Equatable {
        public var year: Int
        public var certified: Int
        public var certifiedVAE: Int
        public var sixMonths: Horizon
        public var twoYears: Horizon
    }

    /// One row per year with holders, the latest year first.
    public static func table(holders: [Holder], surveys: [InsertionSurvey]) -> [Row] {
        var latest: [SurveyHorizon: [CandidateID: InsertionSurvey]] = [:]
        for survey in surveys {  // in recording order: on the same date the later line counts
            if let kept = latest[survey.horizon]?[survey.candidate], kept.date > survey.date { continue }
            latest[survey.horizon, default: [:]][survey.candidate] = survey
        }
        func horizon(_ h: SurveyHorizon, _ group: [Holder]) -> Horizon {
            var result = Horizon()
            for holder in group {
                guard let answer = latest[h]?[holder.candidate], answer.situation.isRespondent else {
                    result.nonRespondents += 1
                    continue
                }
                result.respondents += 1
                if answer.situation.isNeutralised {
                    result.neutralised += 1
                } else if answer.situation == .employed {
                    result.employed += 1
                    if answer.targetJob == true { result.inTargetJob += 1 }
                }
            }
            return result
        }
        return Dictionary(grouping: holders, by: \.year).sorted { $0.key > $1.key }.map { year, group in
            Row(year: year, certified: group.count, certifiedVAE: group.filter(\.viaVAE).count,
                sixMonths: horizon(.sixMonths, group), twoYears: horizon(.twoYears, group))
        }
    }
}
