import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// The fields of a submitted form, URL-encoded or multipart (file uploads). A field may
/// repeat (check boxes); files keep their bytes.
public struct FormFields: Sendable {
    private(set) var values: [String: [String]] = [:]
    private(set) var files: [String: [UInt8]] = [:]

    public init(values: [String: [String]] = [:], files: [String: [UInt8]] = [:]) {
        self.values = values
        self.files = files
    }

    /// The first value of a field, trimmed; nil when absent.
    public subscript(_ name: String) -> String? {
        values[name]?.first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Every value of a repeated field, in order.
    public func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The bytes of an uploaded file; nil when no file was chosen.
    public func file(_ name: String) -> [UInt8]? {
        guard let bytes = files[name], !bytes.isEmpty else { return nil }
        return bytes
    }

    static func parse(body: ByteBuffer, contentType: String?) throws -> FormFields {
        let type = contentType?.lowercased() ?? ""
        if type.hasPrefix("multipart/form-data") {
            guard let boundary = Self.boundary(contentType ?? "") else {
                throw HTTPError(.badRequest, message: "Envoi de fichiers mal formé (pas de délimiteur).")
            }
            return try multipart(body, boundary: boundary)
        }
        return urlEncoded(String(buffer: body))
    }

    /// `a=1&b=deux+mots` as browsers send a form.
    static func urlEncoded(_ text: String) -> FormFields {
        var fields = FormFields()
        for pair in text.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            fields.values[decode(parts[0]), default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
        return fields
    }

    private static func boundary(_ contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    private static func multipart(_ body: ByteBuffer, boundary: String) throws -> FormFields {
        var fields = FormFields()
        var headers: [(String, String)] = []
        var content = ByteBuffer()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { headers.append(($0, $1)) }
        parser.onBody = { content.writeBuffer(&$0) }
        parser.onPartComplete = {
            let disposition = headers.first { $0.0.lowercased() == "content-disposition" }?.1 ?? ""
            if let name = Self.dispositionParameter("name", disposition) {
                if Self.dispositionParameter("filename", disposition) != nil {
                    fields.files[name] = Array(content.readableBytesView)
                } else {
                    fields.values[name, default: []].append(String(buffer: content))
                }
            }
            headers = []
            content = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            throw HTTPError(.badRequest, message: "Envoi de fichiers mal formé.")
        }
        return fields
    }

    private static func dispositionParameter(_ key: String, _ disposition: String) -> String? {
        for parameter in disposition.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces) == key {
                return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }
}
