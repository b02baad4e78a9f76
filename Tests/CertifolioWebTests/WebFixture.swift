import CertifolioApp
import CertifolioCore
import CertifolioWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

/// A store holding the two sample référentiels and cohorts, one account per role, and an
/// open jury session (n° 1, RNCP41818) with the MEQP-2025 cohort convoked.
struct WebFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let samples = repository.appendingPathComponent("SampleCohorts")
    /// Every sample event and decision is in the past on this day.
    static let today = Day(iso: "2027-12-31")!
    static let password = "mot-de-passe-de-test"

    enum Who: String, CaseIterable, CustomStringConvertible {
        case anonymous, candidate, evaluator, manager, secretary
        var description: String { rawValue }

        var email: String? {
            switch self {
            case .anonymous: return nil
            case .candidate: return "mq013@example.fr"
            case .evaluator: return "perrot@example.fr"
            case .manager: return "gestion@example.fr"
            case .secretary: return "jury@example.fr"
            }
        }
    }

    let database: Certifolio

    init(depositLimit: Int64? = nil) throws {
        database = try Certifolio.inMemory(depositLimit: depositLimit)
        let actor = Actor("test")
        for code in ["RNCP41818", "RNCP36888"] {
            _ = try database.importReferentiel(file: Self.samples.appendingPathComponent("referentiels/\(code).yaml").path, actor: actor)
        }
        for cohort in ["meqp-2025", "remms-2025"] {
            _ = try database.importCohort(folder: Self.samples.appendingPathComponent(cohort).path,
                                           actor: actor)
        }
        let accounts = [
            AccountDraft(email: "mq013@example.fr", displayName: "Léa", role: .candidate, candidateID: "MQ013"),
            AccountDraft(email: "re001@example.fr", displayName: "RE001", role: .candidate, candidateID: "RE001"),
            AccountDraft(email: "perrot@example.fr", displayName: "Mme Agnès Perrot", role: .evaluator,
                           cohorts: ["MEQP-2025"]),
            AccountDraft(email: "gestion@example.fr", displayName: "Mme Claire Dubois", role: .manager),
            AccountDraft(email: "jury@example.fr", displayName: "M. Paul Renard", role: .secretary),
        ]
        for account in accounts {
            // Cost 4: the tests sign in often; the product hashes at cost 12.
            try database.createAccount(account, password: Self.password, actor: actor, cost: 4)
        }
        let session = try database.createJurySession(certification: "RNCP41818", date: Day(iso: "2027-06-30")!,
                                                     place: "Lyon", actor: actor)
        _ = try database.convoke(session, candidates: [], cohort: "MEQP-2025", actor: actor)
    }

    /// A one-file PDF deposit recorded through the door (what a candidate's upload records).
    @discardableResult
    func deposit(_ candidate: CandidateID, _ component: String, _ modality: String,
                 at moment: ParisTime = DepositWebTests.now) throws -> Deposit {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("depot-\(UUID().uuidString).pdf").path
        try Data(DepositWebTests.pdf).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try database.deposit(DepositDraft(candidate: candidate, component: component, modality: modality,
                                                 files: [try database.receiveFile(copying: path)]),
                                    at: moment, actor: Actor("test"))
    }

    /// The application on `WebFixture.today`, or at the moment `now` (Paris time).
    func application(now: ParisTime? = nil, logger: Logger? = nil) async throws -> some ApplicationProtocol {
        let today = now?.day ?? Self.today
        var clock: (@Sendable () -> ParisTime)?
        if let now { clock = { now } }
        return Application(router: try await WebApp.router(app: database, today: { today }, now: clock), logger: logger)
    }
}

/// A browser in miniature: keeps cookies, finds the forms' anti-forgery token in the last
/// page, and signs in.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    private var cookies: [String: String] = [:]
    private(set) var csrf = ""

    init(_ client: any TestClientProtocol) { self.client = client }

    struct Page {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String
        let bytes: [UInt8]
        var location: String? { headers[.location] }
    }

    @discardableResult
    func get(_ path: String) async throws -> Page {
        try await send(path, method: .get, headers: [:], body: nil)
    }

    /// Posts a URL-encoded form with the current token (unless `token` says otherwise).
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)] = [], token: String? = nil) async throws -> Page {
        let all = [("_csrf", token ?? csrf)] + fields
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                              body: ByteBuffer(string: body))
    }

    /// Posts files as a browser does (multipart/form-data).
    @discardableResult
    func upload(_ path: String, fields: [(String, String)] = [], files: [(String, String, [UInt8])],
                token: String? = nil) async throws -> Page {
        let boundary = "----certifolio-test-boundary"
        var body = ByteBuffer()
        for (name, value) in [("_csrf", token ?? csrf)] + fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for (name, filename, bytes) in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\n"
                             + "Content-Type: text/csv\r\n\r\n")
            body.writeBytes(bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return try await send(path, method: .post,
                              headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: body)
    }

    /// Signs in as `who` (nothing for anonymous); the page after sign-in provides the token.
    func signIn(_ who: WebFixture.Who) async throws {
        try await get("/connexion")
        guard let email = who.email else { return }
        let page = try await post("/connexion", [("email", email), ("mot_de_passe", WebFixture.password)])
        guard page.status == .seeOther, let home = page.location else {
            throw SignInFailed(who: who, status: page.status)
        }
        try await get(home)
    }

    struct SignInFailed: Error {
        let who: WebFixture.Who
        let status: HTTPResponse.Status
    }

    private func send(_ path: String, method: HTTPRequest.Method, headers: HTTPFields,
                      body: ByteBuffer?) async throws -> Page {
        var headers = headers
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        }
        let response = try await client.executeRequest(uri: path, method: method, headers: headers, body: body)
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let expired = line.lowercased().contains("max-age=0") || line.contains("1970")
            cookies[String(pair[0])] = expired ? nil : String(pair[1])
        }
        let bytes = Array(response.body.readableBytesView)
        let text = String(decoding: bytes, as: UTF8.self)
        if let range = text.range(of: "name=\"_csrf\" value=\"") {
            csrf = String(text[range.upperBound...].prefix { $0 != "\"" })
        }
        return Page(status: response.status, headers: response.headers, body: text, bytes: bytes)
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension Browser.Page {
    /// The page's text without tags and with entities read, for checking what a person sees.
    var text: String {
        body.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }
}
