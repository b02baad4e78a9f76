import Foundation
import Testing

/// `kill -9` during `deposit add` leaves the whole deposit recorded with its file, or nothing
/// recorded; what a killed deposit left on disk is swept at the next start, and the same
/// command then succeeds. (A bounded version: issue 15 asks for a longer program.)
@Suite struct DepositCrashTests {
    @Test func aDepositKilledAtAnyMomentIsWholeOrAbsentAndItsStrayFilesAreSwept() throws {
        let cli = try CLI()
        try cli.ready()
        #expect(try cli.run("import", "SampleCohorts/meqp-2025", "--db", cli.db).status == 0)
        // 30 MB: reading, hashing and flushing it takes long enough to be killed in the middle.
        let big = cli.folder.appendingPathComponent("memoire.pdf")
        var bytes = Data("%PDF-1.7\n".utf8)
        bytes.append(Data(count: 30_000_000))
        try bytes.write(to: big)
        let epreuve = ["--candidate", "MQ016", "--component", "RNCP41818BC04", "--modality", "etude_de_cas",
                       "--as-of", "2027-01-10"]
        var recorded = 0
        for delay in [0.005, 0.02, 0.05, 0.1, 0.2, 0.4] {
            let process = CLI.quietProcess(["deposit", "add", "--db", cli.db] + epreuve + [big.path])
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let list = try cli.run("deposit", "list", "--db", cli.db, "--candidate", "MQ016", "--json")
            let now = list.stdout.split(separator: "\n").count
            #expect(now == recorded || now == recorded + 1, "after \(delay) s: one deposit at most")
            recorded = now
            // Every recorded deposit has its file, with its hash; the chain holds.
            let verify = try cli.run("audit", "verify", "--db", cli.db)
            #expect(verify.status == 0, "after \(delay) s: \(verify.stderr)")
        }
        // What the kills left in incoming/: made old, then swept by the next deposit's start.
        let incoming = cli.db + ".files/incoming"
        let strays = (try? FileManager.default.contentsOfDirectory(atPath: incoming)) ?? []
        for name in strays {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)],
                                                  ofItemAtPath: incoming + "/" + name)
        }
        let again = try cli.run(["deposit", "add", "--db", cli.db] + epreuve + [big.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: incoming)) ?? []).isEmpty)
        #expect(try cli.run("audit", "verify", "--db", cli.db).status == 0)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [cli.db, "PRAGMA integrity_check;"]
        let out = Pipe()
        sqlite.standardOutput = out
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) == "ok\n")
    }
}
