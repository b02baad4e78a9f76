import CertifolioCore
import CertifolioReports
import CertifolioRules
import CertifolioApp

/// A candidate's record as the progress page shows it, in plain French: where each block
/// stands (with the jury date once acquired), the épreuves finales and conditions, what is
/// missing for the title, and every evaluation recorded.
struct RecordView {
    struct Item {
        let code: String
        let title: String
        let status: String
        /// A CSS class per status, so that colour is never the only signal (the text says it too).
        let tone: String
        var details: [String] = []
    }

    struct Evaluation {
        let id: Int64
        let date: String
        let isoDate: String
        let epreuve: String
        let outcome: String
        let evaluator: String
        let comment: String?
        /// The later event that corrects this one, which then no longer counts.
        let correctedBy: Int64?
        let correctionReason: String?
        let corrects: Int64?
        let correctionLink: String?
        /// The competence grid, when the évaluateur gave one.
        let grid: [CompetenceAssessment]
    }

    let candidateID: String
    let name: String
    /// "née le 3 mars 1998 à Lyon".
    let bornOn: String
    let certification: String
    let route: String
    let enrolledOn: String
    let cohort: String
    let cohortLink: String
    let asOf: String
    let titleSentence: String
    let titleAwarded: Bool
    let blocks: [Item]
    let finals: [Item]
    let conditions: [Item]
    let missing: [String]
    let evaluations: [Evaluation]
    let acquiredCount: Int
    let blockCount: Int
    let canDownloadAttestation: Bool
    /// Staff see each evaluation's number (to correct it); the candidate's own page names
    /// evaluations by their épreuve and date only.
    let showsNumbers: Bool

    /// `correctable`: staff may correct the evaluations (not on the candidate's own page).
    init(record: CandidateRecord, referentiel: Referentiel, verdict: Verdict, history: [EvaluationEntry],
         correctable: Bool, forCandidate: Bool = false) {
        showsNumbers = !forCandidate
        let c = record.candidate
        candidateID = c.id.rawValue
        name = c.displayName
        bornOn = c.bornOn
        certification = "\(referentiel.code) — \(referentiel.title)"
        route = referentiel.route(record.enrolment.route)?.label ?? record.enrolment.route.rawValue
        enrolledOn = record.enrolment.enrolledOn.french
        cohort = record.enrolment.cohort
        cohortLink = WebRoutes.cohort.path(record.enrolment.cohort)
        asOf = verdict.asOf.french
        titleSentence = VerdictText.titleSentence(verdict.title).capitalizedFirst
        titleAwarded = verdict.title.status == .awarded
        blocks = zip(referentiel.blocks, verdict.blocks).map { block, bv in
            var status = bv.status.french
            if let day = bv.acquiredOn { status = "acquis — validé par le jury du \(day.french)" }
            return Item(code: block.code.rawValue, title: block.title, status: status, tone: Self.tone(bv.status),
                        details: bv.status == .acquired ? [] : bv.reasons.map { $0.message.capitalizedFirst })
        }
        finals = zip(referentiel.finalExams, verdict.finals).map { exam, fv in
            Item(code: "Épreuve finale", title: exam.label, status: fv.status.french,
                 tone: fv.status == .passed ? "ok" : fv.status == .failed ? "ko" : "todo")
        }
        conditions = zip(referentiel.requirements, verdict.requirements).map { requirement, rv in
            let status = rv.waived ? "non exigée pour votre voie d'accès" : (rv.status == .met ? "remplie" : "non remplie")
            return Item(code: "Condition", title: requirement.label, status: status,
                        tone: rv.waived || rv.status == .met ? "ok" : "todo")
        }
        missing = VerdictText.missingItems(verdict).map(\.capitalizedFirst)
        evaluations = history.reversed().map { entry in
            let e = entry.event
            let outcome: String
            if let score = e.score {
                outcome = "\(score.french)/\(e.maxScore.french)"
                    + (e.result.map { " — " + ($0 == .acquis ? "acquis" : "non acquis") } ?? "")
            } else {
                outcome = e.result == .acquis ? "acquis" : "non acquis"
            }
            return Evaluation(
                id: entry.id, date: e.date.french, isoDate: e.date.iso,
                epreuve: referentiel.epreuveName(e.component, e.modality),
                outcome: outcome, evaluator: e.evaluator, comment: entry.comment,
                correctedBy: entry.correctedBy,
                correctionReason: entry.correctionReason, corrects: e.corrects,
                correctionLink: correctable && entry.correctedBy == nil ? WebRoutes.correction.path((c.id, entry.id)) : nil,
                grid: entry.grid)
        }
        acquiredCount = verdict.blocks.filter { $0.status == .acquired }.count
        blockCount = verdict.blocks.count
        canDownloadAttestation = acquiredCount > 0
    }

    static func tone(_ status: BlockStatus) -> String {
        switch status {
        case .acquired: return "ok"
        case .passed: return "pass"
        case .failed: return "ko"
        case .inProgress, .notStarted: return "todo"
        }
    }
}

extension String {
    /// "présentable…" -> "Présentable…" (messages of the rules start in lower case, to follow a colon).
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
