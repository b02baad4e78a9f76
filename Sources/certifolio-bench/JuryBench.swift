import CertifolioApp
import CertifolioCore
import CertifolioInterchange
import CertifolioReports
import Foundation

/// Issue 3's figures: `jury propose` on 2 000 convoked candidates (target < 1 s) and the PV of
/// 1 000 candidates (target < 3 s, memory not growing with the number of pages).
func benchJury(_ app: Certifolio, candidates total: Int, work: URL) throws {
    let actor = Actor("bench")
    let day = Day(iso: "2027-06-30")!
    let ids = (0..<total).map { CandidateID("B\(String(format: "%06d", $0))") }

    func session(_ convoked: ArraySlice<CandidateID>) throws -> JurySessionID {
        let id = try app.createJurySession(certification: "RNCP41818", date: day, place: "Banc d'essai", actor: actor)
        for (name, role) in [("Claire Dubois", "expert_domaine"), ("Nadia Berrada", "professionnel_ess")] {
            try app.addJuryMember(JuryMember(name: name, role: JuryRoleID(role), external: true), to: id, actor: actor)
        }
        try app.convoke(id, candidates: Array(convoked), cohort: nil, actor: actor)
        return id
    }

    let proposeCount = min(2_000, total)
    let proposeSession = try session(ids.prefix(proposeCount))
    var lines = 0
    let proposeTime = try seconds {
        for review in try app.reviews(proposeSession) {
            lines += ProposalJSON.line(verdict: review.verdict, composition: review.composition,
                                       proposal: review.proposal).utf8.count
        }
    }
    print("jury propose --json, \(proposeCount) convoqués : \(format(proposeTime)) s (cible < 1 s), \(lines / 1000) ko")

    // Two PVs of different sizes from candidates not convoked above, each written by the
    // release `certifolio jury pv` in its own process: its peak memory should barely depend on
    // the number of pages (pages do not stay; the rows are read a page of candidates at a time
    // and spooled for the drawing: Benchmarks/pv-memory.sh).
    let database_path = work.appendingPathComponent("bench.sqlite").path
    let cli = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("certifolio").path
    for size in [250, 1_000] where total >= proposeCount + 1_250 {
        let start = proposeCount + (size == 250 ? 0 : 250)
        let id = try session(ids[start..<(start + size)])
        try app.acceptProposals(id, asOf: day, actor: actor)
        try app.close(id, asOf: day, actor: actor)
        let pdf = work.appendingPathComponent("pv-\(size).pdf").path
        var pages = 0
        let writeTime = try seconds {
            pages = try app.withMinutes(id, asOf: day) { minutes, rows in
                try MinutesPDF.write(minutes, rows: rows, to: pdf).pages
            }
        }
        var line = "jury pv, \(size) candidats (\(pages) pages) : écriture du PDF \(format(writeTime)) s (cible < 3 s pour 1 000)"
        if FileManager.default.isExecutableFile(atPath: cli) {
            let (elapsed, peak) = try runMeasured(cli, ["jury", "pv", "--db", database_path, String(id.rawValue),
                                                        "--as-of", day.iso,
                                                        "--out", pdf, "--csv", pdf + ".csv"])
            line += " ; commande complète \(format(elapsed)) s"
                + (peak > 0 ? ", mémoire de pointe du processus \(peak / 1024) Mo" : " (apt-get install time pour la mémoire)")
        } else {
            line += " (construisez aussi `certifolio` en release pour mesurer la commande complète)"
        }
        print(line)
    }
}

/// Runs a program under GNU time (Debian's `time` package) and returns its wall time and peak
/// resident memory in KiB (0 when /usr/bin/time is missing). A child's own rusage is not used:
/// on Linux it starts from the parent's high-water mark.
func runMeasured(_ path: String, _ arguments: [String]) throws -> (Double, Int) {
    let timed = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: timed ? "/usr/bin/time" : path)
    process.arguments = timed ? ["-f", "%M", path] + arguments : arguments
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    let start = DispatchTime.now().uptimeNanoseconds
    try process.run()
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let peak = timed ? Int(text.split(separator: "\n").last ?? "") ?? 0 : 0
    return (elapsed, peak)
}
