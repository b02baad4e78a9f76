import CertifolioCore
import Foundation
import Testing
@testable import CertifolioApp

let tester = Actor("test")

/// The pipelined import (reader thread ‖ write transaction) on folders large enough to be
/// handed over in several chunks.
@Suite struct ImportPipelineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    final class Sandbox {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certifolio-app-\(UUID().uuidString)")
        let database: Certifolio

        init() throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            database = try Certifolio.create(path: folder.appendingPathComponent("t.sqlite").path)
            for code in ["RNCP41818", "RNCP36888"] {
                _ = try database.importReferentiel(file: ImportPipelineTests.root.appendingPathComponent("SampleCohorts/referentiels/\(code).yaml").path, actor: tester)
            }
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func cohort(candidates: Int, eventsPerCandidate: Int, badLine: Int? = nil) throws -> String {
            let path = folder.appendingPathComponent("cohort-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
            var c = "candidate_id,family_name,given_names,birth_date,email,certification,access_route,enrolled_on,cohort\n"
            var e = "candidate_id,component,modality,date,score,max_score,result,evaluator\n"
            var line = 1
            for i in 0..<candidates {
                c += "K\(i),Lefèvre,Zoé,1990-02-03,k\(i)@exemple.fr,RNCP36888,apprentissage,2025-09-15,P\n"
                for j in 0..<eventsPerCandidate {
                    line += 1
                    let date = line == badLine ? "2026-02-30" : "2026-0\(j % 9 + 1)-10"
                    e += "K\(i),RNCP36888BC02,etude_de_cas,\(date),\(j % 20),20,,\n"
                }
            }
            try c.write(to: path.appendingPathComponent("candidates.csv"), atomically: true, encoding: .utf8)
            try e.write(to: path.appendingPathComponent("events.csv"), atomically: true, encoding: .utf8)
            return path.path
        }

        func count(_ id: String) throws -> Int { try database.candidateRecord(CandidateID(id))?.events.count ?? -1 }
    }

    @Test func largeFolderIsWrittenWhole() throws {
        let s = try Sandbox()
        let summary = try s.database.importCohort(folder: try s.cohort(candidates: 300, eventsPerCandidate: 70), actor: tester)
        #expect(summary.newCandidates == 300)
        #expect(summary.events == 21_000)
        #expect(try s.count("K299") == 70)
    }

    @Test func aBadLineAfterSeveralChunksLeavesNothingWritten() throws {
        let s = try Sandbox()
        let folder = try s.cohort(candidates: 300, eventsPerCandidate: 70, badLine: 20_500)
        do {
            _ = try s.database.importCohort(folder: folder, actor: tester)
            Issue.record("the import should have been refused")
        } catch let error as InputErrors {
            #expect(error.errors.map(\.location.line) == [20_500])
            #expect(error.errors.first?.location.file == "events.csv")
        }
        #expect(try s.database.allCandidateRecords().isEmpty)
    }

    @Test func aStoreRefusalStopsTheReaderAndWritesNothing() throws {
        let s = try Sandbox()
        _ = try s.database.importCohort(folder: try s.cohort(candidates: 1, eventsPerCandidate: 1), actor: tester)
        // K0 comes back with another birth date, followed by many events.
        let folder = try s.cohort(candidates: 300, eventsPerCandidate: 70)
        let file = URL(fileURLWithPath: folder).appendingPathComponent("candidates.csv")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "K0,Lefèvre,Zoé,1990-02-03",
                                                                                      with: "K0,Lefèvre,Zoé,1990-02-04")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.candidateConflict("K0", file: "candidates.csv", line: 2)) {
            try s.database.importCohort(folder: folder, actor: tester)
        }
        #expect(try s.database.allCandidateRecords().count == 1)
        #expect(try s.count("K0") == 1)
    }
}

@Suite struct ChunkChannelTests {
    struct Boom: Error {}

    @Test func deliversInOrderThenTheProducersError() throws {
        let channel = ChunkChannel<Int>(capacity: 2)
        let thread = Thread {
            for i in 0..<100 { try? channel.send(i) }
            channel.close(error: Boom())
        }
        thread.start()
        var received: [Int] = []
        #expect(throws: Boom.self) {
            while let item = try channel.receive() { received.append(item) }
        }
        #expect(received == Array(0..<100))
    }

    @Test func cancelMakesTheProducerStop() throws {
        let channel = ChunkChannel<Int>(capacity: 1)
        let stopped = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var sent = 0
        let thread = Thread {
            while (try? channel.send(sent)) != nil { sent += 1 }
            stopped.signal()
        }
        thread.start()
        _ = try channel.receive()
        channel.cancel()
        #expect(stopped.wait(timeout: .now() + 5) == .success)
    }
}

/// Issue 15: a list export pages through the candidates (a page in memory at a time) and sees
/// every one exactly once, in id order.
@Suite struct EnrolledCandidatePagesTests {
    @Test func pagesCoverEveryCandidateOnceInOrder() async throws {
        let s = try ImportPipelineTests.Sandbox()
        _ = try s.database.importCohort(folder: try s.cohort(candidates: 23, eventsPerCandidate: 1), actor: tester)
        var seen: [CandidateID] = []
        var pages = 0
        try await s.database.forEachEnrolledCandidate(pageSize: 5) { page in
            pages += 1
            #expect(page.count <= 5)
            seen += page.map(\.candidate.id)
        }
        let all = try s.database.enrolledCandidates().map(\.candidate.id)
        #expect(pages == 5 && seen == all && seen.count == 23)
    }
}
