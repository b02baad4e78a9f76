import CertifolioCore
import Foundation
import Testing
@testable import CertifolioReports

/// The spool a PV's drawings read: what went in comes back, in order, as often as asked, from
/// a file no other process can see or leave behind.
struct SpoolFileTests {
    struct Refused: Error { var detail: String }

    @Test func valuesComeBackInOrderAtEveryReading() throws {
        let spool = try SpoolFile<[String]>(failure: { Refused(detail: $0) })
        #expect(!FileManager.default.fileExists(atPath: spool.path), "unlinked as soon as it is open")
        let values = [["MQ001 — Noé MOREAU\n1 janv. 1990 — Apprentissage", "Validé *", "—"],
                      ["guillemets \" et \\ barre", "tabulation\tici", "Œuvre à côté, Nguyễn Thị Ánh"],
                      [], [String(repeating: "long ", count: 20_000)]]
        for value in values { try spool.append(value) }
        for _ in 1...2 {
            var read: [[String]] = []
            try spool.forEach { read.append($0) }
            #expect(read == values)
        }
        try spool.append(["après lecture"])
        var last: [String]?
        try spool.forEach { last = $0 }
        #expect(last == ["après lecture"] && spool.count == 5)
    }
}
