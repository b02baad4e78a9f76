import CertifolioCore
import CertifolioTestSupport
import Foundation
import Testing
@testable import CertifolioApp

/// Issue 15: mutated files given to the door's use cases (a cohort, a référentiel, a calendar, a
/// survey file, a jury's decision sheet) are recorded whole or refused with a French message that
/// names the file — and after a refusal the database holds exactly what it held before (the same
/// content digest, every table, every row).
@Suite struct RefusalFuzzTests {
    final class Store {
        let sandbox = try! ImportPipelineTests.Sandbox()
        var database: Certifolio { sandbox.database }
        var digest: String
        var accepted = 0
        var refused = 0

        init() throws {
            _ = try sandbox.database.importCohort(folder: RefusalFuzzTests.sample("meqp-2025"), actor: tester)
            digest = try sandbox.database.contentDigest()
        }

        /// Runs `cases` mutations of `input` through `use`; checks each refusal and the database.
        func fuzz(_ input: String, cases: Int, seed: UInt64, file: String, _ use: ([UInt8]) throws -> Void) throws {
            var g = Seeded(state: seed)
            for n in 0..<cases {
                let bytes = Mutator.mutate(Array(input.utf8), &g)
                do {
                    try use(bytes)
                    accepted += 1
                    digest = try database.contentDigest()
                } catch let error as UserFacingError {
                    refused += 1
                    #expect(error.message.contains(file), "case \(n): \(error.message.prefix(200))")
                    #expect(!error.message.contains("Error"), "case \(n): French only: \(error.message.prefix(200))")
                    #expect(try database.contentDigest() == digest, "case \(n) was refused but changed the database")
                }
            }
        }
    }

    static func sample(_ path: String) -> String {
        ImportPipelineTests.root.appendingPathComponent("SampleCohorts/\(path)").path
    }

    static func text(_ path: String) throws -> String { try String(contentsOfFile: sample(path), encoding: .utf8) }

    @Test func cohortsThroughTheDoor() throws {
        let store = try Store()
        let folder = store.sandbox.folder.appendingPathComponent("mutated")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A few lines of the sample, so that most mutations touch a line that matters.
        let candidates = try Self.text("meqp-2025/candidates.csv").split(separator: "\n").prefix(4).joined(separator: "\n") + "\n"
        let events = try Self.text("meqp-2025/events.csv").split(separator: "\n").prefix(6).joined(separator: "\n") + "\n"
        try store.fuzz(candidates + "\u{0}" + events, cases: 300, seed: 11, file: ".csv") { bytes in
            // One mutation over both files, cut back at the separator.
            let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
            try Data(parts[0]).write(to: folder.appendingPathComponent("candidates.csv"))
            try Data(parts.count > 1 ? parts[1] : []).write(to: folder.appendingPathComponent("events.csv"))
            _ = try store.database.importCohort(folder: folder.path, actor: tester)
        }
        #expect(store.refused > 100 && store.accepted > 0, "\(store.accepted) accepted, \(store.refused) refused")
    }

    @Test func referentielsCalendarsAndSurveysThroughTheDoor() throws {
        let store = try Store()
        try store.fuzz(try Self.text("referentiels/RNCP41818.yaml"), cases: 150, seed: 12, file: "RNCP41818.yaml") {
            _ = try store.database.importReferentiel(bytes: $0, name: "RNCP41818.yaml", actor: tester)
        }
        try store.fuzz(try Self.text("meqp-2025/calendar.csv"), cases: 200, seed: 13, file: "calendar.csv") {
            _ = try store.database.importCalendar(bytes: $0, name: "calendar.csv", actor: tester)
        }
        let surveys = "candidate_id,date,horizon,situation,target_job,contract\nMQ001,2027-01-12,6m,emploi,oui,cdi\n"
        try store.fuzz(surveys, cases: 200, seed: 14, file: "surveys.csv") {
            _ = try store.database.importSurveys(bytes: $0, name: "surveys.csv", actor: tester)
        }
        #expect(store.refused > 200 && store.accepted > 0, "\(store.accepted) accepted, \(store.refused) refused")
    }

    @Test func decisionSheetsThroughTheDoor() throws {
        let store = try Store()
        let day = JuryLoopTests.sessionDay
        let session = try store.database.createJurySession(certification: "RNCP41818", date: day, place: "Paris", actor: tester)
        for (name, role) in [("Mme Alice Martin", "expert_domaine"), ("Nadia Berrada", "professionnel_ess"),
                             ("Claire Dubois", "expert_domaine")] {
            try store.database.addJuryMember(JuryMember(name: name, role: JuryRoleID(role), external: true), to: session,
                                             actor: tester)
        }
        _ = try store.database.convoke(session, candidates: [], cohort: "MEQP-2025", actor: tester)
        store.digest = try store.database.contentDigest()
        let sheet = "candidate_id,component,decision,motive\nMQ002,title,ajourne,Fraude constatée au mémoire\n"
            + "MQ032,title,absent,Absent à la délibération\n"
        try store.fuzz(sheet, cases: 300, seed: 15, file: "decisions.csv") {
            _ = try store.database.decide(session, sheet: "decisions.csv", bytes: $0, asOf: day, actor: tester)
        }
        #expect(store.refused > 100, "\(store.accepted) accepted, \(store.refused) refused")
    }
}
