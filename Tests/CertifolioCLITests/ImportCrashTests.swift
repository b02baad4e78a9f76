import Foundation
import Testing

/// Issue 15, bounded: `import` killed with SIGKILL at several moments leaves the cohort whole or
/// absent, the file sound and the audit chain intact, and the same command then succeeds.
/// (`Benchmarks/crash-kill.py` is the long version: 200 kill points over five commands.)
@Suite struct ImportCrashTests {
    @Test func anImportKilledAtAnyMomentIsWholeOrAbsent() throws {
        let cli = try CLI()
        try cli.ready()
        var candidates = header
        var events = "candidate_id,component,modality,date,score,max_score,result,evaluator\n"
        for i in 0..<3000 {
            candidates += "K\(i),Durand,Lou,1990-01-01,,RNCP36888,apprentissage,2025-09-15,KILL\n"
            for day in 1...8 { events += "K\(i),RNCP36888BC02,etude_de_cas,2026-03-0\(day),12,20,,\n" }
        }
        let folder = try cli.cohort(["candidates.csv": candidates, "events.csv": events])
        for delay in [0.01, 0.05, 0.1, 0.2, 0.4] {
            let process = CLI.quietProcess(["import", folder, "--db", cli.db])
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let all = try cli.run("progress", "--db", cli.db, "--all", "--as-of", "2027-01-01", "--json")
            let count = all.stdout.split(separator: "\n").count
            #expect(count == 0 || count == 3000, "after \(delay) s: \(count) candidates (all or nothing)")
            let verify = try cli.run("audit", "verify", "--db", cli.db)
            #expect(verify.status == 0, "after \(delay) s: \(verify.stderr)")
            if count == 3000 { break }
        }
        #expect(try cli.run("import", folder, "--db", cli.db).status == 0, "the same command succeeds")
        let all = try cli.run("progress", "--db", cli.db, "--all", "--as-of", "2027-01-01", "--json")
        #expect(all.stdout.split(separator: "\n").count == 3000)
    }
}
