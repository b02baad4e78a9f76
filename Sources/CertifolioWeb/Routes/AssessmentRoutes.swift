import CertifolioApp
import CertifolioCore
import Foundation
import Hummingbird
import NIOCore

/// The évaluateur's work: the queue of deposits awaiting assessment in their cohorts (every
/// cohort for the gestionnaire), oldest first, and the deposited files of a candidate they may see.
struct AssessmentRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        let staff = router.group().add(middleware: RequireRole(.evaluator, .manager))
        staff.get(WebRoutes.queue) { _, context in try queue(context) }
        staff.get(WebRoutes.depositFile) { _, context -> Response in
            let (id, deposit, position) = try WebRoutes.depositFile.values(context)
            try RecordAccess.requireCandidate(id, try context.requireIdentity(), services.app)
            return try Self.download(deposit, position, of: id, services)
        }
    }

    /// A deposited file of `candidate`, as sent; a deposit of another candidate is a 404.
    static func download(_ id: DepositID, _ position: Int64, of candidate: CandidateID,
                         _ services: WebServices) throws -> Response {
        guard let deposit = try services.app.deposit(id), deposit.candidate == candidate,
              position >= 1, position <= deposit.files.count else { throw HTTPError(.notFound) }
        let file = deposit.files[Int(position) - 1]
        guard !file.erased else { throw HTTPError(.gone, message: "Ce document a été effacé à l'échéance de sa durée de conservation.") }
        return try Downloads.kept(services.app.storedFilePath(file), type: file.kind.mediaType, filename: file.name)
    }

    private func queue(_ context: WebContext) throws -> Response {
        let account = try context.requireIdentity()
        let deposits = try services.app.awaitingAssessment(cohorts: account.role == .manager ? nil : account.cohorts)
        let referentiels = try services.referentiels()
        let people = Dictionary(try services.app.enrolledCandidates().map { ($0.candidate.id, $0) },
                                uniquingKeysWith: { a, _ in a })
        let lines = deposits.map { d -> AssessmentQueuePage.Line in
            let person = people[d.candidate]
            let epreuve = person.flatMap { referentiels[$0.enrolment.certification] }?.epreuveName(d.component, d.modality)
                ?? "\(d.component.fileValue) / \(d.modality)"
            return AssessmentQueuePage.Line(
                candidate: "\(person?.candidate.displayName ?? d.candidate.rawValue) (\(d.candidate))",
                cohort: person?.enrolment.cohort ?? "", epreuve: epreuve, version: d.version, at: d.at.french,
                late: d.deadline.map { d.at > $0 } ?? false,
                files: d.files.enumerated().map { n, f in
                    (f.name, WebRoutes.depositFile.path((d.candidate, d.id, Int64(n + 1))))
                },
                assess: WebRoutes.candidate.path(d.candidate) + "?epreuve="
                    + StaffRoutes.query(EvaluationForm.epreuveValue(d.component, d.modality)) + "&depot=\(d.id)#saisie")
        }
        return services.pages.render(AssessmentQueuePage(lines: lines), title: "À évaluer", context: context)
    }
}

/// The deposits awaiting assessment, oldest first.
struct AssessmentQueuePage: PageContent {
    struct Line {
        let candidate: String
        let cohort: String
        let epreuve: String
        let version: Int
        let at: String
        let late: Bool
        let files: [(name: String, link: String)]
        let assess: String
    }
    let lines: [Line]

    func html(csrf: String) -> HTML {
        guard !lines.isEmpty else {
            return "<h1>À évaluer</h1>\n<p>Aucun dépôt en attente d'évaluation dans vos promotions.</p>\n"
        }
        return """
            <h1>À évaluer</h1>
            <p>\(French.count(lines.count, "dépôt", "dépôts")) en attente d'évaluation, du plus ancien au plus récent.</p>
            <table class="queue">
              <thead><tr><th scope="col">Candidat</th><th scope="col">Promotion</th><th scope="col">Épreuve</th><th scope="col">Déposé</th><th scope="col">Fichiers</th><th scope="col"></th></tr></thead>
              <tbody>
            \(lines.html { line in
                """
                    <tr><td>\(line.candidate)</td><td>\(line.cohort)</td><td>\(line.epreuve) (version \(line.version))</td>
                      <td>\(line.at)\(line.late ? " — hors délai" as HTML : .empty)</td>
                      <td><ul>\(line.files.html { "<li><a href=\"\($0.link)\">\($0.name)</a></li>" })</ul></td>
                      <td><a class="button" href="\(line.assess)">Évaluer</a></td></tr>

                """
            })  </tbody>
            </table>

            """
    }
}
