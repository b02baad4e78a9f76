import CertifolioCore
import Testing
@testable import CertifolioInterchange

/// The optional civil-identity columns of candidates.csv (contract §8): read into the candidate,
/// each bad value refused at its line and column, the legacy columns alone still enough.
@Suite struct CivilIdentityReaderTests {
    static let header = Fixtures.candidatesHeader
        + ",birth_name,usage_name,first_names,sex,birth_place_code,birth_place,birth_country_code,birth_country,postal_address"
    static let start = "C001,Dupont,Zoé,1990-02-03,zoe@exemple.fr,RNCP41818,apprentissage,2025-09-15,P2025,"

    @Test func theColumnsAreReadIntoTheCandidatesIdentity() throws {
        let batch = try Fixtures.read(candidates: Self.header + "\n" + Self.start
                                      + "Lefèvre,Dupont,Zoé  Marie Anne,f,2A004,Ajaccio,,,\"3 rue Neuve, 20000 Ajaccio\"\n")
        let c = try #require(batch.candidates.first?.candidate)
        #expect(c.identity == CivilIdentity(birthName: "Lefèvre", usageName: "Dupont", firstNames: ["Zoé", "Marie", "Anne"],
                                            sex: .female, birthPlaceCode: "2A004", birthPlace: "Ajaccio",
                                            postalAddress: "3 rue Neuve, 20000 Ajaccio"))
        #expect(c.birthName == "Lefèvre")
        #expect(c.bornOn == "née LEFÈVRE le 3 février 1990 à Ajaccio")
    }

    @Test func bornAbroadWithAForeignPostalCodeOrNone() throws {
        let batch = try Fixtures.read(candidates: Self.header + "\n"
                                      + Self.start + ",,Zoé,F,20250,Casablanca,350,Maroc,\n"
                                      + Self.start.replacingOccurrences(of: "C001", with: "C002") + ",,,M,,,131,Belgique,\n")
        #expect(batch.candidates[0].candidate.bornOn == "née le 3 février 1990 à Casablanca (Maroc)")
        #expect(batch.candidates[0].candidate.identity.birthPlaceCode == "20250")
        #expect(batch.candidates[1].candidate.bornOn == "né le 3 février 1990 à Belgique")
    }

    @Test func withoutTheColumnsTheFamilyNameIsTheBirthNameAndTheGivenNamesStandIn() throws {
        let c = try #require(try Fixtures.read().candidates.first?.candidate)
        #expect(c.identity == CivilIdentity())
        #expect(c.birthName == "Lefèvre" && c.firstNames == ["Zoé"])
        #expect(c.bornOn == "né(e) le 3 février 1990")
    }

    /// (the identity columns after `start`'s empty birth_name, the column at fault, a word of the message).
    static let bad: [(String, String, String)] = [
        (",Dupont2,,,,,,,", "usage_name", "chiffre"),
        (",,Zoé,X,,,,,", "sex", "M ou F"),
        (",,,,6912,Lyon,,,", "birth_place_code", "5 caractères"),
        (",,,,20004,Ajaccio,,,", "birth_place_code", "2A ou 2B"),
        (",,,,99350,Casablanca,,,", "birth_place_code", "pays étranger"),
        (",,,,00123,Nulle part,,,", "birth_place_code", "5 caractères"),
        (",,,,97911,Nulle part,,,", "birth_place_code", "5 caractères"),
        (",,,,69123,,,,", "birth_place", "manquante"),
        (",,,,,,100,France,", "birth_country_code", "France"),
        (",,,,,,99350,Maroc,", "birth_country_code", "3 chiffres"),
        (",,,,,,,Maroc,", "birth_country_code", "manquant"),
        (",,,,ABCDEFGHIJ,Ville,350,Maroc,", "birth_place_code", "code postal étranger"),
        (",," + String(repeating: "a", count: 61) + ",,,,,,", "first_names", "trop long"),
    ]

    @Test(arguments: 0..<bad.count)
    func eachBadValueIsRefusedAtItsColumn(_ index: Int) {
        let (columns, column, word) = Self.bad[index]
        let error = Fixtures.error { try Fixtures.read(candidates: Self.header + "\n" + Self.start + columns + "\n") }
        #expect(error?.location.line == 2)
        #expect(error?.location.columnName == column)
        #expect(error?.problem.contains(word) == true, "\(error?.message ?? "no error")")
    }

    @Test func franceWrittenOutIsFrance() throws {
        let c = try #require(try Fixtures.read(candidates: Self.header + "\n" + Self.start + ",,,,69123,Lyon,,France,\n")
            .candidates.first?.candidate)
        #expect(c.identity.birthCountry == nil && !c.identity.bornAbroad)
        #expect(c.bornOn == "né(e) le 3 février 1990 à Lyon")
    }
}
