import CertifolioCore
import Foundation
import Hummingbird

/// Documents sent to the browser: written by the same report code as the CLI's, into a
/// temporary file that is sent a chunk at a time and removed.
enum Downloads {
    static func pdf(named filename: String, write: (String) throws -> Void) throws -> Response {
        try written(named: filename, type: "application/pdf", write: write)
    }

    /// A document `write` puts at the path it is given, sent as it is read back: the file is
    /// opened and unlinked at once, so nothing stays behind and the response holds one chunk
    /// of it at a time, whatever its size (a PV of a national session).
    static func written(named filename: String, type: String, write: (String) throws -> Void) throws -> Response {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("certifolio-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write(path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw HTTPError(.internalServerError, message: "Le document n'a pas pu être relu.")
        }
        return streamed(handle, type: type, filename: filename)
    }

    /// A file kept by the store (a deposited document, an issued parchemin), sent as it is.
    static func kept(_ path: String, type: String, filename: String) throws -> Response {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw HTTPError(.internalServerError, message: "Le fichier conservé est introuvable : prévenez le gestionnaire.")
        }
        return streamed(handle, type: type, filename: filename)
    }

    /// An open file sent 64 KiB at a time, then closed.
    private static func streamed(_ handle: FileHandle, type: String, filename: String) -> Response {
        var headers = PageRenderer.headers(type: type)
        headers[.contentDisposition] = disposition(filename)
        if let size = try? handle.seekToEnd(), (try? handle.seek(toOffset: 0)) != nil {
            headers[.contentLength] = String(size)
        }
        let body = ResponseBody { writer in
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    /// A list as CSV (UTF-8, a header line, fields quoted as `CSVField` quotes them): every
    /// list the staff read on a page can be taken away this way.
    static func csv(_ header: [String], _ rows: [[String]], filename: String, separator: Character = ",") -> Response {
        var text = header.joined(separator: String(separator)) + "\n"
        for row in rows { text += line(row, separator) }
        return file(ByteBuffer(string: text), type: "text/csv; charset=utf-8", filename: filename)
    }

    /// The same CSV from a reader that hands its rows over one at a time inside one read of the
    /// store (a cursor SQLite sorts): written to a temporary file, then sent from it.
    static func csvWritten(_ header: [String], filename: String, separator: Character = ",",
                           _ produce: (_ emit: ([String]) throws -> Void) throws -> Void) throws -> Response {
        try written(named: filename, type: "text/csv; charset=utf-8") { path in
            let file = try BufferedFile(path: path)
            do {
                try file.write(header.joined(separator: String(separator)) + "\n")
                try produce { try file.write(line($0, separator)) }
                try file.finish()
            } catch {
                file.discard()
                throw error
            }
        }
    }

    /// One CSV line, its fields quoted as `CSVField` quotes them.
    private static func line(_ fields: [String], _ separator: Character) -> String {
        fields.map { CSVField.quoted($0, separator: separator) }.joined(separator: String(separator)) + "\n"
    }

    /// The same CSV written as `produce` hands rows over (a page at a time): the response starts
    /// at once and never holds the whole list.
    static func csvStream(_ header: [String], filename: String, separator: Character = ",",
                          _ produce: @escaping @Sendable (_ emit: ([[String]]) async throws -> Void) async throws -> Void)
        -> Response {
        var headers = PageRenderer.headers(type: "text/csv; charset=utf-8")
        headers[.contentDisposition] = disposition(filename)
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: header.joined(separator: String(separator)) + "\n"))
            try await produce { rows in
                let text = rows.map { line($0, separator) }.joined()
                if !text.isEmpty { try await writer.write(ByteBuffer(string: text)) }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    /// What `gdpr export` writes of a candidate (donnees-personnelles.json, the deposited files,
    /// receipts and summary), as one ZIP.
    static func personalData(_ candidate: CandidateID, _ services: WebServices) throws -> Response {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certifolio-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try services.app.exportPersonalData(candidate, to: folder.path, asOf: services.today())
        var zip = ZipArchive()
        for name in (FileManager.default.subpaths(atPath: folder.path) ?? []).sorted() {
            var isFolder: ObjCBool = false
            let path = folder.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                  let data = FileManager.default.contents(atPath: path) else { continue }
            zip.add(name: name, data: [UInt8](data))
        }
        return file(ByteBuffer(bytes: zip.finished()), type: "application/zip",
                    filename: "donnees-personnelles-\(candidate).zip")
    }

    static func file(_ body: ByteBuffer, type: String, filename: String) -> Response {
        var headers = PageRenderer.headers(type: type)
        headers[.contentDisposition] = disposition(filename)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }

    /// `attachment` with the name as sent (a candidate's file may be "Mémoire « final ».pdf"):
    /// an ASCII fallback, and the UTF-8 name (RFC 6266, RFC 8187).
    static func disposition(_ filename: String) -> String {
        let ascii = String(filename.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
            ?? ascii
        return ascii == filename ? "attachment; filename=\"\(ascii)\""
            : "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
