import Foundation
import Testing

/// Contract §5 through the binary, on the sample cohort remms-2025 (RNCP36888): the commands,
/// their output and exit codes, and that a refused command changes nothing.
@Suite struct JuryCLITests {
    /// A database with remms-2025 imported and session 1 (RNCP36888, 2027-06-30) opened.
    static func session() throws -> CLI {
        let cli = try CLI()
        try cli.ready()
        #expect(try cli.run("import", "SampleCohorts/remms-2025", "--db", cli.db).status == 0)
        let created = try cli.run("jury", "create", "--db", cli.db, "--certification", "RNCP36888", "--date", "2027-06-30",
                                  "--place", "Cnam Paris, amphithéâtre Abbé Grégoire", "--actor", "secretaire@cnam.fr")
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout == "1\n", "the id alone on stdout")
        return cli
    }

    static let fullJury: [(String, String, Bool)] = [
        ("Olivier Faure", "administrateur_general", false), ("Anne Leroux", "enseignant", false),
        ("Marc Petit", "responsable_pedagogique", false), ("Sylvie Roger", "representant_profession", true),
        ("Karim Haddad", "representant_profession", true), ("Pr Jean Vidal", "responsable_national", false),
    ]

    func members(_ cli: CLI, _ jury: [(String, String, Bool)]) throws {
        for (name, role, external) in jury {
            let args = ["jury", "member", "--db", cli.db, "1", "--name", name, "--role", role] + (external ? ["--external"] : [])
            let r = try cli.run(args)
            #expect(r.status == 0, "\(r.stderr)")
        }
    }

    @Test func theWholeLoopThroughTheBinary() throws {
        let cli = try Self.session()
        try members(cli, Self.fullJury.filter { $0.1 != "responsable_national" })
        let convoked = try cli.run("jury", "convoke", "--db", cli.db, "1", "--cohort", "REMMS-2025")
        #expect(convoked.status == 0, "\(convoked.stderr)")

        let proposed = try cli.run("jury", "propose", "--db", cli.db, "1", "--json")
        #expect(proposed.status == 0)
        let lines = proposed.stdout.split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(lines.count > 20)
        #expect(lines.map { $0["candidate_id"] as! String } == lines.map { $0["candidate_id"] as! String }.sorted())
        for line in lines {
            #expect(Set(line.keys) == ["candidate_id", "composition_ok", "composition_problems", "proposal", "blocks", "verdict"])
            #expect(["title", "blocks", "none"].contains(line["proposal"] as! String))
            #expect((line["verdict"] as! [String: Any])["as_of"] as? String == "2027-06-30")
        }
        // Without the president, the apprentissage candidates' jury is incomplete; VAE's is not.
        let unmet = lines.filter { !($0["composition_ok"] as! Bool) }
        #expect(!unmet.isEmpty)
        #expect((unmet[0]["composition_problems"] as! [String])[0].contains("Responsable national du titre"))

        let refused = try cli.run("jury", "close", "--db", cli.db, "1", "--as-of", "2027-06-30")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("la session n° 1 ne peut être close"))
        #expect(refused.stderr.contains("aucune décision enregistrée"))

        try members(cli, Self.fullJury.filter { $0.1 == "responsable_national" })
        #expect(try cli.run("jury", "decide", "--db", cli.db, "1", "--accept-proposals", "--as-of", "2027-06-30").status == 0)
        let closed = try cli.run("jury", "close", "--db", cli.db, "1", "--actor", "secretaire@cnam.fr",
                                    "--as-of", "2027-06-30")
        #expect(closed.status == 0, "\(closed.stderr)")

        let list = try cli.run("jury", "list", "--db", cli.db)
        #expect(list.stdout.hasPrefix("n° 1  2027-06-30  RNCP36888  Cnam Paris, amphithéâtre Abbé Grégoire  6 membres"))
        #expect(list.stdout.contains("close"))

        let pdf = cli.folder.appendingPathComponent("pv.pdf").path
        let csv = cli.folder.appendingPathComponent("pv.csv").path
        let pv = try cli.run("jury", "pv", "--db", cli.db, "1", "--out", pdf, "--csv", csv)
        #expect(pv.status == 0, "\(pv.stderr)")
        #expect(FileManager.default.fileExists(atPath: pdf) && FileManager.default.fileExists(atPath: csv))

        // Progress (§4) now counts the session's decisions, dated the session date.
        let awarded = lines.first { $0["proposal"] as? String == "title" }!["candidate_id"] as! String
        let progress = try cli.run("progress", "--db", cli.db, "--candidate", awarded, "--as-of", "2027-07-01", "--json")
        let verdict = try JSONSerialization.jsonObject(with: Data(progress.stdout.utf8)) as! [String: Any]
        #expect((verdict["title"] as! [String: Any])["status"] as? String == "awarded")
        #expect((verdict["title"] as! [String: Any])["awarded_on"] as? String == "2027-06-30")

        let attestation = cli.folder.appendingPathComponent("a.pdf").path
        let a = try cli.run("attestation", "--db", cli.db, awarded, "--out", attestation, "--as-of", "2027-07-01")
        #expect(a.status == 0, "\(a.stderr)")

        let audit = try cli.run("audit", "verify", "--db", cli.db)
        #expect(audit.status == 0)
        #expect(audit.stdout.contains("Journal d'audit intact"))
        let log = try cli.run("audit", "log", "--db", cli.db, "--last", "2")
        #expect(log.stdout.contains("secretaire@cnam.fr  jury.close  session 1"))
        // The PV printed after the closing is a document issued, numbered, with its SHA-256.
        #expect(log.stdout.contains("document.issue  session 1  {\"bytes\""))
        #expect(log.stdout.contains("\"number\":\"PV-RNCP36888-1-1\""))

        // The parchemin: issued once, then the same kept file; a kept file altered fails the audit.
        let first = cli.folder.appendingPathComponent("p1.pdf").path
        let second = cli.folder.appendingPathComponent("p2.pdf").path
        let issued = try cli.run("parchemin", "--db", cli.db, awarded, "--out", first, "--as-of", "2027-07-01")
        #expect(issued.status == 0 && issued.stdout.contains("Parchemin n° RNCP36888-2027-0001 délivré"), "\(issued.stderr)")
        let again = try cli.run("parchemin", "--db", cli.db, awarded, "--out", second, "--as-of", "2027-09-01")
        #expect(again.stdout.contains("déjà délivré"))
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
        #expect(try cli.run("audit", "verify", "--db", cli.db).stdout.contains("1 parchemin conservé intact"))
        let kept = try #require(try FileManager.default.subpathsOfDirectory(atPath: cli.db + ".files/sha256")
            .map { cli.db + ".files/sha256/" + $0 }.first { $0.hasSuffix(".pdf") == false && !$0.hasSuffix("/")
                && (try? FileManager.default.contentsOfDirectory(atPath: $0)) == nil })
        try Data("altéré".utf8).write(to: URL(fileURLWithPath: kept))
        let broken = try cli.run("audit", "verify", "--db", cli.db)
        #expect(broken.status == 1 && broken.stderr.contains("parchemin n° RNCP36888-2027-0001"))
    }

    @Test func badInputExitsOneAndChangesNothing() throws {
        let cli = try Self.session()
        try members(cli, Self.fullJury)
        #expect(try cli.run("jury", "convoke", "--db", cli.db, "1", "--candidate", "RE001").status == 0)
        let before = try cli.run("audit", "verify", "--db", cli.db).stdout

        struct Refusal {
            let arguments: [String]
            let message: String
        }
        let sheet = cli.folder.appendingPathComponent("d.csv")
        try "candidate_id,component,decision,motive\nRE002,title,valide,\n".write(to: sheet, atomically: true, encoding: .utf8)
        let refusals = [
            Refusal(arguments: ["jury", "show", "--db", cli.db, "7"], message: "session de jury n° 7 inconnue"),
            Refusal(arguments: ["jury", "member", "--db", cli.db, "1", "--name", "X", "--role", "expert_domaine"],
                    message: "rôle de jury « expert_domaine » inconnu pour RNCP36888"),
            Refusal(arguments: ["jury", "convoke", "--db", cli.db, "1", "--candidate", "NOBODY"],
                    message: "candidat « NOBODY » inconnu"),
            Refusal(arguments: ["jury", "convoke", "--db", cli.db, "1", "--candidate", "MQ001"],
                    message: "candidat « MQ001 » inconnu"),
            Refusal(arguments: ["jury", "decide", "--db", cli.db, "1", sheet.path, "--as-of", "2027-06-30"],
                    message: "d.csv, ligne 2, colonne 1 (candidate_id) : le candidat RE002 n'est pas convoqué"),
            Refusal(arguments: ["jury", "decide", "--db", cli.db, "1", "/nonexistent.csv", "--as-of", "2027-06-30"],
                    message: "/nonexistent.csv"),
            // Contract §6: nothing is decided before the session sits (today is before 2027-06-30 here).
            Refusal(arguments: ["jury", "decide", "--db", cli.db, "1", "--accept-proposals", "--as-of", "2027-06-29"],
                    message: "la session n° 1 siège le 30 juin 2027 : aucune décision ne peut y être prise"),
            Refusal(arguments: ["jury", "close", "--db", cli.db, "1", "--as-of", "2027-06-29"],
                    message: "la session n° 1 siège le 30 juin 2027"),
            Refusal(arguments: ["jury", "pv", "--db", cli.db, "1", "--out", cli.folder.path + "/pv.pdf"],
                    message: "n'est pas close"),
            Refusal(arguments: ["attestation", "--db", cli.db, "RE001", "--out", cli.folder.path + "/a.pdf"],
                    message: "aucun bloc validé"),
        ]
        for refusal in refusals {
            let r = try cli.run(refusal.arguments)
            #expect(r.status == 1, "\(refusal.arguments)")
            #expect(r.stderr.contains(refusal.message), "\(r.stderr)")
        }
        #expect(try cli.run("audit", "verify", "--db", cli.db).stdout == before, "nothing was written")

        #expect(try cli.run("jury", "decide", "--db", cli.db, "1", "--accept-proposals", "--as-of", "2027-06-30").status == 0)
        #expect(try cli.run("jury", "close", "--db", cli.db, "1", "--as-of", "2027-06-30").status == 0)
        let closed = try cli.run("jury", "decide", "--db", cli.db, "1", "--accept-proposals", "--as-of", "2027-06-30")
        #expect(closed.status == 1)
        #expect(closed.stderr.contains("la session de jury n° 1 est close"))
        let unwritable = try cli.run("jury", "pv", "--db", cli.db, "1", "--out", "/nonexistent-dir/pv.pdf")
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.contains("/nonexistent-dir/pv.pdf : impossible d'écrire le PDF"))
        #expect(try cli.run("jury", "close", "--db", cli.db, "1", "--extra").status == 2)
    }

    /// Contract §6: `CANDIDATE,title,valide` alone is complete for an eligible candidate (it
    /// validates the blocks not yet acquired, and the PV shows them); no motive makes the title
    /// possible for a candidate the fiche does not allow.
    @Test func aTitleImpliesItsBlocksAndNeverGoesBeyondTheFiche() throws {
        let cli = try Self.session()
        try members(cli, Self.fullJury)
        #expect(try cli.run("jury", "convoke", "--db", cli.db, "1", "--cohort", "REMMS-2025").status == 0)
        let lines = try cli.run("jury", "propose", "--db", cli.db, "1", "--json").stdout.split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        let eligible = lines.first { $0["proposal"] as? String == "title" && !($0["blocks"] as! [String]).isEmpty }!
        let id = eligible["candidate_id"] as! String
        let notEligible = lines.first { line in
            let title = (line["verdict"] as! [String: Any])["title"] as! [String: Any]
            return (title["reasons"] as! [[String: Any]]).contains { $0["code"] as? String == "experience_insufficient" }
        }!["candidate_id"] as! String
        let before = try cli.run("audit", "verify", "--db", cli.db).stdout

        let forced = cli.folder.appendingPathComponent("forced.csv")
        try "candidate_id,component,decision,motive\n\(notEligible),title,valide,Expérience antérieure reconnue\n"
            .write(to: forced, atomically: true, encoding: .utf8)
        let refused = try cli.run("jury", "decide", "--db", cli.db, "1", forced.path, "--as-of", "2027-06-30")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("forced.csv, ligne 2, colonne 3 (decision) : \(notEligible) : le titre ne peut être validé"),
                "\(refused.stderr)")
        #expect(refused.stderr.contains("aucun motif n'y supplée"))
        #expect(try cli.run("audit", "verify", "--db", cli.db).stdout == before, "nothing was written")

        let titleOnly = cli.folder.appendingPathComponent("title.csv")
        try "candidate_id,component,decision,motive\n\(id),title,valide,\n".write(to: titleOnly, atomically: true, encoding: .utf8)
        let decided = try cli.run("jury", "decide", "--db", cli.db, "1", titleOnly.path, "--as-of", "2027-06-30")
        #expect(decided.status == 0, "\(decided.stderr)")
        let blocks = eligible["blocks"] as! [String]
        #expect(decided.stdout.hasPrefix("\(1 + blocks.count) décisions enregistrées"), "\(decided.stdout)")
        #expect(try cli.run("jury", "decide", "--db", cli.db, "1", "--accept-proposals", "--as-of", "2027-06-30").status == 0)
        #expect(try cli.run("jury", "close", "--db", cli.db, "1", "--as-of", "2027-06-30").status == 0)
        let csv = cli.folder.appendingPathComponent("pv.csv").path
        #expect(try cli.run("jury", "pv", "--db", cli.db, "1", "--out", cli.folder.appendingPathComponent("pv.pdf").path,
                            "--csv", csv, "--as-of", "2027-07-01").status == 0)
        let pv = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").filter { $0.contains(";\(id);") }
        for block in blocks { #expect(pv.contains { $0.contains(block) && $0.contains("valide") }, "\(block) in \(pv)") }
        let progress = try cli.run("progress", "--db", cli.db, "--candidate", notEligible, "--as-of", "2027-07-01", "--json")
        #expect(progress.stdout.contains("\"not_eligible\""))
    }

    @Test func auditVerifyNamesTheEntryChangedInTheFile() throws {
        let cli = try Self.session()
        try members(cli, Self.fullJury)
        #expect(try cli.run("audit", "verify", "--db", cli.db).stdout.contains("18 entrées vérifiées"))
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [cli.db, "DROP TRIGGER audit_entry_no_update; UPDATE audit_entry SET actor = 'intrus' WHERE id = 6;"]
        try sqlite.run()
        sqlite.waitUntilExit()
        #expect(sqlite.terminationStatus == 0)
        let r = try cli.run("audit", "verify", "--db", cli.db)
        #expect(r.status == 1)
        #expect(r.stderr.contains("journal d'audit rompu à l'entrée n° 6 : son contenu a été modifié"))
    }
}

extension CLI {
    @discardableResult
    /// The command, not yet started, its output discarded (a process to kill or to run beside others).
    static func quietProcess(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
    }

    func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = Self.root
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes drained at once: a long message on one must not block the process while the
        // other is read to its end.
        let stderrRead = ReadToEnd(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = stderrRead.data()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A pipe read to its end on a thread of its own.
final class ReadToEnd: @unchecked Sendable {
    private var read = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            read = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func data() -> Data {
        done.wait()
        return read
    }
}
