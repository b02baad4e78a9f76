import CertifolioApp
import CertifolioCore
import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A `multipart/form-data` body read as it arrives, for the routes that take documents (a
/// deposit): text fields are kept (they are small), each file goes straight to disk through
/// the door (`Certifolio.receiveFile`), so memory does not grow with the files. The anti-forgery
/// token must come before the first file (the form puts it first, and browsers send fields in
/// order): a forged request has nothing written for it.
///
/// `CSRFMiddleware` leaves these routes' bodies unread (`WebRoutes.streamed`).
struct StreamedUpload {
    private(set) var fields: [String: String] = [:]
    /// Files by field name, in the order sent; a file input left empty sends none.
    private(set) var files: [String: [ReceivedFile]] = [:]

    static let maxFiles = 10
    static let maxField = 64 << 10

    /// Reads the body; on any failure, every file received so far is removed.
    static func read(_ request: Request, context: WebContext, app: Certifolio) async throws -> StreamedUpload {
        guard let boundary = SubmittedForm.multipartBoundary(request.headers[.contentType]) else {
            throw HTTPError(.badRequest, message: "Formulaire mal formé : rechargez la page et recommencez.")
        }
        let state = State(app: app, token: context.csrfToken)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in state.header(name, value) }
        parser.onBody = { buffer in state.body(&buffer) }
        parser.onPartComplete = { state.complete() }
        do {
            for try await buffer in request.body {
                try parser.execute(buffer)
                if let failure = state.failure { throw failure }
            }
            if let failure = state.failure { throw failure }
            guard state.tokenChecked || CSRFMiddleware.same(state.upload.fields["_csrf"] ?? "", context.csrfToken),
                  !context.csrfToken.isEmpty else { throw State.forged }
        } catch {
            state.abandon()
            throw error
        }
        return state.upload
    }

    /// The parser's callbacks cannot throw: the first failure is kept and stops the writing.
    private final class State {
        static let forged = HTTPError(.forbidden, message: "Formulaire expiré ou falsifié : rechargez la page et recommencez.")
        static let tooMany = HTTPError(.contentTooLarge, message: "Trop de fichiers : \(maxFiles) au plus par envoi.")

        let app: Certifolio
        let token: String
        var upload = StreamedUpload()
        var failure: HTTPError?
        var tokenChecked = false
        private var name = ""
        private var filename: String?
        private var text: [UInt8] = []
        private var receiver: IncomingFile?
        private var count = 0

        init(app: Certifolio, token: String) {
            self.app = app
            self.token = token
        }

        func header(_ header: String, _ value: String) {
            guard header.lowercased() == "content-disposition" else { return }
            name = Self.parameter("name", in: value) ?? ""
            filename = Self.parameter("filename", in: value)
        }

        func body(_ buffer: inout ByteBuffer) {
            guard failure == nil else { return }
            guard let filename, !filename.isEmpty else {
                text.append(contentsOf: buffer.readableBytesView)
                if text.count > maxField { failure = HTTPError(.contentTooLarge) }
                return
            }
            do {
                if receiver == nil {
                    // The token first: nothing of a forged request reaches the disk.
                    guard !token.isEmpty, CSRFMiddleware.same(upload.fields["_csrf"] ?? "", token) else {
                        failure = Self.forged
                        return
                    }
                    tokenChecked = true
                    count += 1
                    guard count <= maxFiles else {
                        failure = Self.tooMany
                        return
                    }
                    receiver = try app.receiveFile(name: filename)
                }
                try buffer.readableBytesView.withContiguousStorageIfAvailable { try receiver?.write(UnsafeRawBufferPointer($0)) }
                    ?? receiver?.write(Array(buffer.readableBytesView))
                // Somewhat over the limit, the file is counted to the end so that the page can say its
                // size; far over it, the upload stops here.
                if let receiver, receiver.size > 2 * app.depositLimit {
                    failure = HTTPError(.contentTooLarge, message: "« \(filename) » dépasse de loin la limite de "
                                        + "\(DepositProblem.megabytes(app.depositLimit)) par fichier : rien n'a été déposé.")
                }
            } catch {
                failure = HTTPError(.internalServerError, message: "Le fichier n'a pas pu être reçu ; rien n'a été déposé.")
            }
        }

        func complete() {
            defer { name = ""; filename = nil; text = []; receiver = nil }
            guard failure == nil else {
                receiver?.abandon()
                return
            }
            if let receiver {
                do {
                    upload.files[name, default: []].append(try app.finish(receiver))
                } catch {
                    receiver.abandon()
                    failure = HTTPError(.internalServerError, message: "Le fichier n'a pas pu être reçu ; rien n'a été déposé.")
                }
            } else if filename == nil {
                upload.fields[name] = String(decoding: text, as: UTF8.self)
            }
        }

        func abandon() {
            receiver?.abandon()
            app.discard(upload.files.values.flatMap { $0 })
        }

        /// `name="x"` in a Content-Disposition value (quotes and `\"` as browsers write them).
        static func parameter(_ key: String, in value: String) -> String? {
            for part in value.split(separator: ";").dropFirst() {
                let pair = part.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
                var text = pair[1].trimmingCharacters(in: .whitespaces)
                if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
                return text.replacingOccurrences(of: "\\\"", with: "\"")
            }
            return nil
        }
    }
}
