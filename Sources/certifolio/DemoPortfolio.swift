import CertifolioApp
import CertifolioCore
import CertifolioRules
import Foundation

/// The portfolio part of the demo: one candidate's calendar (what's next), deposits with their
/// receipt (and one refused), the évaluateur's queue and competence grid, the publication, and
/// the portfolio exported as a folder.
struct PortfolioDemo {
    let app: Certifolio
    let documents: URL
    let section: (String) -> Void
    let candidate: CandidateID = "MQ016"
    let candidateActor = Actor("demo:candidat")
    let evaluator = Actor("demo:evaluateur")
    let manager = Actor("demo:gestionnaire")

    func run() throws {
        section("7. Le portfolio de \(candidate) (certifolio calendar / deposit / portfolio export)")
        let before = ParisTime(paris: Day(iso: "2027-01-05")!, hour: 9, minute: 0)!
        print("  Au \(before.day.french), ce qui vient :")
        for slot in try app.depositSlots(of: candidate) {
            guard let deadline = slot.deadline, slot.isOpen(at: before) else { continue }
            print("    à déposer : \(slot.label), avant le \(deadline.french) (dans \(deadline.day.ordinal - before.day.ordinal) jours)")
        }
        let cohort = try app.enrolment(of: candidate)?.cohort ?? ""
        let label = try app.calendarCheck().cohorts[cohort]?.first
        for entry in try app.calendar(cohort: cohort) {
            guard case let .sitting(day, place) = entry.schedule, day >= before.day else { continue }
            print("    à passer : \(label?.epreuveName(entry.component, entry.modality) ?? entry.modality.rawValue), "
                  + "le \(day.french), \(place)")
        }

        let work = documents.appendingPathComponent("fichiers-deposes")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        func file(_ name: String, _ bytes: [UInt8]) throws -> ReceivedFile {
            let path = work.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return try app.receiveFile(copying: path)
        }
        let pdf = Array("%PDF-1.4\n% Étude de cas — gestion des ressources humaines\n%%EOF\n".utf8)
        // An executable renamed .pdf: refused by its content, nothing kept.
        let fake = try file("etude-de-cas.pdf.exe.pdf", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + Array(repeating: 0, count: 56))
        do {
            _ = try app.deposit(DepositDraft(candidate: candidate, component: "RNCP41818BC04", modality: "etude_de_cas",
                                             files: [fake]),
                                at: ParisTime(paris: Day(iso: "2027-01-08")!, hour: 18, minute: 30)!, actor: candidateActor)
        } catch let refused as DepositRefused {
            print("  Dépôt refusé : " + refused.problems.map(\.message).joined(separator: " "))
        }
        let deposit = try app.deposit(DepositDraft(candidate: candidate, component: "RNCP41818BC04", modality: "etude_de_cas",
                                                   files: [try file("etude-de-cas.pdf", pdf)]),
                                      at: ParisTime(paris: Day(iso: "2027-01-10")!, hour: 11, minute: 42)!, actor: candidateActor)
        let receipt = documents.appendingPathComponent("accuse-de-depot-\(deposit.id).pdf").path
        try app.writeReceipt(deposit.id, to: receipt)
        print("  Dépôt n° \(deposit.id) (version \(deposit.version)) le \(deposit.at.french) : "
              + deposit.files.map { "\($0.name), \($0.size) octets, SHA-256 \($0.sha256.prefix(16))…" }.joined(separator: " ; "))
        print("  Accusé de dépôt : \(receipt)")

        let queue = try app.awaitingAssessment(cohorts: [cohort])
        print("  File de l'évaluateur (\(cohort)) : \(French.count(queue.count, "dépôt", "dépôts")) à évaluer, le plus ancien du \(queue.first?.at.french ?? "—").")
        let referentiel = try app.referentiels()[try app.enrolment(of: candidate)?.certification ?? "RNCP41818"]
        let competences = referentiel?.block("RNCP41818BC04")?.competences ?? []
        var grid = competences.map { _ in CompetenceDraft(rating: CompetenceRating.acquis.rawValue) }
        if !grid.isEmpty {
            grid[0] = CompetenceDraft(rating: CompetenceRating.partiellementAcquis.rawValue,
                                      comment: "Délégation à formaliser par écrit.")
        }
        try app.recordEvaluation(EvaluationDraft(component: "RNCP41818BC04", modality: "etude_de_cas", date: "2027-01-25",
                                                 score: "15", evaluator: "Mme Agnès Perrot", grid: grid,
                                                 deposit: deposit.id.description),
                                 of: candidate, comment: "Étude solide, bien argumentée.", today: Day(iso: "2027-01-25")!,
                                 requireGrid: true, actor: evaluator)
        let hidden = try app.publishedRecordWithHistory(candidate)?.history.contains { $0.deposit == deposit.id } ?? false
        print("  Évaluée avec la grille (\(grid.count) compétences) ; visible du candidat avant publication : \(hidden ? "oui" : "non").")
        let shown = try app.publish(cohort: cohort, component: "RNCP41818BC04", modality: "etude_de_cas", actor: manager)
        print("  Publication des résultats de l'étude de cas à \(cohort) : \(French.count(shown, "évaluation rendue visible", "évaluations rendues visibles")).")
        if let entry = try app.publishedRecordWithHistory(candidate)?.history.first(where: { $0.deposit == deposit.id }) {
            print("  Ce que lit le candidat :")
            for line in entry.grid {
                print("    \(line.rating.label) — \(line.competence.prefix(70))…" + (line.comment.map { " (\($0))" } ?? ""))
            }
        }
        let folder = documents.appendingPathComponent("portfolio-\(candidate)").path
        let copied = try app.exportPortfolio(candidate, to: folder, asOf: Day(iso: "2027-01-25")!)
        print("  Portfolio exporté : \(folder) (\(French.count(copied, "fichier", "fichiers")), accusés, resume.txt, dossier.json)")
    }
}
