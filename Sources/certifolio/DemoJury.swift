import CertifolioApp
import CertifolioCore
import CertifolioReports
import Foundation

/// The jury part of the demo: a session of the RNCP41818 sample cohort from convocation to the
/// signed PV, the candidates' documents, an amendment and the audit check.
struct JuryDemo {
    let app: Certifolio
    let day: Day
    /// Where the PDF and CSV documents are written (kept after the demo).
    let documents: URL
    let section: (String) -> Void
    /// Runs after the session's documents, before the audit check closes the demo.
    var then: () throws -> Void = {}
    let actor = Actor("demo:secretaire")

    func run() throws {
        section("8. Session de jury RNCP41818 du \(day.french) (certifolio jury create / member / convoke)")
        let id = try app.createJurySession(certification: "RNCP41818", date: day,
                                                place: "Paris, Cnam, salle 31.2.85", actor: actor)
        print("  Session n° \(id) ouverte.")
        for (name, role) in [("M. François Lemaître", "expert_domaine"), ("Nadia Berrada", "professionnel_ess")] {
            try app.addJuryMember(JuryMember(name: name, role: JuryRoleID(role), external: true), to: id, actor: actor)
            print("  Membre : \(name) (\(role), externe)")
        }
        // The fiche names no presiding role: the session designates its president.
        try app.setJuryMemberStanding(named: "Nadia Berrada", in: id, presides: true, excused: false, actor: actor)
        print("  Présidence (la fiche n'en désigne pas) : Nadia Berrada (certifolio jury attendance --president)")
        let convocation = try app.convoke(id, candidates: [], cohort: "MEQP-2025",
                                                    actor: actor)
        print("  \(convocation.added) candidats convoqués ; laissés de côté : voie non ouverte "
              + convocation.closedRoute.map(\.rawValue).joined(separator: ", ") + ", titre déjà obtenu "
              + convocation.titleHolders.map(\.rawValue).joined(separator: ", ") + ".")

        section("9. Propositions et composition (certifolio jury propose)")
        let reviews = try app.reviews(id)
        let kinds = Dictionary(grouping: reviews, by: \.proposal.kind).mapValues(\.count)
        print("  Titre proposé : \(kinds[.title] ?? 0) ; blocs seuls : \(kinds[.blocks] ?? 0) ; rien : \(kinds[.none] ?? 0).")
        for review in reviews.prefix(3) { print("  " + JurySessionText.proposal(review).replacingOccurrences(of: "\n", with: "\n  ")) }
        print("  …")

        section("10. Clôture refusée tant que le jury n'est pas au complet et que des décisions manquent")
        do {
            try app.close(id, asOf: day, actor: actor)
        } catch let refused as CloseRefused {
            print("  " + refused.problems.prefix(3).joined(separator: "\n  ") + "\n  … (\(refused.problems.count) motifs)")
        }
        try app.addJuryMember(JuryMember(name: "Claire Dubois", role: "expert_domaine", external: true), to: id,
                                   actor: actor)
        print("  Membre ajouté : Claire Dubois (expert_domaine, externe), qui n'a évalué personne.")

        section("11. Décisions (certifolio jury decide), clôture (certifolio jury close)")
        let sheet = documents.appendingPathComponent("decisions-jury.csv")
        try """
            candidate_id,component,decision,motive
            MQ002,title,ajourne,Mémoire non conforme à la charte anti-plagiat (rapport du 12 juin 2027)
            MQ032,title,absent,Absent à la délibération

            """.write(to: sheet, atomically: true, encoding: .utf8)
        let decided = try app.decide(id, file: sheet.path, asOf: day, actor: actor)
        let accepted = try app.acceptProposals(id, asOf: day, actor: actor).recorded
        print("  \(decided.count) décisions motivées (écarts à la proposition), \(accepted) conformes aux propositions.")
        if Typesetter.unavailability == nil {
            let draft = documents.appendingPathComponent("projet-pv-session-\(id).pdf")
            try app.writeDraftMinutes(id, pdf: draft.path)
            print("  Projet de PV relu avant la clôture (certifolio jury pv --draft) : \(draft.lastPathComponent)")
        }
        try app.close(id, asOf: day, actor: actor)
        print("  Session n° \(id) close : ses décisions comptent désormais, datées du \(day.french).")
        section("12. Avenant (certifolio jury revoke) et documents (jury pv, jury notify, attestation, parchemin)")
        let revocation = Revocation(candidate: "MQ031", component: .title, decision: .ajourne,
                                    reason: "Erreur matérielle : livret de compétences non remis", date: day.adding(days: 3))
        print("  " + CommandWording.outcome(try app.revoke(revocation, in: id, actor: actor), of: revocation, in: id))
        if let missing = Typesetter.unavailability {
            print("  Documents PDF non produits : \(missing).")
        } else {
            try writeDocuments(id)
        }

        try then()
        section("16. Journal d'audit (certifolio audit verify)")
        switch try app.verifyAudit() {
        case .intact(let entries):
            let files = try app.verifyDepositedFiles()
            print("  Journal intact : \(entries) entrées chaînées par SHA-256 ; "
                  + (files.problems.isEmpty
                      ? French.count(files.files, "fichier déposé avec son empreinte vérifiée.", "fichiers déposés avec leur empreinte vérifiée.")
                      : French.count(files.files, "fichier déposé", "fichiers déposés") + " dont \(files.problems.count) en défaut."))
        case let .broken(entry, problem): print("  " + AuditChainBroken(entry: entry, problem: problem).message)
        }
        print("\nDocuments conservés dans \(documents.path)")
    }

    /// The PV (and its CSV), the notifications, an attestation and a parchemin.
    private func writeDocuments(_ id: JurySessionID) throws {
        let pv = documents.appendingPathComponent("pv-session-\(id).pdf").path
        let csv = documents.appendingPathComponent("pv-session-\(id).csv").path
        let (summary, document) = try app.writeMinutes(id, pdf: pv, csv: csv, asOf: day.adding(days: 10), actor: actor)
        let t = summary.totals
        print("  Procès-verbal n° \(document.number) (SHA-256 \(document.sha256.prefix(16))…, au journal) : \(pv) (+ CSV) — "
              + "\(t.candidates) candidats, \(t.titles) titres, "
              + "\(t.partial) validations partielles, \(summary.amendments.count) avenant.")
        let notifications = try app.writeNotifications(id, folder: documents.path, asOf: day.adding(days: 10))
        print("  Notifications : \(notifications.count) PDF (notification-\(id)-MQ….pdf)")
        let rows = try app.withMinutes(id, asOf: day.adding(days: 10)) { _, rows in try rows.all() }
        let partials = rows.filter(\.isPartial)
        if let partial = partials.first(where: { $0.remaining.first?.hasPrefix("Bloc") == true }) ?? partials.first {
            print("  \(partial.candidate.id) (validation partielle) : blocs acquis "
                  + partial.acquired.map(\.0.rawValue).joined(separator: ", ") + " ; reste : "
                  + partial.remaining.joined(separator: " ; "))
        }
        if let holder = rows.first(where: \.titleAwarded)?.candidate.id {
            let document = try app.candidateDocument(holder, issuedOn: day.adding(days: 10), place: nil)
            try Certifolio.writeAttestation(document, to: documents.appendingPathComponent("attestation-\(holder).pdf").path)
            let issued = try app.issueParchemin(holder, asOf: day.adding(days: 10), actor: actor)
            try Certifolio.copyIssuedFile(issued.path, to: documents.appendingPathComponent("parchemin-\(holder).pdf").path)
            print("  Attestation et parchemin de \(holder) : attestation-\(holder).pdf, parchemin-\(holder).pdf "
                  + "(n° \(issued.entry.serial), vérification /verification/\(issued.entry.verificationCode))")
        }
    }
}
