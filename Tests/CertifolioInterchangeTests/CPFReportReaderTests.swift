import CertifolioCore
import Foundation
import Testing
@testable import CertifolioInterchange

/// The Caisse's processing report as its certifiers read it: accepted ids, refused ids with their
/// message, "existe déjà" as an acceptance, namespaces ignored; a bad file refused with its place.
@Suite struct CPFReportReaderTests {
    func read(_ text: String) throws -> CPFReportReader.Report {
        try CPFReportReader.read(data: Data(text.utf8), file: "rapport.xml")
    }

    @Test func acceptedRefusedAndAlreadyThere() throws {
        let report = try read("""
            <?xml version="1.0" encoding="UTF-8"?>
            <cdc:rapport xmlns:cdc="urn:x"><cdc:nomFichier>flux.xml</cdc:nomFichier>
              <cdc:PassagesOK><cdc:idTechnique>a</cdc:idTechnique><cdc:idTechnique> b </cdc:idTechnique></cdc:PassagesOK>
              <cdc:PassagesKO>
                <cdc:passage><cdc:idTechnique>c</cdc:idTechnique><cdc:messageErreur>Aucun titulaire trouvé</cdc:messageErreur></cdc:passage>
                <cdc:passage><cdc:messageErreur>Le passage existe déjà en base</cdc:messageErreur><cdc:idTechnique>d</cdc:idTechnique></cdc:passage>
              </cdc:PassagesKO>
            </cdc:rapport>
            """)
        #expect(report.accepted == ["a", "b", "d"])
        #expect(report.refused.map(\.idTechnique) == ["c"] && report.refused.map(\.message) == ["Aucun titulaire trouvé"])
    }

    /// Found by fuzzing: Foundation's XMLParser crashed on an element name that is not UTF-8.
    @Test func aReportThatIsNotUTF8IsRefusedAtItsLineWithoutReachingTheParser() {
        var bytes = Array("<rapport>\n<nomFic".utf8) + [0xFF, 0xC3] + Array("r>x</nomFicr></rapport>".utf8)
        do {
            _ = try CPFReportReader.read(data: Data(bytes), file: "rapport.xml")
            Issue.record("a report that is not UTF-8 must be refused")
        } catch let error as InputError {
            #expect(error.location.line == 2 && error.problem.contains("UTF-8"))
        } catch {
            Issue.record("\(error)")
        }
    }

    /// Found by libFuzzer (Benchmarks/fuzz-readers.sh): XMLParser crashed on a processing
    /// instruction without data. Such markup, and a document type, are refused at their line.
    @Test func processingInstructionsAndDocumentTypesAreRefusedAtTheirLine() throws {
        let cases: [(String, Int, String)] = [
            ("<?xml?>\n<pap\"?>\n<pr>ort>\n", 1, "déclaration XML"),
            ("<?xml version=\"1.0\"?>\n<rapport>\n<?x?></rapport>", 3, "instruction de traitement"),
            ("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"aaaa\">]>\n<rapport/>", 2, "type de document"),
        ]
        for (text, line, words) in cases {
            do {
                _ = try read(text)
                Issue.record("\(text) must be refused")
            } catch let error as InputError {
                #expect(error.location.line == line && error.problem.contains(words), "\(error.message)")
            }
        }
        // A declaration as the Caisse writes it is read.
        #expect(try read("\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rapport></rapport>").accepted == [])
    }

    @Test func aFileThatIsNotAReportIsRefusedWithItsPlace() {
        #expect(throws: InputError.self) { try read("<flux/>") }
        #expect(throws: InputError.self) { try read("<rapport><PassagesOK>") }
        do {
            _ = try read("<rapport>\n<PassagesKO><passage><messageErreur>x</messageErreur></passage></PassagesKO></rapport>")
            Issue.record("a refused passage without its id should be refused")
        } catch let error as InputError {
            #expect(error.location.line == 2 && error.problem.contains("sans idTechnique"))
        } catch {
            Issue.record("\(error)")
        }
    }
}
