import CertifolioCore
import CertifolioInterchange
import CertifolioReports
import CertifolioRules
import CertifolioTestSupport
import Foundation
import Testing
@testable import CertifolioApp

/// The whole jury loop on the sample cohort meqp-2025: session, members, convocation,
/// proposals, decisions, closing, PV (read back by CertifolioTestSupport), amendment, attestation,
/// parchemin, and the verdicts of §4 afterwards.
@Suite struct JuryLoopTests {
    static let sessionDay = Day(iso: "2027-06-30")!

    final class Loop {
        let sandbox: ImportPipelineTests.Sandbox
        var database: Certifolio { sandbox.database }
        var folder: URL { sandbox.folder }
        let session: JurySessionID

        init() throws {
            sandbox = try ImportPipelineTests.Sandbox()
            _ = try sandbox.database.importCohort(folder: ImportPipelineTests.root.appendingPathComponent("SampleCohorts/meqp-2025").path, actor: tester)
            session = try sandbox.database.createJurySession(certification: "RNCP41818", date: JuryLoopTests.sessionDay,
                                                             place: "Paris, Cnam, salle 31.2.85", actor: tester)
            // M. François Lemaître evaluated most candidates of the cohort.
            for (name, role) in [("M. François Lemaître", "expert_domaine"), ("Nadia Berrada", "professionnel_ess")] {
                try database.addJuryMember(JuryMember(name: name, role: JuryRoleID(role), external: true), to: session,
                                           actor: tester)
            }
        }

        func file(_ name: String, _ text: String) throws -> String {
            let path = folder.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

        /// Convokes the cohort, adds a second expert, decides by a sheet and the proposals, closes.
        func runToClosing() throws {
            _ = try database.convoke(session, candidates: [], cohort: "MEQP-2025", actor: tester)
            try database.addJuryMember(JuryMember(name: "Claire Dubois", role: "expert_domaine", external: true),
                                       to: session, actor: tester)
            try database.decide(session, file: try file("decisions.csv", """
                candidate_id,component,decision,motive
                MQ002,title,ajourne,Fraude constatée au mémoire
                MQ032,title,absent,Absent à la délibération

                """), asOf: JuryLoopTests.sessionDay, actor: tester)
            try database.acceptProposals(session, asOf: JuryLoopTests.sessionDay, actor: tester)
            try database.close(session, asOf: JuryLoopTests.sessionDay, actor: tester)
        }
    }

    @Test func convocationLeavesOutClosedRoutesAndTitleHoldersAndNamesThem() throws {
        let loop = try Loop()
        let result = try loop.database.convoke(loop.session, candidates: [], cohort: "MEQP-2025",
                                               actor: tester)
        #expect(result.closedRoute == ["MQ033", "MQ034"])
        #expect(result.titleHolders == ["MQ013", "MQ014", "MQ015"])
        #expect(result.added == 29)
        #expect(throws: JuryError.self) {
            try loop.database.convoke(loop.session, candidates: ["MQ033"], cohort: nil, actor: tester)
        }
    }

    @Test func proposalsAndCompositionAsOfTheSessionDate() throws {
        let loop = try Loop()
        _ = try loop.database.convoke(loop.session, candidates: ["MQ001", "MQ016", "MQ032"], cohort: nil, actor: tester)
        let reviews = try loop.database.reviews(loop.session)
        #expect(reviews.map(\.record.candidate.id) == ["MQ001", "MQ016", "MQ032"])
        #expect(reviews.map(\.proposal.kind) == [.title, .blocks, .none])
        #expect(reviews.allSatisfy { $0.verdict.asOf == JuryLoopTests.sessionDay })
        // Lemaître evaluated MQ001: the expert seat is empty for MQ001 until another expert sits.
        #expect(!reviews[0].composition.isMet)
        #expect(reviews[0].composition.problems[0].contains("M. François Lemaître a évalué MQ001"))
        let line = ProposalJSON.line(verdict: reviews[0].verdict, composition: reviews[0].composition,
                                     proposal: reviews[0].proposal)
        let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        #expect(json["candidate_id"] as? String == "MQ001")
        #expect(json["composition_ok"] as? Bool == false)
        #expect((json["composition_problems"] as? [String])?.count == 1)
        #expect(json["proposal"] as? String == "title")
        #expect((json["blocks"] as? [String])?.count == 4)
        #expect((json["verdict"] as? [String: Any])?["as_of"] as? String == "2027-06-30")
    }

    @Test func closingIsRefusedWithEveryReasonAndChangesNothing() throws {
        let loop = try Loop()
        _ = try loop.database.convoke(loop.session, candidates: ["MQ001", "MQ016"], cohort: nil,
                                      actor: tester)
        do {
            try loop.database.close(loop.session, asOf: JuryLoopTests.sessionDay, actor: tester)
            Issue.record("closing should be refused")
        } catch let error as CloseRefused {
            // Lemaître evaluated MQ001, not MQ016: only MQ001 lacks an expert.
            #expect(error.problems.count == 3)
            #expect(error.problems[0].hasPrefix("MQ001 : Il manque 1 membre « Expert du domaine externe »"))
            #expect(error.problems[1] == "MQ001 : aucune décision enregistrée.")
            #expect(error.problems[2] == "MQ016 : aucune décision enregistrée.")
        }
        #expect(try loop.database.jurySession(loop.session).closedAt == nil)
    }

    @Test func aBadDecisionSheetIsReportedWholeAndRecordsNothing() throws {
        let loop = try Loop()
        _ = try loop.database.convoke(loop.session, candidates: ["MQ001", "MQ016"], cohort: nil,
                                      actor: tester)
        let sheet = try loop.file("bad.csv", """
            candidate_id,component,decision,motive
            MQ001,RNCP41818BC01,valide,
            MQ001,title,ajourne,
            MQ016,title,valide,Le jury passe outre
            MQ099,title,valide,
            MQ034,title,valide,
            MQ001,RNCP41818BC09,valide,
            MQ016,RNCP41818BC01,refuse,
            MQ001,RNCP41818BC01,valide,

            """)
        do {
            try loop.database.decide(loop.session, file: sheet, asOf: JuryLoopTests.sessionDay,
                                     actor: tester)
            Issue.record("the sheet should be refused")
        } catch let error as InputErrors {
            let places = error.errors.map { "\($0.location.line ?? 0):\($0.location.columnName ?? "")" }
            #expect(places == ["3:motive", "4:decision", "5:candidate_id", "6:candidate_id", "7:component",
                               "8:decision", "9:component"])
            #expect(error.errors[0].problem.contains("s'écarte de la proposition (« validé ») : un motif est obligatoire"))
            // Contract §6: the title is refused for what the fiche lacks (BC03 failed), whatever the motive.
            #expect(error.errors[1].problem.contains("MQ016 : le titre ne peut être validé"))
            #expect(error.errors[1].problem.contains("le bloc RNCP41818BC03 n'étant ni acquis, ni réussi, ni validé dans cette session"))
            #expect(error.errors[2].problem == "candidat « MQ099 » inconnu.")
            #expect(error.errors[3].problem.contains("n'est pas convoqué"))
            #expect(error.errors[6].problem.contains("déjà décidé ligne 2"))
            #expect(error.message.hasSuffix("Aucune décision n'a été enregistrée."))
        }
        #expect(try loop.database.draftDecisions(loop.session).isEmpty)
    }

    /// Decisions given as values (the web form) pass the same checks as a file's lines.
    @Test func decisionsGivenAsValuesAreCheckedAsAFileLineIs() throws {
        let loop = try Loop()
        _ = try loop.database.convoke(loop.session, candidates: ["MQ001"], cohort: nil,
                                      actor: tester)
        do {
            try loop.database.decide(loop.session, decisions: [
                SessionDecision(candidate: "MQ001", component: .block("RNCP41818BC09"), decision: .valide, motive: nil),
                SessionDecision(candidate: "MQ099", component: .title, decision: .valide, motive: nil),
            ], asOf: JuryLoopTests.sessionDay, actor: tester)
            Issue.record("the decisions should be refused")
        } catch let refused as DecisionsRefused {
            #expect(refused.problems.map(\.field) == [.component, .candidate])
            #expect(refused.problems[0].message.contains("composante « RNCP41818BC09 » inconnue pour RNCP41818"))
            #expect(refused.problems[1].message == "candidat « MQ099 » inconnu.")
        }
        #expect(try loop.database.draftDecisions(loop.session).isEmpty)
    }

    @Test func closedSessionDecisionsAreWhatProgressCounts() throws {
        let loop = try Loop()
        let before = try loop.database.candidateRecord("MQ001")!
        let referentiel = try loop.database.referentiels()["RNCP41818"]!
        #expect(VerdictEngine.verdict(for: before, referentiel: referentiel, asOf: JuryLoopTests.sessionDay).title.status
                == .eligible)
        try loop.runToClosing()
        let after = try loop.database.candidateRecord("MQ001")!
        let verdict = VerdictEngine.verdict(for: after, referentiel: referentiel, asOf: JuryLoopTests.sessionDay)
        #expect(verdict.title.status == .awarded)
        #expect(verdict.title.awardedOn == JuryLoopTests.sessionDay)
        #expect(verdict.blocks.allSatisfy { $0.status == .acquired })
        // The day before the session, nothing of it counts yet.
        let dayBefore = VerdictEngine.verdict(for: after, referentiel: referentiel, asOf: Day(iso: "2027-06-29")!)
        #expect(dayBefore.title.status == .eligible)
        // MQ016: blocks validated, title adjourned: partial validation.
        let partial = VerdictEngine.verdict(for: try loop.database.candidateRecord("MQ016")!, referentiel: referentiel,
                                            asOf: JuryLoopTests.sessionDay)
        #expect(partial.blocks.map(\.status) == [.acquired, .acquired, .failed, .acquired])
    }

    @Test func theProcesVerbalSaysEverythingAndItsCSVTwinMatches() throws {
        let loop = try Loop()
        try loop.runToClosing()
        try loop.database.revoke(Revocation(candidate: "MQ031", component: .title, decision: .ajourne,
                                            reason: "Livret non remis (constat du 2 juillet 2027)",
                                            date: Day(iso: "2027-07-03")!), in: loop.session, actor: tester)
        let (minutes, document) = try loop.database.writeMinutes(loop.session, pdf: loop.path("pv.pdf"), csv: loop.path("pv.csv"),
                                                                 asOf: Day(iso: "2027-07-10")!, actor: tester)
        let text = try PDFText.flat(loop.path("pv.pdf"))
        for expected in ["AROBASE INGENIERIE", "Procès-verbal de la session de jury",
                         "RNCP41818 — Manager expert qualité et performance des organisations d'économie sociale et solidaire",
                         "Session n° 1 du 30 juin 2027 — Paris, Cnam, salle 31.2.85",
                         "MQ001 — Noé MOREAU", "MQ009 — Hélène DAVID", "Acquis Acquis Validé Validé Validé",
                         "Candidats convoqués 29", "Titres délivrés 16",
                         "Validations partielles : blocs acquis et ce qui reste à acquérir",
                         "MQ016 — Cécile GARCIA Blocs acquis : RNCP41818BC01 (jury du 30 juin 2027)",
                         "Reste à acquérir pour le titre : • Bloc RNCP41818BC03",
                         "MQ002, titre — Ajourné : Fraude constatée au mémoire",
                         "M. François Lemaître, ayant évalué ces candidats, n'a pas siégé",
                         "Avenants (décisions révoquées après la clôture)", "Livret non remis",
                         "Composition du jury", "Signatures des membres présents", "Nadia Berrada", "Professionnel externe, possédant une expertise dans l'ESS",
                         "Signature", "Fait à Paris, Cnam, salle 31.2.85, le 30 juin 2027."] {
            #expect(text.contains(expected), "PV should contain « \(expected) »")
        }
        #expect(text.contains("Validé *"), "the amended title is marked")
        // The PV is a document issued: its number on every page, its SHA-256 in the audit trail.
        #expect(document.number == "PV-RNCP41818-1-1")
        #expect(text.contains("document PV-RNCP41818-1-1 — page 1/"))
        let issued = try #require(try loop.database.auditEntries().last { $0.action == "document.issue" })
        let sha256sum = Process()
        sha256sum.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        sha256sum.arguments = [loop.path("pv.pdf")]
        let out = Pipe()
        sha256sum.standardOutput = out
        try sha256sum.run()
        sha256sum.waitUntilExit()
        let digest = String(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64))
        #expect(digest.count == 64 && issued.details.contains(digest), "the audit holds the file's SHA-256")
        let again = try loop.database.writeMinutes(loop.session, pdf: loop.path("pv2.pdf"), csv: nil,
                                                   asOf: Day(iso: "2027-07-10")!, actor: tester)
        #expect(again.document.number == "PV-RNCP41818-1-2")
        // Pages say "x/y"; the blocks' intitulés are in a legend; the signatures are on one page.
        let pages = try PDFText.pages(loop.path("pv.pdf"))
        #expect(pages.count > 1)
        for (n, page) in pages.enumerated() {
            #expect(PDFText.flat(text: page).contains("— page \(n + 1)/\(pages.count)"), "page \(n + 1)")
        }
        #expect(text.contains("BC03 — RNCP41818BC03 : Piloter le système d'informations et de la performance"))
        let signing = try #require(pages.first { $0.contains("Signatures des membres présents") })
        #expect(PDFText.flat(text: signing).contains("Fait à Paris, Cnam, salle 31.2.85, le 30 juin 2027."))
        for member in ["M. François Lemaître", "Nadia Berrada", "Claire Dubois"] {
            #expect(signing.contains(member), "\(member) signs on the page of the table")
        }
        #expect(minutes.totals.titles == 16)
        #expect(minutes.amendments.count == 1)

        let csv = try String(contentsOfFile: loop.path("pv.csv"), encoding: .utf8)
        let table = try CSVTable(file: "pv.csv", bytes: Array(csv.utf8))
        #expect(table.header == MinutesCSV.header)
        #expect(table.rows.count == (try loop.database.sessionDecisions(loop.session)).count)
        let amended = table.rows.filter { !$0.fields[11].isEmpty }
        #expect(amended.count == 1)
        #expect(amended.first?.fields[2] == "MQ031")
        #expect(amended.first?.fields[12] == "Livret non remis (constat du 2 juillet 2027)")
    }

    /// Contract §6: a document reflects the decisions in force on its date, amendments included.
    @Test func aNotificationSaysTheDecisionInForceOnItsDate() throws {
        let loop = try Loop()
        try loop.runToClosing()
        let letters = loop.folder.appendingPathComponent("avant")
        try FileManager.default.createDirectory(at: letters, withIntermediateDirectories: true)
        try loop.database.writeNotifications(loop.session, folder: letters.path, asOf: Day(iso: "2027-07-01")!)
        let before = try PDFText.flat(letters.appendingPathComponent("notification-1-MQ031.pdf").path)
        #expect(before.contains("Le titre vous est délivré. Toutes nos félicitations."))

        try loop.database.revoke(Revocation(candidate: "MQ031", component: .title, decision: .ajourne,
                                            reason: "Livret non remis (constat du 2 juillet 2027)",
                                            date: Day(iso: "2027-07-03")!), in: loop.session, actor: tester)
        try loop.database.writeNotifications(loop.session, folder: loop.folder.path, asOf: Day(iso: "2027-07-10")!)
        let after = try PDFText.flat(loop.path("notification-1-MQ031.pdf"))
        #expect(!after.contains("Le titre vous est délivré"))
        #expect(after.contains("Ajourné Avenant du 3 juillet 2027 : Livret non remis (constat du 2 juillet 2027)"))
        #expect(after.contains("Reste à acquérir pour obtenir le titre"))
        #expect(after.contains("Fait à Paris, Cnam, salle 31.2.85, le 10 juillet 2027."))
        // The route by its label, as the fiche writes it (issue 13: "par expérience (vae)").
        let enrolment = try #require(try loop.database.enrolment(of: "MQ031"))
        let route = try #require(try loop.database.referentiels()["RNCP41818"]?.route(enrolment.route)?.label)
        #expect(after.contains("Voie d'accès : \(route)"))
        // Another candidate's letter is unchanged by MQ031's amendment.
        #expect(try PDFText.flat(loop.path("notification-1-MQ001.pdf")).contains("Le titre vous est délivré"))
        // The PV says when the session closed, in Paris time.
        try loop.database.writeMinutes(loop.session, pdf: loop.path("pv.pdf"), csv: nil, asOf: Day(iso: "2027-07-10")!, actor: tester)
        #expect(try PDFText.flat(loop.path("pv.pdf")).contains("(heure de Paris)"))
    }

    @Test func attestationAndParcheminCarryTheBlocksTheTitleAndTheJuryDate() throws {
        let loop = try Loop()
        try loop.runToClosing()
        let document = try loop.database.candidateDocument("MQ001", issuedOn: Day(iso: "2027-07-10")!, place: nil)
        try Certifolio.writeAttestation(document, to: loop.path("attestation.pdf"))
        let attestation = try PDFText.flat(loop.path("attestation.pdf"))
        for expected in ["Attestation de validation de blocs de compétences", "Noé MOREAU, né le 6 février 1996 à Lyon, inscrit sous le numéro MQ001",
                         "RNCP41818BC01 — Encadrer le diagnostic stratégique",
                         "Validé par décision du jury du 30 juin 2027.", "Compétences attestées",
                         "• Identifier les enjeux et l'impact des politiques publiques",
                         "RNCP41818BC04 — Manager les équipes", "lui a été délivré par décision du jury du 30 juin 2027",
                         "Fait à Paris, Cnam, salle 31.2.85, le 10 juillet 2027"] {
            #expect(attestation.contains(expected), "attestation should contain « \(expected) »")
        }
        let issued = try loop.database.issueParchemin("MQ001", asOf: Day(iso: "2027-07-10")!, actor: tester)
        let parchemin = try PDFText.flat(issued.path)
        #expect(parchemin.contains("Manager expert qualité et performance des organisations d'économie sociale et solidaire"))
        #expect(parchemin.contains("est délivré à Noé MOREAU"))
        #expect(parchemin.contains("Vu la décision du jury réuni le 30 juin 2027"))
        #expect(try PDFText.pageCount(issued.path) == 1)

        #expect(throws: DocumentRefused.titleNotAwarded("MQ016", "RNCP41818")) {
            try loop.database.issueParchemin("MQ016", asOf: Day(iso: "2027-07-10")!, actor: tester)
        }
        let nobody = try loop.database.candidateDocument("MQ027", issuedOn: Day(iso: "2027-07-10")!, place: nil)
        #expect(throws: DocumentRefused.nothingAcquired("MQ027")) {
            try Certifolio.writeAttestation(nobody, to: loop.path("refused.pdf"))
        }
        #expect(!FileManager.default.fileExists(atPath: loop.path("refused.pdf")))
    }

    @Test func aRevocationInANewSessionTakesEffectWhenItCloses() throws {
        let loop = try Loop()
        try loop.runToClosing()
        let second = try loop.database.createJurySession(certification: "RNCP41818", date: Day(iso: "2027-10-15")!,
                                                         place: "Lyon", actor: tester)
        for (name, role) in [("Claire Dubois", "expert_domaine"), ("Nadia Berrada", "professionnel_ess")] {
            try loop.database.addJuryMember(JuryMember(name: name, role: JuryRoleID(role), external: true), to: second,
                                            actor: tester)
        }
        try loop.database.convoke(second, candidates: ["MQ016"], cohort: nil, actor: tester)
        #expect(try loop.database.revoke(Revocation(candidate: "MQ016", component: .block("RNCP41818BC01"),
                                                    decision: .ajourne, reason: "Plagiat établi après le jury",
                                                    date: Day(iso: "2027-10-15")!), in: second, actor: tester)
                == .pending(revokes: try #require(try loop.database.candidateRecord("MQ016")?.decisions
                    .first { $0.component == .block("RNCP41818BC01") && $0.decision == .valide }?.id)))
        let referentiel = try loop.database.referentiels()["RNCP41818"]!
        func blockOne(_ asOf: String) throws -> BlockStatus {
            VerdictEngine.verdict(for: try loop.database.candidateRecord("MQ016")!, referentiel: referentiel,
                                  asOf: Day(iso: asOf)!).blocks[0].status
        }
        #expect(try blockOne("2027-10-20") == .acquired, "an open session counts for nothing")
        try loop.database.close(second, asOf: Day(iso: "2027-10-15")!, actor: tester)
        #expect(try blockOne("2027-10-14") == .acquired)
        #expect(try blockOne("2027-10-15") == .passed)
        let rows = try loop.database.withMinutes(second, asOf: Day(iso: "2027-10-15")!) { _, rows in try rows.all() }
        #expect(rows[0].decisions[.block("RNCP41818BC01")]?.decision.revocationReason == "Plagiat établi après le jury")
    }

    @Test func whatRemainsOfABlockNotAcquiredNamesTheCompetencesOfTheLatestGrid() throws {
        let loop = try Loop()
        // MQ016 failed BC03's étude de cas; its latest assessment, with a grid, fails again.
        let block = try #require(try loop.database.referentiels()["RNCP41818"]?.block("RNCP41818BC03"))
        var grid = block.competences.map { _ in CompetenceDraft(rating: "acquis") }
        grid[1] = CompetenceDraft(rating: "non_acquis")
        grid[2] = CompetenceDraft(rating: "partiellement_acquis")
        try loop.database.recordEvaluation(EvaluationDraft(component: "RNCP41818BC03", modality: "etude_de_cas",
                                                           date: "2027-06-01", score: "7", grid: grid),
                                           of: "MQ016", comment: nil, today: JuryLoopTests.sessionDay, requireGrid: true,
                                           actor: tester)
        try loop.runToClosing()
        let row = try #require(try loop.database.withMinutes(loop.session, asOf: JuryLoopTests.sessionDay,
                                                             candidate: "MQ016") { _, rows in try rows.all() }.first)
        let bc03 = try #require(row.remaining.first { $0.hasPrefix("Bloc RNCP41818BC03") })
        #expect(bc03.contains("compétences à acquérir d'après la dernière grille : \(block.competences[1]) (non acquis) ; "
                              + "\(block.competences[2]) (partiellement acquis)"))
        #expect(!bc03.contains(block.competences[0]))
    }

    /// The PV reads its session a page of candidates at a time: small pages give every convoked
    /// candidate once, in order, with the session's decisions about them and nobody else's.
    @Test func aSessionReadInPagesGivesEveryCandidateOnceWithTheirOwnDecisions() throws {
        let loop = try Loop()
        try loop.runToClosing()
        func read(_ pageSize: Int) throws -> [(CandidateID, [Int64])] {
            try loop.database.database.readSession(loop.session) { snapshot in
                var seen: [(CandidateID, [Int64])] = []
                try snapshot.forEachConvoked(pageSize: pageSize) { convoked in
                    #expect(convoked.decisions.allSatisfy { $0.decision.candidate == convoked.record.candidate.id })
                    seen.append((convoked.record.candidate.id, convoked.decisions.map(\.id)))
                }
                return seen
            }
        }
        let whole = try read(500)
        let paged = try read(4)
        #expect(whole.map(\.0) == (try loop.database.jurySession(loop.session)).convoked.sorted())
        #expect(paged.map(\.0) == whole.map(\.0))
        #expect(paged.map(\.1) == whole.map(\.1))
        #expect(whole.flatMap(\.1).sorted() == (try loop.database.sessionDecisions(loop.session)).map(\.id).sorted())
    }

    /// The PV computes each candidate's row once, in the pass that counts the session: both
    /// drawings (the first counts the pages) read what it spooled, partial validations, motives
    /// and amendment marks included.
    @Test func thePVComputesEachCandidatesRowOnce() throws {
        let loop = try Loop()
        try loop.runToClosing()
        _ = try loop.database.revoke(Revocation(candidate: "MQ031", component: .title, decision: .ajourne,
                                                reason: "Livret non remis", date: Day(iso: "2027-07-02")!),
                                     in: loop.session, actor: tester)
        var computed: [CandidateID] = []
        let (summary, pages) = try loop.database.withMinutes(loop.session, asOf: Day(iso: "2027-07-10")!) { m, rows in
            let counted = JuryMinutes.Rows { each in
                try rows.forEach { row in
                    computed.append(row.candidate.id)
                    try each(row)
                }
            }
            return try MinutesPDF.write(m, rows: counted, to: loop.path("pv.pdf"))
        }
        #expect(computed == (try loop.database.jurySession(loop.session)).convoked.sorted())
        #expect(summary.totals.candidates == 29 && summary.amendments.count == 1)
        let text = try PDFText.flat(loop.path("pv.pdf"))
        for expected in ["MQ031 — ", "Validé *", "Validations partielles", "Reste à acquérir pour le titre",
                         "MQ002, titre — Ajourné : Fraude constatée au mémoire", "Livret non remis",
                         "— page \(pages)/\(pages)"] {
            #expect(text.contains(expected), "PV should contain « \(expected) »")
        }
    }

    /// A PV is drawn outside the write transaction under the next number; if another PV of the
    /// session took that number meanwhile, nothing is issued under it twice and the file is not
    /// put in place (`writeMinutes` draws it again under the next).
    @Test func aNumberTakenWhileThePVWasDrawnIsNotIssuedTwice() throws {
        let loop = try Loop()
        try loop.runToClosing()
        let store = loop.database.database
        let number = try store.nextDocumentNumber(prefix: "PV-RNCP41818-1")
        #expect(number == "PV-RNCP41818-1-1")
        // Another PV is issued while ours is drawn.
        _ = try loop.database.writeMinutes(loop.session, pdf: loop.path("other.pdf"), csv: nil,
                                           asOf: JuryLoopTests.sessionDay, actor: tester)
        let drawn = try loop.file("drawn.pdf", "%PDF-1.4 drawn under a number taken since")
        var placed = false
        let issued = try store.issueDocument(number: number, prefix: "PV-RNCP41818-1", kind: "pv", subject: "session 1",
                                             file: drawn, actor: tester) { placed = true }
        #expect(issued == nil && !placed)
        #expect(try store.nextDocumentNumber(prefix: "PV-RNCP41818-1") == "PV-RNCP41818-1-2")
    }

    @Test func documentsToAPathThatCannotBeWrittenLeaveNothing() throws {
        let loop = try Loop()
        try loop.runToClosing()
        do {
            try loop.database.writeMinutes(loop.session, pdf: loop.path("absent/pv.pdf"), csv: nil, asOf: JuryLoopTests.sessionDay, actor: tester)
            Issue.record("a PDF in a missing folder should be refused")
        } catch let error as UserFacingError {
            #expect(error.message.contains("absent/pv.pdf : impossible d'écrire le PDF"))
        }
        #expect(throws: InputError.self) {
            try loop.database.writeMinutes(loop.session, pdf: loop.path("pv.pdf"), csv: loop.path("absent/pv.csv"),
                                           asOf: JuryLoopTests.sessionDay, actor: tester)
        }
        #expect(!(try loop.database.auditEntries().contains { $0.action == "document.issue" }), "no number spent")
        #expect(!FileManager.default.fileExists(atPath: loop.path("pv.pdf")), "the PDF goes when its CSV twin fails")
        #expect(throws: JuryError.sessionOpen(JurySessionID(2))) {
            let open = try loop.database.createJurySession(certification: "RNCP41818", date: JuryLoopTests.sessionDay,
                                                           place: "P", actor: tester)
            try loop.database.writeMinutes(open, pdf: loop.path("pv.pdf"), csv: nil, asOf: JuryLoopTests.sessionDay, actor: tester)
        }
    }
}
