// Benchmark: generates a synthetic RNCP41818 cohort of N candidates (13 events each: 10 block
// modalities and 3 final exams), then prints figures. Targets (issue 2, release build):
//   - importing it takes at most 3× the raw `sqlite3 .import` of the same events.csv;
//   - `progress --all` produces at least 20 000 verdicts per second.
// and (issue 3): `jury propose` on 2 000 convoked candidates in under 1 s; the PV of 1 000
// candidates in under 3 s, with memory that does not grow with the number of pages.
// Usage: swift run -c release certifolio-bench [N]   (N defaults to 20000)
import CertifolioApp
import CertifolioCore
import CertifolioInterchange
import CertifolioRules
import Foundation

let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 20_000
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let work = FileManager.default.temporaryDirectory.appendingPathComponent("certifolio-bench-\(getpid())")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
// CERTIFOLIO_BENCH_KEEP=1 keeps the folder (database, PVs) to look at afterwards.
defer {
    if ProcessInfo.processInfo.environment["CERTIFOLIO_BENCH_KEEP"] == nil {
        try? FileManager.default.removeItem(at: work)
    } else {
        print("Dossier conservé : \(work.path)")
    }
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// CPU seconds used by this process so far (user + system), to tell computing from waiting.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func format(_ value: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }

// 1. The synthetic cohort.
let yamlURL = root.appendingPathComponent("SampleCohorts/referentiels/RNCP41818.yaml")
let yaml = try String(contentsOf: yamlURL, encoding: .utf8)
let referentiel = try ReferentielReader.read(yaml: yaml, file: yamlURL.lastPathComponent)
let cohort = work.appendingPathComponent("cohort")
try FileManager.default.createDirectory(at: cohort, withIntermediateDirectories: true)
var candidates = "candidate_id,family_name,given_names,birth_date,email,certification,access_route,enrolled_on,cohort\n"
var events = "candidate_id,component,modality,date,score,max_score,result,evaluator\n"
var requirements = "candidate_id,kind,start,end,years\n"
let routes = ["apprentissage", "formation_continue", "contrat_professionnalisation", "vae"]
for i in 0..<count {
    let id = "B\(String(format: "%06d", i))"
    candidates += "\(id),Lefèvre,Zoé,1990-02-03,\(id.lowercased())@exemple.fr,RNCP41818,\(routes[i % 4]),2025-09-15,BENCH\n"
    for (b, block) in referentiel.blocks.enumerated() {
        for modality in block.modalities {
            let score = (i + b) % 7 == 0 ? "8" : "\(10 + (i % 9)),5"
            events += "\(id),\(block.code),\(modality.id),2026-\(String(format: "%02d", b + 3))-15,\"\(score)\",20,,Mme Évaluatrice\n"
        }
    }
    for exam in referentiel.finalExams { events += "\(id),final,\(exam.id),2027-05-20,13,20,,Jury\n" }
    if i % 3 != 0 { requirements += "\(id),stage,2026-04-06,2026-07-31,\n" }
}
try candidates.write(to: cohort.appendingPathComponent("candidates.csv"), atomically: true, encoding: .utf8)
try events.write(to: cohort.appendingPathComponent("events.csv"), atomically: true, encoding: .utf8)
try requirements.write(to: cohort.appendingPathComponent("requirements.csv"), atomically: true, encoding: .utf8)
let eventLines = count * 13
print("Cohorte synthétique : \(count) candidats, \(eventLines) évaluations (\(events.utf8.count / 1_000_000) Mo d'events.csv)")

// 2. Baseline: the sqlite3 CLI importing events.csv into a bare table.
let rawDB = work.appendingPathComponent("raw.sqlite").path
let sqlite = Process()
sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
sqlite.arguments = [rawDB, ".mode csv", ".import \(cohort.appendingPathComponent("events.csv").path) events"]
var raw = Double.nan
if FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") {
    raw = try seconds {
        try sqlite.run()
        sqlite.waitUntilExit()
    }
    print("sqlite3 .import events.csv (table nue)      : \(format(raw)) s")
} else {
    print("sqlite3 absent (apt-get install sqlite3) : pas de référence")
}

// 3. Certifolio: the same path as `certifolio import` (read and check on one thread while
// the write transaction stores checked chunks on the other).
let app = try Certifolio.create(path: work.appendingPathComponent("bench.sqlite").path)
let bench = Actor("bench")
_ = try app.importReferentiel(bytes: Array(yaml.utf8), name: "referentiel.yaml", actor: bench)
let readOnly = try seconds {
    let reader = CohortReader(referentiels: try app.referentiels(), knownCandidates: [:])
    _ = try reader.read(folder: cohort.path)
}
let cpuBefore = cpuSeconds()
var summary: ImportSummary?
let importTime = try seconds { summary = try app.importCohort(folder: cohort.path, actor: bench) }
let importCPU = cpuSeconds() - cpuBefore
precondition(summary?.events == eventLines, "every event imported")
print("lecture + contrôles seuls (pour information) : \(format(readOnly)) s")
print("certifolio import (lecture ‖ écriture)      : \(format(importTime)) s (\(format(importCPU)) s de calcul sur 2 cœurs)"
      + (raw.isNaN ? "" : " = \(format(importTime / raw, 2)) × sqlite3 .import (cible ≤ 3×)"))

// 4. progress --all: load every record, compute every verdict, write every JSON line.
let asOf = Day(iso: "2027-06-30")!
var bytes = 0
var produced = 0
let loadTime = try seconds { _ = try app.allCandidateRecords() }
let progressTime = try seconds {
    let referentiels = try app.referentiels()
    for record in try app.allCandidateRecords() {
        let verdict = VerdictEngine.verdict(for: record, referentiel: referentiels[record.enrolment.certification]!, asOf: asOf)
        bytes += VerdictJSON.line(verdict).utf8.count + 1
        produced += 1
    }
}
print("chargement des dossiers seul                : \(format(loadTime)) s")
print("progress --all --json (chargement + verdicts + JSON) : \(format(progressTime)) s, "
      + "\(Int(Double(produced) / progressTime)) verdicts/s (cible ≥ 20 000/s), \(bytes / 1_000_000) Mo de JSON")

// 5. Jury sessions on the same cohort.
try benchJury(app, candidates: count, work: work)
