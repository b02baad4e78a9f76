import CertifolioApp
import CertifolioCore
import Foundation
import Testing

/// Issue 15: six imports of different cohorts started together on one database, with a
/// `progress --all` meanwhile, all succeed (a write waits for another instead of failing with
/// "database is locked"), and nothing is lost or written twice.
@Suite struct ConcurrentWritersTests {
    @Test func sixImportsAndAReaderAtOnceAllSucceed() throws {
        let cli = try CLI()
        try cli.ready()
        var folders: [String] = []
        for n in 0..<6 {
            var candidates = header
            var events = "candidate_id,component,modality,date,score,max_score,result,evaluator\n"
            for i in 0..<300 {
                candidates += "P\(n)C\(i),Durand,Lou,1990-01-01,,RNCP36888,apprentissage,2025-09-15,P\(n)\n"
                for day in 1...5 { events += "P\(n)C\(i),RNCP36888BC02,etude_de_cas,2026-03-\(String(format: "%02d", day)),12,20,,\n" }
            }
            folders.append(try cli.cohort(["candidates.csv": candidates, "events.csv": events]))
        }
        let processes = (folders.map { ["import", $0, "--db", cli.db] }
                         + [["progress", "--db", cli.db, "--all", "--as-of", "2027-01-01", "--json"]]).map { arguments in
            let p = Process()
            p.executableURL = CLI.executable
            p.arguments = arguments
            p.currentDirectoryURL = CLI.root
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            return (p, err)
        }
        for (p, _) in processes { try p.run() }
        for (p, err) in processes {
            p.waitUntilExit()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(p.terminationStatus == 0, "\(p.arguments ?? []) : \(message)")
            #expect(!message.contains("database is locked"))
        }
        let all = try cli.run("progress", "--db", cli.db, "--all", "--as-of", "2027-01-01", "--json")
        #expect(all.stdout.split(separator: "\n").count == 1800)
        #expect(try cli.run("audit", "verify", "--db", cli.db).stdout.contains("Journal d'audit intact : 8 entrées"))
    }
}

/// Issue 15, the load program's bounded version (Benchmarks/load-writers.py runs 32 writers for
/// five minutes): four imports from the command line and four writers recording evaluations
/// through the door the web uses, all at once on one database. Every write succeeds; nothing is
/// lost or doubled; each evaluation has its audit entry.
@Suite struct MixedWritersTests {
    @Test func importsAndEvaluationsTogetherLoseNothing() async throws {
        let cli = try CLI()
        try cli.ready()
        var folders: [String] = []
        for n in 0..<4 {
            var candidates = header
            var events = "candidate_id,component,modality,date,score,max_score,result,evaluator\n"
            for i in 0..<200 {
                candidates += "M\(n)C\(i),Durand,Lou,1990-01-01,,RNCP36888,apprentissage,2025-09-15,M\(n)\n"
                events += "M\(n)C\(i),RNCP36888BC02,etude_de_cas,2026-03-02,12,20,,\n"
            }
            folders.append(try cli.cohort(["candidates.csv": candidates, "events.csv": events]))
        }
        // The candidates the in-process writers evaluate, imported first.
        var first = header
        for w in 0..<4 { first += "W\(w),Durand,Lou,1990-01-01,,RNCP36888,apprentissage,2025-09-15,W\n" }
        #expect(try cli.run("import", try cli.cohort(["candidates.csv": first]), "--db", cli.db).status == 0)
        let imports = folders.map { CLI.quietProcess(["import", $0, "--db", cli.db]) }
        for p in imports { try p.run() }
        let app = try Certifolio.open(path: cli.db)
        // Four évaluateurs' accounts, as the web records their evaluations.
        var actors: [Actor] = []
        for w in 0..<4 {
            actors.append(try app.createAccount(AccountDraft(email: "e\(w)@exemple.fr", displayName: "E\(w)", role: .evaluator,
                                                             cohorts: ["W"]),
                                                password: "mot-de-passe-de-test", actor: Actor("test"), cost: 4).actor)
        }
        let draft = EvaluationDraft(component: "RNCP36888BC02", modality: "etude_de_cas", date: "2026-03-03", score: "14",
                                    maxScore: "20")
        let writers = actors
        try await withThrowingTaskGroup(of: Void.self) { group in
            for w in 0..<4 {
                let actor = writers[w]
                group.addTask {
                    for _ in 0..<25 {
                        try app.recordEvaluation(draft, of: CandidateID("W\(w)"), comment: nil, today: Day(iso: "2026-12-31")!,
                                                 actor: actor)
                    }
                }
            }
            try await group.waitForAll()
        }
        for p in imports {
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
        }
        let all = try cli.run("progress", "--db", cli.db, "--all", "--as-of", "2027-01-01", "--json")
        #expect(all.stdout.split(separator: "\n").count == 804)
        let entries = try app.auditEntries()
        #expect(entries.filter { $0.action == "event.record" }.count == 100)
        for w in 0..<4 { #expect(try app.candidateRecord(CandidateID("W\(w)"))?.events.count == 25) }
        #expect(entries.filter { $0.action == "cohort.import" }.count == 5)
        #expect(try app.verifyIntegrity().integrity.isEmpty)
    }
}
