import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// The body of a POST as it came, read once by `CSRFMiddleware`; each route decodes it into
/// its own `Decodable` value, through Hummingbird's `URLEncodedFormDecoder` (a plain form) or
/// MultipartKit's `FormDataDecoder` (a form with files). A repeated field is named `name[]`
/// (check boxes), a field per item `name[key]` (the decision form).
public struct SubmittedForm: Sendable {
    let body: ByteBuffer
    let contentType: String?

    init(body: ByteBuffer = ByteBuffer(), contentType: String? = nil) {
        self.body = body
        self.contentType = contentType
    }

    /// The form as `T`; a body no browser would send is a 400 with a French message.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            if let boundary = multipartBoundary {
                return try FormDataDecoder().decode(T.self, from: body, boundary: boundary)
            }
            return try URLEncodedFormDecoder().decode(T.self, from: String(buffer: body))
        } catch {
            throw HTTPError(.badRequest, message: "Formulaire mal formé : rechargez la page et recommencez.")
        }
    }

    private var multipartBoundary: String? { Self.multipartBoundary(contentType) }

    /// The boundary of a `multipart/form-data` body; nil for any other.
    static func multipartBoundary(_ contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }
}

extension KeyedDecodingContainer {
    /// A text field: empty when absent, trimmed (what a person typed around it is not theirs).
    func text(_ key: Key) throws -> String {
        (try decodeIfPresent(String.self, forKey: key) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A field as typed, untrimmed (a password).
    func raw(_ key: Key) throws -> String {
        try decodeIfPresent(String.self, forKey: key) ?? ""
    }

    /// A repeated field (`name[]`): every value, in order.
    func texts(_ key: Key) throws -> [String] {
        try decodeIfPresent([String].self, forKey: key) ?? []
    }

    /// A chosen file's bytes; nil when no file was chosen (a browser sends an empty part).
    func file(_ key: Key) throws -> [UInt8]? {
        guard let data = try decodeIfPresent(Data.self, forKey: key), !data.isEmpty else { return nil }
        return Array(data)
    }
}

/// A form field by its name, for the forms whose field names are data (the civil-identity
/// fieldset, a cohort's files, one chosen file).
struct FormKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// The field of a form that takes one file.
protocol FileField {
    static var name: String { get }
}

/// A form of one chosen file (multipart): its bytes, nil when none was chosen.
struct OneFileForm<Field: FileField>: Decodable {
    let file: [UInt8]?

    init(from decoder: Decoder) throws {
        file = try decoder.container(keyedBy: FormKey.self).file(FormKey(Field.name))
    }
}

/// `referentiel`: a référentiel's YAML; `rapport`: the Caisse's processing report; `enquetes`: a surveys.csv.
enum ReferentielFile: FileField { static let name = "referentiel" }
enum CPFReportFile: FileField { static let name = "rapport" }
enum SurveysFile: FileField { static let name = "enquetes" }
