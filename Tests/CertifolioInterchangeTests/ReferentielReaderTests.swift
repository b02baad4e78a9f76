import CertifolioCore
import Testing
@testable import CertifolioInterchange

@Suite struct ReferentielReaderTests {
    @Test func transcribesBothFichesCompletely() {
        let meqp = Fixtures.referentiels["RNCP41818"]!
        #expect(meqp.level == 7)
        #expect(meqp.certifiers.first?.siret == "92383753800019")
        #expect(meqp.registrationEnd.iso == "2028-12-18")
        #expect(meqp.blocks.map(\.modalities.count) == [3, 3, 2, 2])
        #expect(meqp.blocks.map(\.competences.count) == [10, 8, 6, 6])
        #expect(meqp.finalExams.map(\.id.rawValue) == ["memoire", "livret", "soutenance"])
        // What is handed in, what is sat: the fiche's words.
        #expect(meqp.blocks[0].modalities.map(\.submission) == [.document, .document, .sitting])
        #expect(meqp.finalExams.map(\.submission) == [.document, .document, .sitting])
        #expect(meqp.evaluation.wholeBlockModality?.submission == .document)
        #expect(meqp.requirements.first?.waivedFor == ["vae"])
        #expect(meqp.accessRoutes.filter(\.allowed).map(\.id.rawValue)
                == ["apprentissage", "formation_continue", "contrat_professionnalisation", "vae"])
        #expect(meqp.predecessors.first?.code == "RNCP36704")
        #expect(meqp.nsf.map(\.code) == ["310", "332n", "332p"])
        let remms = Fixtures.referentiels["RNCP36888"]!
        #expect(remms.registrationEnd.iso == "2027-09-29")
        #expect(remms.blocks.map(\.modalities.count) == [3, 1, 2, 1])
        #expect(remms.requirements.first?.alternatives == [.experience(minYears: ExactDecimal(3)), .stage(minDays: 1, minMonths: 4)])
        #expect(remms.route("apprentissage")?.jury?.president == "responsable_national")
        #expect(remms.route("vae")?.jury?.seats.map(\.count) == [1, 1, 2])
        #expect(remms.route("formation_initiale")?.allowed == false)
    }

    struct BadYAML: Sendable, CustomStringConvertible {
        let replace: String
        let with: String
        let line: Int?
        let word: String
        var description: String { word }
    }

    static let badYAMLs: [BadYAML] = [
        BadYAML(replace: "level: 7", with: "level: sept", line: 8, word: "entier"),
        BadYAML(replace: "registration_end: 2027-09-29", with: "registration_end: 2027-02-30", line: 26, word: "date"),
        BadYAML(replace: "title: \"Responsable", with: "titre: \"Responsable", line: 7, word: "inconnue"),
        BadYAML(replace: "  - code: RNCP36888BC02", with: "  - code: RNCP99999BC02", line: 73, word: "commencer"),
        BadYAML(replace: "      - stage: { min_months: 4 }", with: "      - benevolat: { min_months: 4 }", line: 122, word: "inconnue"),
        BadYAML(replace: "        - { role: enseignant, count: 1 }\n        - { role: responsable_pedagogique, count: 1 }\n        - { role: representant_profession, count: 2 }\n        - { role: responsable_national, count: 1 }\n  - id: formation_continue",
                with: "        - { role: doyen, count: 1 }\n        - { role: responsable_pedagogique, count: 1 }\n        - { role: representant_profession, count: 2 }\n        - { role: responsable_national, count: 1 }\n  - id: formation_continue",
                line: 143, word: "doyen"),
        // Each route names its CPF access mode with one of the Caisse's words.
        BadYAML(replace: "    cpf: VAE", with: "    cpf: VALIDATION_DES_ACQUIS", line: 178, word: "modalité d'accès CPF"),
        // How an épreuve is taken is one of two words.
        BadYAML(replace: "        submission: sitting\n  - code: RNCP36888BC02", with: "        submission: oral\n  - code: RNCP36888BC02",
                line: 72, word: "document (travail rendu"),
        BadYAML(replace: "format: certifolio-referentiel/1", with: "format: [certifolio", line: 4, word: "mal formé"),
    ]

    @Test(arguments: badYAMLs)
    func malformedReferentielNamesLineAndColumn(_ bad: BadYAML) throws {
        let original = Fixtures.yaml("RNCP36888")
        try #require(original.contains(bad.replace), "fixture text not found: \(bad.replace)")
        let text = original.replacingOccurrences(of: bad.replace, with: bad.with)
        do {
            _ = try ReferentielReader.read(yaml: text, file: "RNCP36888.yaml")
            Issue.record("accepted a bad référentiel: \(bad.word)")
        } catch {
            #expect(error.location.file == "RNCP36888.yaml")
            #expect(error.location.line == bad.line, "\(error.message)")
            #expect(error.location.column != nil)
            #expect(error.message.contains(bad.word), "\(error.message)")
        }
    }
}
