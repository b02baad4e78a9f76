import CertifolioApp
import CertifolioTestSupport
import Foundation
import Testing

/// Issue 15: the commands that read a person's file, given seeded mutations of a valid one, exit 0
/// or 1 only — never a crash, never a usage error — each refusal in French on the standard error
/// naming the file, and the database unchanged after it.
@Suite struct CLIFuzzTests {
    @Test func mutatedFilesGiveExitZeroOrOneAndChangeNothingWhenRefused() throws {
        let cli = try CLI()
        try cli.ready()
        let folder = cli.folder.appendingPathComponent("cohorte")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let sample = CLI.root.appendingPathComponent("SampleCohorts/meqp-2025")
        let candidates = try String(contentsOf: sample.appendingPathComponent("candidates.csv"), encoding: .utf8)
            .split(separator: "\n").prefix(4).joined(separator: "\n") + "\n"
        let calendar = try String(contentsOf: sample.appendingPathComponent("calendar.csv"), encoding: .utf8)
        var g = Seeded(state: 31)
        var refused = 0
        for n in 0..<40 {
            let (command, file, bytes): ([String], String, [UInt8])
            if n % 2 == 0 {
                file = "candidates.csv"
                bytes = Mutator.mutate(Array(candidates.utf8), &g)
                command = ["import", folder.path]
            } else {
                file = "calendar.csv"
                bytes = Mutator.mutate(Array(calendar.utf8), &g)
                command = ["calendar", "import", folder.appendingPathComponent(file).path]
            }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("calendar.csv"))
            try Data(bytes).write(to: folder.appendingPathComponent(file))
            let before = try Certifolio.open(path: cli.db).contentDigest()
            let r = try cli.run(command + ["--db", cli.db])
            #expect(r.status == 0 || r.status == 1, "case \(n) \(command[0]): exit \(r.status) \(r.stderr.prefix(300))")
            guard r.status == 1 else { continue }
            refused += 1
            #expect(r.stderr.contains(file) && !r.stderr.contains("Error"), "case \(n): \(r.stderr.prefix(300))")
            #expect(try Certifolio.open(path: cli.db).contentDigest() == before, "case \(n) was refused but wrote")
        }
        #expect(refused > 10)
    }
}
