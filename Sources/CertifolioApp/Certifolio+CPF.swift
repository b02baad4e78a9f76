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
    public func cpfAwards(asOf: Day) throws -> [CPFAward] { try database.cpfAwards(asOf: asOf) }

    /// The same, one at a time: `cpf status` and the declarations' CSV list a million of them
    /// in the memory of one.
    public func forEachCPFAward(asOf: Day, _ body: (CPFAward) throws -> Void) throws {
        try database.forEachCPFAward(asOf: asOf, body)
    }

    /// What the CPF page shows: how many awards are in force, to send and overdue, counted over
    /// them all, and the `showing` most urgent (a national certifier's page lists a few hundred,
    /// not a million; the CSV has them all).
    public func cpfOverview(asOf: Day, showing limit: Int = 500) throws -> CPFOverview {
        var overview = CPFOverview()
        try forEachCPFAward(asOf: asOf) { award in
            overview.total += 1
            if award.status.isDue { overview.due += 1 }
            if let left = award.daysLeft(on: asOf), left < 0 { overview.overdue += 1 }
            if overview.mostUrgent.count < limit { overview.mostUrgent.append(award) }
        }
        return overview
    }

    /// Writes the flux of every award due (never sent, or refused and to send again) to `path`:
    /// built from the records a page of holders at a time into a file beside `path`, checked
    /// against the Caisse's schema a page at a time (`CPFFluxCheck`), then recorded (passages, `sent`
    /// events, flux, audit) with the file put in place, all in one transaction: a refusal
    /// records nothing and writes nothing. Holders whose identity is incomplete are listed and
    /// left for later. The memory does not grow with the holders (docs/performance.md).
    public func exportCPF(to path: String, asOf: Day, actor: Actor) throws -> CPFExportSummary {
        guard let settings = try database.cpfSettings() else { throw CPFExportRefused.noSettings }
        let referentiels = try database.referentiels()
        return try database.writingCPFFlux(asOf: asOf, actor: actor) { flux in
            let fluxID = UUID().uuidString.lowercased()
            let timestamp = Today.offsetDateTime()
            var hash = SHA256()
            let file = try Self.unwritable(path) { try BufferedFile(path: path) { hash.update(data: $0) } }
            defer { file.discard() }  // after `finish` there is nothing left to discard
            let document = try CPFFlux.Document(id: fluxID, timestamp: timestamp, settings: settings) {
                try file.write($0)
            }
            let check = try CPFFluxCheck(id: fluxID, timestamp: timestamp, settings: settings)
            var incomplete: [CPFFlux.Missing] = []
            var passages = 0
            var certification: CertificationCode?
            try Self.forEachPassage(flux, referentiels, incomplete: &incomplete) { award, passage in
                if certification != award.certification {
                    certification = award.certification
                    try document.certification(award.certification)
                }
                try check.add(passage, of: award.certification, at: try document.passage(passage))
                try flux.send(award, idTechnique: passage.idTechnique, flux: fluxID)
                passages += 1
            }
            try document.finish()
            guard passages > 0 else { return CPFExportSummary(fluxID: nil, passages: 0, incomplete: incomplete) }
            let problems = try check.finish()
            guard problems.isEmpty else { throw CPFExportRefused.invalid(problems) }
            // Put in place just before the transaction commits: its hash is then whole, and a flux
            // that cannot be recorded is taken away again.
            try Self.unwritable(path) { try file.finish() }
            do {
                try flux.record(flux: fluxID, passages: passages,
                                sha256: hash.finalize().map { String(format: "%02x", $0) }.joined())
            } catch {
                try? FileManager.default.removeItem(atPath: path)
                throw error
            }
            return CPFExportSummary(fluxID: fluxID, passages: passages, incomplete: incomplete)
        }
    }

    /// Runs `write`, a failure to write the flux worded for its file.
    private static func unwritable<T>(_ path: String, _ write: () throws -> T) throws -> T {
        do {
            return try write()
        } catch {
            throw InputError(SourceLocation(file: path), "impossible d'écrire le fichier ; rien n'a été enregistré.")
        }
    }

    /// Each award due that can be declared, as its passage (an id kept from an earlier flux, or
    /// a new one); the holders the Caisse could not match go to `incomplete`.
    private static func forEachPassage(_ flux: CPFFluxWriting, _ referentiels: [CertificationCode: Referentiel],
                                       incomplete: inout [CPFFlux.Missing],
                                       _ body: (CPFAward, CPFFlux.Passage) throws -> Void) throws {
        try flux.forEachDue { award, candidate, enrolment in
            guard let referentiel = referentiels[enrolment.certification] else { return }
            guard let access = referentiel.route(enrolment.route)?.cpfAccess else {
                throw CPFExportRefused.routeWithoutAccessMode(referentiel.code, enrolment.route)
            }
            switch CPFFlux.Holder.of(candidate) {
            case .failure(let missing):
                incomplete.append(missing)
            case .success(let holder):
                try body(award, CPFFlux.Passage(
                    idTechnique: award.idTechnique ?? UUID().uuidString.lowercased(), candidate: award.candidate,
                    awardedOn: award.awardedOn, access: access, enrolledOn: enrolment.enrolledOn, holder: holder))
            }
        }
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
