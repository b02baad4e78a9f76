import Foundation
import Testing

/// Contract §8 on the command line: cpf settings / export / report / status, survey import, stats.
@Suite struct CPFCLITests {
    @Test func theDeclarationAndTheStatisticsAsAScriptRunsThem() throws {
        let cli = try CLI()
        try cli.ready()
        for cohort in ["meqp-2025", "remms-2025"] {
            #expect(try cli.run("import", "SampleCohorts/\(cohort)", "--db", cli.db).status == 0)
        }
        let flux = cli.folder.appendingPathComponent("flux.xml").path
        var r = try cli.run("cpf", "export", "--db", cli.db, "--out", flux, "--as-of", "2027-07-01")
        #expect(r.status == 1 && r.stderr.contains("cpf settings"))
        #expect(!FileManager.default.fileExists(atPath: flux))
        r = try cli.run("cpf", "settings", "--db", cli.db, "--emitter", "AB123CDE", "--certifier", "E564ACB0",
                        "--contract", "2560080000127J", "--depositor", "inconnu")
        #expect(r.status == 2 && r.stderr.contains("--depositor"))
        r = try cli.run("cpf", "settings", "--db", cli.db, "--emitter", "AB123CDE", "--certifier", "E564",
                        "--contract", "2560080000127J")
        #expect(r.status == 1 && r.stderr.contains("--certifier : identifiant client certificateur « E564 » invalide"))
        r = try cli.run("cpf", "settings", "--db", cli.db, "--emitter", "AB123CDE", "--certifier", "E564ACB0",
                        "--contract", "2560080000127J")
        #expect(r.status == 0)
        r = try cli.run("cpf", "export", "--db", cli.db, "--out", flux, "--as-of", "2027-07-01")
        #expect(r.status == 0 && r.stdout.contains("5 passages"), "\(r.stderr)")
        r = try cli.run("cpf", "status", "--db", cli.db, "--as-of", "2027-07-01", "--json")
        let lines = r.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.count == 5 && lines.allSatisfy { $0["status"] as? String == "sent" })
        #expect(lines.first?["candidate_id"] as? String == "RE017" && lines.first?["days_left"] as? Int == -268)
        let ids = lines.compactMap { $0["id_technique"] as? String }
        let report = cli.folder.appendingPathComponent("rapport.xml").path
        try ("<rapport><PassagesOK>" + ids.dropFirst().map { "<idTechnique>\($0)</idTechnique>" }.joined()
             + "</PassagesOK><PassagesKO><passage><idTechnique>\(ids[0])</idTechnique><messageErreur>Titulaire introuvable"
             + "</messageErreur></passage></PassagesKO></rapport>").write(toFile: report, atomically: true, encoding: .utf8)
        r = try cli.run("cpf", "report", "--db", cli.db, report)
        #expect(r.status == 0 && r.stdout.contains("4 passages acceptés, 1 passage refusé"))
        r = try cli.run("cpf", "status", "--db", cli.db, "--as-of", "2027-07-01")
        #expect(r.stdout.contains("refusé : Titulaire introuvable"))
        // Surveys and statistics (contract's JSON keys).
        let surveys = cli.folder.appendingPathComponent("surveys.csv").path
        try "candidate_id,date,horizon,situation,target_job,contract\nRE017,2027-01-12,6m,emploi,oui,cdi\nRE018,2027-01-12,6m,inactif,,\n"
            .write(toFile: surveys, atomically: true, encoding: .utf8)
        #expect(try cli.run("survey", "import", "--db", cli.db, surveys).status == 0)
        r = try cli.run("stats", "--db", cli.db, "--certification", "RNCP36888", "--as-of", "2027-07-01", "--json")
        let row = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(row["year"] as? Int == 2026 && row["certified"] as? Int == 2 && row["certified_vae"] as? Int == 0)
        #expect(row["insertion_6m_global"] as? Int == 50 && row["insertion_6m_job"] as? Int == 50)
        #expect(row["insertion_2y_job"] is NSNull && row["respondents_6m"] as? Int == 2 && row["respondents_2y"] as? Int == 0)
        r = try cli.run("stats", "--db", cli.db, "--certification", "RNCP36888", "--year", "2025", "--as-of", "2027-07-01", "--csv")
        #expect(r.stdout.split(separator: "\n").count == 1, "a year without holders has no line")
        try "candidate_id,date,horizon,situation\nRE017,2027-02-30,6m,emploi\n".write(toFile: surveys, atomically: true, encoding: .utf8)
        r = try cli.run("survey", "import", "--db", cli.db, surveys)
        #expect(r.status == 1 && r.stderr.contains("surveys.csv, ligne 2, colonne 2 (date)"))
    }
}
