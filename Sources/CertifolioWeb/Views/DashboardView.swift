import CertifolioCore
import CertifolioRules
import Foundation

/// The staff dashboard: per cohort, how many candidates stand where for the title, and the
/// blocks most often failed.
struct DashboardView {
    struct CohortLine {
        let name: String
        let link: String
        let candidates: Int
        let awarded: Int
        let eligible: Int
        let notEligible: Int
        let blocksAcquired: Int
        let blocksPassed: Int
        let failedBlocks: [FailedBlock]
        /// The fiche's registration ends within six months and candidates are still in progress.
        let expiry: Expiry?
    }

    struct Expiry {
        let code: String
        let end: String
        let inProgress: Int
    }

    struct FailedBlock {
        let code: String
        let title: String
        let candidates: Int
    }

    let cohorts: [CohortLine]
    let asOf: String

    /// `verdicts` of the visible candidates only; blocks most often failed: top three per cohort.
    init(verdicts: [(record: CandidateRecord, verdict: Verdict)], referentiels: [CertificationCode: Referentiel],
         asOf: Day) {
        let byCohort = Dictionary(grouping: verdicts, by: { $0.record.enrolment.cohort })
        let titles = Dictionary(referentiels.values.flatMap(\.blocks).map { ($0.code, $0.title) },
                                uniquingKeysWith: { first, _ in first })
        cohorts = byCohort.keys.sorted().map { name in
            let lines = byCohort[name]!
            var failed: [BlockCode: Int] = [:]
            for line in lines {
                for block in line.verdict.blocks where block.status == .failed { failed[block.code, default: 0] += 1 }
            }
            let worst = failed.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3)
            let statuses = lines.map(\.verdict.title.status)
            let blockStatuses = lines.flatMap(\.verdict.blocks).map(\.status)
            // Six months before the fiche's registration ends, the candidates still in progress
            // must be told: after it no jury can award the title.
            let inProgress = statuses.filter { $0 != .awarded }.count
            let expiry = Set(lines.map(\.record.enrolment.certification)).compactMap { referentiels[$0] }
                .first { $0.registrationEnd.adding(days: -183) <= asOf && inProgress > 0 }
                .map { Expiry(code: $0.code.rawValue, end: $0.registrationEnd.french, inProgress: inProgress) }
            return CohortLine(
                name: name, link: WebRoutes.cohort.path(name),
                candidates: lines.count,
                awarded: statuses.filter { $0 == .awarded }.count,
                eligible: statuses.filter { $0 == .eligible }.count,
                notEligible: statuses.filter { $0 == .notEligible }.count,
                blocksAcquired: blockStatuses.filter { $0 == .acquired }.count,
                blocksPassed: blockStatuses.filter { $0 == .passed }.count,
                failedBlocks: worst.map { FailedBlock(code: $0.key.rawValue, title: titles[$0.key] ?? "", candidates: $0.value) },
                expiry: expiry)
        }
        self.asOf = asOf.french
    }
}
