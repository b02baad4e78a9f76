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

        /// One holder's answer that counts (nil: none recorded).
        mutating func count(_ answer: InsertionSurvey?) {
            guard let answer, answer.situation.isRespondent else {
                nonRespondents += 1
                return
            }
            respondents += 1
            if answer.situation.isNeutralised {
                neutralised += 1
            } else if answer.situation == .employed {
                employed += 1
                if answer.targetJob == true { inTargetJob += 1 }
            }
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
        let answers = Dictionary(grouping: surveys, by: \.candidate)  // grouping keeps recording order
        var tally = Tally()
        for holder in holders { tally.add(holder, surveys: answers[holder.candidate] ?? []) }
        return tally.rows
    }

    /// The table counted one holder at a time, in any order: the store hands the holders a page
    /// at a time with their answers, so a million holders count in the memory of a page.
    public struct Tally: Sendable {
        private var years: [Int: Row] = [:]

        public init() {}

        /// One holder and their candidate's answers in recording order (anyone else's are ignored).
        public mutating func add(_ holder: Holder, surveys: [InsertionSurvey]) {
            var row = years[holder.year]
                ?? Row(year: holder.year, certified: 0, certifiedVAE: 0, sixMonths: Horizon(), twoYears: Horizon())
            row.certified += 1
            if holder.viaVAE { row.certifiedVAE += 1 }
            let mine = surveys.filter { $0.candidate == holder.candidate }
            row.sixMonths.count(InsertionStatistics.latest(mine, .sixMonths))
            row.twoYears.count(InsertionStatistics.latest(mine, .twoYears))
            years[holder.year] = row
        }

        /// One row per year with holders, the latest year first.
        public var rows: [Row] { years.values.sorted { $0.year > $1.year } }
    }

    /// The answer that counts for a horizon among one holder's, in recording order: the latest
    /// by date; on the same date, the one recorded later.
    static func latest(_ surveys: [InsertionSurvey], _ horizon: SurveyHorizon) -> InsertionSurvey? {
        var kept: InsertionSurvey?
        for survey in surveys where survey.horizon == horizon {
            if let kept, kept.date > survey.date { continue }
            kept = survey
        }
        return kept
    }
}
