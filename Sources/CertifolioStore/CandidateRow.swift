import CertifolioCore
import Foundation
import GRDB

/// A `candidate` row, read and written by column name; also the JSON that a rectification keeps
/// of the identity before and after (keyed by the same names, which are the candidates.csv
/// columns). `RecordLoader` reads the same columns by position in its hot loop (`columns`).
struct CandidateRow: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "candidate"

    var id: CandidateID
    var familyName: String
    var givenNames: String
    var birthDate: Day
    var email: String
    var birthName: String?
    var usageName: String?
    var firstNames: String?
    var sex: Sex?
    var birthPlaceCode: String?
    var birthPlace: String?
    var birthCountryCode: String?
    var birthCountry: String?
    var postalAddress: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, familyName = "family_name", givenNames = "given_names", birthDate = "birth_date", email
        case birthName = "birth_name", usageName = "usage_name", firstNames = "first_names", sex
        case birthPlaceCode = "birth_place_code", birthPlace = "birth_place"
        case birthCountryCode = "birth_country_code", birthCountry = "birth_country", postalAddress = "postal_address"
    }

    /// The columns in the order of `CodingKeys` (and of `RecordLoader`'s positional reads).
    static let columns = CodingKeys.allCases.map(\.rawValue)

    init(_ c: Candidate) {
        let i = c.identity
        id = c.id
        familyName = c.familyName
        givenNames = c.givenNames
        birthDate = c.birthDate
        email = c.email
        birthName = i.birthName
        usageName = i.usageName
        firstNames = i.firstNames.isEmpty ? nil : i.firstNames.joined(separator: " ")
        sex = i.sex
        birthPlaceCode = i.birthPlaceCode
        birthPlace = i.birthPlace
        birthCountryCode = i.birthCountryCode
        birthCountry = i.birthCountry
        postalAddress = i.postalAddress
    }

    var candidate: Candidate {
        Candidate(id: id, familyName: familyName, givenNames: givenNames, birthDate: birthDate, email: email,
                  identity: CivilIdentity(
                    birthName: birthName, usageName: usageName,
                    firstNames: firstNames.map { $0.split(separator: " ").map(String.init) } ?? [], sex: sex,
                    birthPlaceCode: birthPlaceCode, birthPlace: birthPlace, birthCountryCode: birthCountryCode,
                    birthCountry: birthCountry, postalAddress: postalAddress))
    }

    /// This row completed by `line`: the same person, enrolled the same way (id, names, birth
    /// date and e-mail equal), each civil-identity column of the line either empty, equal, or
    /// filling a column this row leaves empty. Nil when the line says something else.
    func completed(by line: CandidateRow) -> CandidateRow? {
        guard id == line.id, familyName == line.familyName, givenNames == line.givenNames,
              birthDate == line.birthDate, email == line.email else { return nil }
        var result = self
        func merge<Value: Equatable>(_ path: WritableKeyPath<CandidateRow, Value?>) -> Bool {
            guard let given = line[keyPath: path] else { return true }
            guard let kept = self[keyPath: path] else {
                result[keyPath: path] = given
                return true
            }
            return kept == given
        }
        let optionalTexts: [WritableKeyPath<CandidateRow, String?>] = [
            \.birthName, \.usageName, \.firstNames, \.birthPlaceCode, \.birthPlace, \.birthCountryCode,
            \.birthCountry, \.postalAddress,
        ]
        guard optionalTexts.allSatisfy(merge), merge(\.sex) else { return nil }
        return result
    }

    /// Sorted-key JSON, as a rectification keeps it.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    static func fromJSON(_ text: String) throws -> CandidateRow {
        try JSONDecoder().decode(CandidateRow.self, from: Data(text.utf8))
    }

    /// The columns whose values differ from `earlier`'s, by name, in the table's order.
    func changedColumns(from earlier: CandidateRow) throws -> [String] {
        let changed = try databaseChanges(from: earlier)
        return Self.columns.filter { changed[$0] != nil }
    }
}

/// `M` or `F`.
extension Sex: DatabaseValueConvertible {}
