import CertifolioCore
import Foundation
import Testing
@testable import CertifolioInterchange

/// The flux is checked a page of passages at a time: whatever the page, the problems are those
/// libxml2 finds in the whole flux, at the same lines, each with its candidate.
@Suite struct CPFFluxCheckTests {
    static let settings = CPFSettings(emitter: "AB123CDE", certifier: "E564ACB0", contract: "2560080000127J")

    static func passage(_ candidate: CandidateID, birthName: String) -> CPFFlux.Passage {
        CPFFlux.Passage(idTechnique: UUID().uuidString.lowercased(), candidate: candidate, awardedOn: Day(iso: "2027-06-30")!,
                        access: .initialApprenticeship, enrolledOn: Day(iso: "2025-09-15")!,
                        holder: CPFFlux.Holder(birthName: birthName, usageName: nil, firstNames: ["Zoé"],
                                               birthDate: Day(iso: "1990-02-03")!, sex: .female, commune: .insee("69123"),
                                               communeName: "Lyon", countryCode: nil, countryName: nil))
    }

    @Test(arguments: [1, 2, 1000]) func pagesFindWhatTheWholeFluxHasAtItsLines(pageSize: Int) throws {
        // Two certifications; the second and fifth holders' birth names exceed the schema's 60 characters.
        let long = String(repeating: "Dumont-", count: 9) + "Gauthier"
        let flux: [(CertificationCode, [CPFFlux.Passage])] = [
            ("RNCP36888", [Self.passage("A1", birthName: "Martin"), Self.passage("A2", birthName: long)]),
            ("RNCP41818", [Self.passage("B1", birthName: "Durand"), Self.passage("B2", birthName: "Petit"),
                           Self.passage("B3", birthName: long)]),
        ]
        var text = ""
        let whole = try CPFFlux.Document(id: "f", timestamp: "2027-07-01T10:00:00+02:00", settings: Self.settings) { text += $0 }
        let check = try CPFFluxCheck(id: "f", timestamp: "2027-07-01T10:00:00+02:00", settings: Self.settings,
                                     pageSize: pageSize)
        for (code, passages) in flux {
            try whole.certification(code)
            for passage in passages { try check.add(passage, of: code, at: try whole.passage(passage)) }
        }
        try whole.finish()
        let expected = try XMLSchemaValidator.cpfAccrochage().problems(of: Array(text.utf8))
        #expect(expected.count == 2)
        let found = try check.finish()
        #expect(found == zip(["A2", "B3"], expected).map { "\($0) : ligne \($1.line) : \($1.message)" })
    }
}
