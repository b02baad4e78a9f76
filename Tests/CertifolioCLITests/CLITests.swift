import Foundation
import Testing

/// Runs the built `certifolio` binary as a user would, on a fresh temporary folder.
final class CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let folder: URL
    var db: String { folder.appendingPathComponent("t.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("certifolio-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    static var executable: URL {
        // The test bundle sits in the same build folder as the executable.
        let candidates = [Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL,
                          root.appendingPathComponent(".build/debug")]
        return candidates.map { $0.appendingPathComponent("certifolio") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }!
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    @discardableResult
    func run(_ arguments: String...) throws -> Result { try run(arguments) }

    func ready() throws {
        try run("init", "--db", db)
        for code in ["RNCP41818", "RNCP36888"] {
            let r = try run("referentiel", "import", "SampleCohorts/referentiels/\(code).yaml", "--db", db)
            #expect(r.status == 0, "\(r.stderr)")
        }
    }

    func cohort(_ files: [String: String]) throws -> String {
        let path = folder.appendingPathComponent("cohort-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: path.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return path.path
    }
}

let header = "candidate_id,family_name,given_names,birth_date,email,certification,access_route,enrolled_on,cohort\n"

@Suite struct CLITests {
    @Test func initIsIdempotentAndReferentielReimportIsANoOp() throws {
        let cli = try CLI()
        #expect(try cli.run("init", "--db", cli.db).status == 0)
        #expect(try cli.run("init", "--db", cli.db).status == 0)
        try cli.ready()
        let again = try cli.run("referentiel", "import", "SampleCohorts/referentiels/RNCP41818.yaml", "--db", cli.db)
        #expect(again.status == 0)
        #expect(again.stdout.contains("déjà importé"))
    }

    /// Contract §6: only `init` creates a database; a mistyped --db is refused and leaves nothing.
    @Test func everyCommandButInitRefusesAMissingDatabase() throws {
        let cli = try CLI()
        let typo = cli.folder.appendingPathComponent("typo.sqlite").path
        for arguments in [["progress", "--db", typo, "--all"], ["progress", "--db", typo, "--candidate", "MQ001", "--json"],
                          ["import", "SampleCohorts/meqp-2025", "--db", typo],
                          ["referentiel", "import", "SampleCohorts/referentiels/RNCP41818.yaml", "--db", typo],
                          ["jury", "list", "--db", typo], ["audit", "verify", "--db", typo], ["user", "list", "--db", typo],
                          ["attestation", "--db", typo, "MQ001", "--out", cli.folder.appendingPathComponent("a.pdf").path]] {
            let refused = try cli.run(arguments)
            #expect(refused.status == 1, "\(arguments)")
            #expect(refused.stderr.contains("\(typo) : base de données introuvable ; rien n'a été créé"), "\(refused.stderr)")
            #expect(refused.stderr.contains("certifolio init --db \(typo)"))
            #expect(refused.stdout.isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).isEmpty, "\(arguments)")
        }
        #expect(try cli.run("init", "--db", typo).status == 0)
        #expect(try cli.run("progress", "--db", typo, "--all").status == 0)
    }

    @Test func calendarImportIsAllOrNothingWithFrenchMessagesAtTheirPlace() throws {
        let cli = try CLI()
        try cli.ready()
        #expect(try cli.run("import", "SampleCohorts/meqp-2025", "--db", cli.db).status == 0)
        let bad = cli.folder.appendingPathComponent("calendar.csv")
        try "cohort,component,modality,deadline,date,place\nMEQP-2025,final,soutenance,2027-06-01,,\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        // The folder carries its calendar.csv: imported with it.
        let before = try cli.run("calendar", "list", "--db", cli.db).stdout
        #expect(before.split(separator: "\n").count == 13)
        let refused = try cli.run("calendar", "import", bad.path, "--db", cli.db)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("calendar.csv, ligne 2, colonne 4 (deadline) : une épreuve passée"))
        let after = try cli.run("calendar", "list", "--db", cli.db).stdout
        #expect(after == before, "\(after) /// \(before)")
        let good = try cli.run("calendar", "import", "SampleCohorts/meqp-2025/calendar.csv", "--db", cli.db)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("0 date nouvelle, 0 modifiée, 13 inchangées"))
        let list = try cli.run("calendar", "list", "--db", cli.db, "--cohort", "MEQP-2025").stdout
        #expect(list.contains("Épreuve finale — Soutenance orale\tle 24 juin 2027, Cnam Paris, salle 31.2.85"))
    }

    /// Contract §7: `deposit add` prints the deposit's id or refuses (exit 1, nothing written);
    /// `deposit list --json`; `portfolio export`; `audit verify` names a deposit whose file is gone.
    @Test func depositsThroughTheCommandLine() throws {
        let cli = try CLI()
        try cli.ready()
        #expect(try cli.run("import", "SampleCohorts/meqp-2025", "--db", cli.db).status == 0)
        let pdf = cli.folder.appendingPathComponent("etude.pdf").path
        try Data("%PDF-1.4\n%%EOF\n".utf8).write(to: URL(fileURLWithPath: pdf))
        let fake = cli.folder.appendingPathComponent("faux.pdf").path
        try Data("MZ\u{90}\0 not a document".utf8).write(to: URL(fileURLWithPath: fake))
        let epreuve = ["--candidate", "MQ016", "--component", "RNCP41818BC04", "--modality", "etude_de_cas"]
        // Before BC04's deadline (15 January 2027, noon).
        let added = try cli.run(["deposit", "add", "--db", cli.db] + epreuve + ["--as-of", "2027-01-10", pdf])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "1\n")
        let refused = try cli.run(["deposit", "add", "--db", cli.db] + epreuve + ["--as-of", "2027-01-10", fake])
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("« faux.pdf » n'est ni un PDF, ni un ODT, ni un DOCX d'après son contenu"))
        let late = try cli.run(["deposit", "add", "--db", cli.db] + epreuve + ["--as-of", "2027-01-16", pdf])
        #expect(late.status == 1 && late.stderr.contains("la date limite de dépôt était le 15 janvier 2027 à 12:00"))
        let list = try cli.run("deposit", "list", "--db", cli.db, "--candidate", "MQ016", "--json")
        #expect(list.stdout.split(separator: "\n").count == 1)
        #expect(list.stdout.contains("\"version\":1,\"deposited_at\":\"2027-01-10T00:00\",\"deadline\":\"2027-01-15T12:00\""))
        let out = cli.folder.appendingPathComponent("portfolio").path
        let export = try cli.run("portfolio", "export", "--db", cli.db, "MQ016", "--out", out)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/depots/RNCP41818BC04_etude_de_cas/v1/etude.pdf"))
        #expect(try cli.run("audit", "verify", "--db", cli.db).stdout.contains("1 fichier déposé présent"))
        let kept = cli.db + ".files/sha256"
        for prefix in try FileManager.default.contentsOfDirectory(atPath: kept) {
            try FileManager.default.removeItem(atPath: kept + "/" + prefix)
        }
        let broken = try cli.run("audit", "verify", "--db", cli.db)
        #expect(broken.status == 1 && broken.stderr.contains("dépôt n° 1 (candidat MQ016"))
    }

    @Test func progressJSONForOneCandidateAndAllSorted() throws {
        let cli = try CLI()
        try cli.ready()
        let folder = try cli.cohort([
            "candidates.csv": header + "Z9,Roux,Anaïs,1990-01-01,a@exemple.fr,RNCP36888,vae,2025-09-15,P\n"
                + "A1,Blanc,Paul,1991-01-10,p@exemple.fr,RNCP41818,formation_continue,2025-09-15,P\n",
            "events.csv": "candidate_id,component,modality,date,score,max_score,result,evaluator\n"
                + "Z9,RNCP36888BC02,vae,2027-01-05,,,acquis,Jury\n",
        ])
        let imported = try cli.run("import", folder, "--db", cli.db)
        #expect(imported.status == 0, "\(imported.stderr)")
        let one = try cli.run("progress", "--db", cli.db, "--candidate", "Z9", "--as-of", "2027-06-30", "--json")
        #expect(one.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as! [String: Any]
        #expect(object["candidate_id"] as? String == "Z9")
        #expect(object["as_of"] as? String == "2027-06-30")
        #expect((object["title"] as? [String: Any])?["status"] as? String == "not_eligible")
        let blocks = object["blocks"] as! [[String: Any]]
        #expect(blocks.map { $0["status"] as! String } == ["not_started", "passed", "not_started", "not_started"])
        let all = try cli.run("progress", "--db", cli.db, "--all", "--as-of", "2027-06-30", "--json")
        let ids = all.stdout.split(separator: "\n").map {
            (try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["candidate_id"] as! String
        }
        #expect(ids == ["A1", "Z9"])
    }

    @Test func progressForAPersonIsFrenchPlainText() throws {
        let cli = try CLI()
        try cli.ready()
        let folder = try cli.cohort(["candidates.csv": header + "A1,Blanc,Paul,1991-01-10,p@exemple.fr,RNCP41818,formation_continue,2025-09-15,P\n"])
        try cli.run("import", folder, "--db", cli.db)
        let r = try cli.run("progress", "--db", cli.db, "--candidate", "A1", "--as-of", "2027-06-30")
        #expect(r.status == 0)
        #expect(r.stdout.contains("Paul BLANC"))
        #expect(r.stdout.contains("Ce qui manque pour le titre"))
        #expect(r.stdout.contains("Période de stage : aucun stage terminé au 30 juin 2027."))
        let table = try cli.run("progress", "--db", cli.db, "--all", "--as-of", "2027-06-30")
        #expect(table.stdout.contains("non présentable"))
        #expect(table.stdout.contains("Candidats : 1"))
    }

    @Test func badInputExitsOneNamingFileAndLineAndWritesNothing() throws {
        let cli = try CLI()
        try cli.ready()
        let folder = try cli.cohort(["candidates.csv": header
            + "P90,Blanc,Paul,1991-01-10,p@exemple.fr,RNCP41818,formation_continue,2025-09-15,P\n"
            + "P91,Noir,Lou,1991-13-10,l@exemple.fr,RNCP41818,formation_continue,2025-09-15,P\n"])
        let r = try cli.run("import", folder, "--db", cli.db)
        #expect(r.status == 1)
        #expect(r.stderr.contains("candidates.csv, ligne 3, colonne 4 (birth_date)"))
        let p = try cli.run("progress", "--db", cli.db, "--candidate", "P90", "--json")
        #expect(p.status == 1)
        #expect(p.stderr.contains("P90"))
    }

    @Test func usageErrorsExitTwo() throws {
        let cli = try CLI()
        #expect(try cli.run("progress", "--db", cli.db, "--json").status == 2)
        let badDay = try cli.run("progress", "--db", cli.db, "--all", "--as-of", "2027-02-30")
        #expect(badDay.status == 2)
        // A wrong value is worded in French, naming the flag, with the usage and where to get help.
        #expect(badDay.stderr.hasPrefix("certifolio : --as-of « 2027-02-30 » : une date réelle AAAA-MM-JJ est attendue.\n"))
        #expect(badDay.stderr.contains("Aide : « certifolio progress --help »."))
        #expect(!badDay.stderr.contains("Error:"))
        let badRole = try cli.run("user", "add", "--db", cli.db, "--email", "a@exemple.fr", "--role", "chef")
        #expect(badRole.status == 2)
        #expect(badRole.stderr.contains("--role « chef » : rôle inconnu : candidat, evaluateur, gestionnaire, secretaire attendu."))
        #expect(try cli.run("frobnicate").status == 2)
        #expect(try cli.run("--help").status == 0)
    }

    @Test func malformedReferentielExitsOneWithLineAndColumn() throws {
        let cli = try CLI()
        try cli.run("init", "--db", cli.db)
        let file = cli.folder.appendingPathComponent("bad.yaml")
        try "format: certifolio-referentiel/1\ncode: RNCP1\nversion: x\ntitle: T\nlevel: douze\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let r = try cli.run("referentiel", "import", file.path, "--db", cli.db)
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.yaml, ligne 5, colonne 8"))
        #expect(try cli.run("referentiel", "import", "/nonexistent.yaml", "--db", cli.db).status == 1)
        #expect(try cli.run("import", "/nonexistent-folder", "--db", cli.db).status == 1)
    }

    @Test func demoRunsOnTheSampleCohorts() throws {
        let cli = try CLI()
        let r = try cli.run("demo")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Bilan RNCP41818"))
        #expect(r.stdout.contains("Bilan RNCP36888"))
        #expect(r.stdout.contains("présentables au jury pour le titre"))
        #expect(r.stdout.contains("\"candidate_id\""))
        // The jury loop, from convocation to the audit check.
        #expect(r.stdout.contains("29 candidats convoqués"))
        #expect(r.stdout.contains("Session n° 1 close"))
        #expect(r.stdout.contains("Avenant à la session n° 1"))
        #expect(r.stdout.contains("16 titres"))
        #expect(r.stdout.contains("Journal intact"))
        let folder = r.stdout.split(separator: "\n").first { $0.hasPrefix("Documents conservés dans ") }!
            .dropFirst("Documents conservés dans ".count)
        let files = try FileManager.default.contentsOfDirectory(atPath: String(folder))
        #expect(files.contains("pv-session-1.pdf") && files.contains("pv-session-1.csv"))
        #expect(files.contains("parchemin-MQ001.pdf"))
        try FileManager.default.removeItem(atPath: String(folder))
    }
}
