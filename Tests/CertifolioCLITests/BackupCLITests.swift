import Foundation
import Testing

/// Issue 15: backup and restore round-trip the demo's database with its files, from the command line.
@Suite struct BackupCLITests {
    @Test func theDemoDatabaseRoundTripsWithItsFiles() throws {
        let cli = try CLI()
        let demo = try cli.run("demo", "--db", cli.db)
        #expect(demo.status == 0, "\(demo.stderr)")
        let backup = cli.folder.appendingPathComponent("sauvegarde.sqlite").path
        var r = try cli.run("backup", "--db", cli.db, "--out", backup)
        #expect(r.status == 0 && r.stdout.contains("fichiers conservés"), "\(r.stderr)")
        r = try cli.run("backup", "--db", cli.db, "--out", backup)
        #expect(r.status == 1 && r.stderr.contains("existe déjà"))
        let restored = cli.folder.appendingPathComponent("restauree.sqlite").path
        r = try cli.run("restore", "--from", backup, "--db", restored)
        #expect(r.status == 0 && r.stdout.contains("Journal d'audit intact"), "\(r.stderr)")
        let original = try cli.run("audit", "verify", "--db", cli.db)
        let copy = try cli.run("audit", "verify", "--db", restored)
        #expect(copy.status == 0 && copy.stdout == original.stdout, "the same entries, files and parchemins")
        let progress = try cli.run("progress", "--db", restored, "--all", "--as-of", "2027-07-01", "--json")
        #expect(progress.stdout == (try cli.run("progress", "--db", cli.db, "--all", "--as-of", "2027-07-01", "--json")).stdout)
    }
}
