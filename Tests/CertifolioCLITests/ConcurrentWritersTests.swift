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
