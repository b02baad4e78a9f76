import CertifolioCore
import CertifolioInterchange
import CertifolioStore
import Crypto
import Foundation

/// Why no CPF flux was written.
public enum CPFExportRefused: UserFacingError, Equatable {
    /// The certifier's identifiers at the Caisse are not recorded yet.
    case noSettings
    /// The file would not validate against the Caisse's schema: what is wrong, by candidate.
    case invalid([String])
    /// A route of a référentiel does not say its CPF access mode.
    case routeWithoutAccessMode(CertificationCode, AccessRouteID)

    public var message: String {
        switch self {
        case .noSettings:
            return "les identifiants du certificateur auprès de la Caisse des dépôts ne sont pas enregistrés : rien n'a été écrit."
        case .invalid(let problems):
            return "le fichier serait refusé par le schéma de la Caisse des dépôts :\n" + problems.joined(separator: "\n")
                + "\nRien n'a été écrit."
        case let .routeWithoutAccessMode(code, route):
            return "la voie « \(route) » du référentiel \(code) ne dit pas sa modalité d'accès CPF (clé cpf) : "
                + "réimportez le référentiel. Rien n'a été écrit."
        }
    }
}

/// What a CPF export did.
public struct CPFExportSummary: Sendable, Equatable {
    /// The flux's id; nil when nothing was due (no file written).
    public var fluxID: String?
    public var passages: Int
    /// Holders whose record lacks what the Caisse matches on: listed, not sent.
    public var incomplete: [CPFFlux.Missing]
}

extension Certifolio {
    public func cpfSettings() throws -> CPFSettings? { try database.cpfSettings() }

    public func setCPFSettings(_ settings: CPFSettings, actor: Actor) throws {
        try database.setCPFSettings(settings, actor: actor)
    }

    /// Every award in force on `asOf` with where its declaration stands, the most urgent first:
    /// overdue, then by days left; the accepted last.
    public func cpfAwards(asOf: Day) throws -> [CPFAward] {
        try database.cpfAwards(asOf: asOf).sorted { a, b in
            (a.daysLeft(on: asOf) ?? Int.max, a.candidate) < (b.daysLeft(on: asOf) ?? Int.max, b.candidate)
        }
    }

    /// Writes the flux of every award due (never sent, or refused and to send again) to `path`:
    /// built from the records, checked against the Caisse's schema *before* anything is written,
    /// then recorded (passages, `sent` events, flux, audit) with the file put in place in the
    /// same transaction. Holders whose identity is incomplete are listed and left for later.
    public func exportCPF(to path: String, asOf: Day, actor: Actor) throws -> CPFExportSummary {
        guard let settings = try database.cpfSettings() else { throw CPFExportRefused.noSettings }
        let due = try database.cpfAwards(asOf: asOf).filter(\.status.isDue)
        let referentiels = try database.referentiels()
        var incomplete: [CPFFlux.Missing] = []
        var byCertification: [CertificationCode: [CPFFlux.Passage]] = [:]
        var decisions: [String: (decision: Int64, candidate: CandidateID)] = [:]
        // The holders' identities and enrolments in one read (not a whole record per award).
        let people = Dictionary(uniqueKeysWithValues: try database.enrolledCandidates().map { ($0.candidate.id, $0) })
        for award in due {
            guard let record = people[award.candidate],
                  let referentiel = referentiels[record.enrolment.certification] else { continue }
            guard let access = referentiel.route(record.enrolment.route)?.cpfAccess else {
                throw CPFExportRefused.routeWithoutAccessMode(referentiel.code, record.enrolment.route)
            }
            switch CPFFlux.Holder.of(record.candidate) {
            case .failure(let missing):
                incomplete.append(missing)
            case .success(let holder):
                let id = award.idTechnique ?? UUID().uuidString.lowercased()
                decisions[id] = (award.decision, award.candidate)
                byCertification[referentiel.code, default: []].append(CPFFlux.Passage(
                    idTechnique: id, candidate: award.candidate, awardedOn: award.awardedOn, access: access,
                    enrolledOn: record.enrolment.enrolledOn, holder: holder))
            }
        }
        guard !decisions.isEmpty else { return CPFExportSummary(fluxID: nil, passages: 0, incomplete: incomplete) }
        let fluxID = UUID().uuidString.lowercased()
        let certifications = byCertification.keys.sorted().map { ($0, byCertification[$0]!) }
        let flux = CPFFlux.xml(id: fluxID, timestamp: Today.offsetDateTime(), settings: settings,
                               certifications: certifications)
        let bytes = Array(flux.text.utf8)
        let problems = try XMLSchemaValidator.cpfAccrochage().problems(of: bytes)
        guard problems.isEmpty else {
            throw CPFExportRefused.invalid(problems.map { problem in
                let who = flux.lines.first { $0.range.contains(problem.line) }.map { "\($0.candidate) : " } ?? ""
                return "\(who)ligne \(problem.line) : \(problem.message)"
            })
        }
        let sha256 = SHA256.hash(data: Data(bytes)).map { String(format: "%02x", $0) }.joined()
        let temporary = path + ".part"
        try database.recordCPFFlux(
            id: fluxID, asOf: asOf,
            passages: decisions.map { ($0.key, $0.value.decision, $0.value.candidate) }.sorted { $0.2 < $1.2 },
            sha256: sha256, actor: actor) {
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: temporary))
                guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            } catch {
                try? FileManager.default.removeItem(atPath: temporary)
                throw InputError(SourceLocation(file: path), "impossible d'écrire le fichier ; rien n'a été enregistré.")
            }
        }
        return CPFExportSummary(fluxID: fluxID, passages: decisions.count, incomplete: incomplete)
    }

    /// Records the Caisse's processing report (`CPFReportReader`): accepted passages are never sent
    /// again, refused ones are sent again once corrected.
    public func recordCPFReport(file: String, actor: Actor) throws -> (accepted: Int, refused: Int) {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputError(SourceLocation(file: file), "fichier introuvable ou illisible.")
        }
        return try recordCPFReport(data: data, name: (file as NSString).lastPathComponent, actor: actor)
    }

    /// The same, for a report received otherwise (an upload): `name` names it in errors and the audit.
    public func recordCPFReport(data: Data, name: String, actor: Actor) throws -> (accepted: Int, refused: Int) {
        let report = try CPFReportReader.read(data: data, file: name)
        return try database.recordCPFReport(source: name, accepted: report.accepted, refused: report.refused, actor: actor)
    }
}
