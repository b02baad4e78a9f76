import Foundation
import Testing
@testable import CertifolioInterchange

/// The XSD validation through libxml2: the Caisse des Dépôts' own example validates; a timestamp in
/// UTC ("Z") and a missing element are refused at their lines.
@Suite struct XMLSchemaValidatorTests {
    static let example = try! String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("accrochage-example.xml"), encoding: .utf8)

    @Test func theOfficialExampleIsValid() throws {
        #expect(try XMLSchemaValidator.cpfAccrochage().problems(of: Array(Self.example.utf8)).isEmpty)
    }

    @Test func aUTCTimestampAndAMissingElementAreRefusedAtTheirLines() throws {
        var text = Self.example.replacingOccurrences(of: "2020-12-18T14:24:12+01:00", with: "2020-12-18T13:24:12Z")
        text = text.replacingOccurrences(of: "<cpf:sexe>M</cpf:sexe>", with: "")
        let problems = try XMLSchemaValidator.cpfAccrochage().problems(of: Array(text.utf8))
        #expect(problems.first?.line == 4 && problems.first?.message.contains("horodatage") == true, "\(problems)")
        #expect(problems.contains { $0.message.contains("sexe") }, "\(problems)")
    }

    @Test func aDocumentThatIsNotXMLIsOneProblem() throws {
        #expect(try XMLSchemaValidator.cpfAccrochage().problems(of: Array("<flux".utf8)).count == 1)
    }
}
