import CertifolioCore
import CertifolioReports
import CertifolioRules
import CertifolioStore
import Foundation

/// The parchemin register: each award gets one parchemin, numbered, made once and kept; later
/// requests return that same file. Anyone can check a parchemin's code on the public page.
extension Certifolio {
    /// A parchemin in the register and where its file is kept.
    public struct IssuedParchemin: Sendable {
        public var entry: ParcheminEntry
        /// The PDF made at issue (in the file vault).
        public var path: String
        /// False when the award already had its parchemin (nothing was written).
        public var issuedNow: Bool
    }

    /// Issues the parchemin of the candidate's title in force on `asOf`, or returns the one
    /// already issued for that award. Refused when no jury decision in force awards the title.
    public func issueParchemin(_ candidate: CandidateID, asOf: Day, place: String? = nil,
                               actor: Actor) throws -> IssuedParchemin {
        let document = try candidateDocument(candidate, issuedOn: asOf, place: place)
        guard let awarded = document.verdict.title.awardedOn,
              let decision = Self.awardingDecision(document.record, on: awarded) else {
            throw DocumentRefused.titleNotAwarded(candidate, document.referentiel.code)
        }
        let president = try database.session(ofDecision: decision).flatMap { id in
            try jurySession(id).president(in: document.referentiel)?.name
        }
        let (entry, issuedNow) = try database.issueParchemin(
            candidate: candidate, certification: document.referentiel.code, decision: decision, awardedOn: awarded,
            actor: actor) { serial, code, path in
            let issue = ParcheminIssue(serial: serial, verificationCode: code,
                                       verificationLink: document.profile?.verificationLink(code), president: president)
            try ParcheminPDF.write(document, issue: issue, to: path)
        }
        return IssuedParchemin(entry: entry, path: database.vault.path(of: entry.sha256), issuedNow: issuedNow)
    }

    /// Issues the parchemin of every candidate of a closed session who holds the title on
    /// `asOf` by its decision (those already issued are returned as they are).
    public func issueParchemins(session id: JurySessionID, asOf: Day, actor: Actor) throws -> [IssuedParchemin] {
        // The holders' ids first, then each parchemin in its own write, out of the reading snapshot.
        let holders = try withMinutes(id, asOf: asOf) { _, rows in
            var holders: [CandidateID] = []
            try rows.forEach { row in
                if row.standing.titleAwarded && row.inForce[.title]?.decision.decision == .valide {
                    holders.append(row.candidate.id)
                }
            }
            return holders
        }
        return try holders.map { try issueParchemin($0, asOf: asOf, actor: actor) }
    }

    /// A parchemin of the register by its serial.
    public func parchemin(serial: String) throws -> IssuedParchemin? {
        try database.parchemin(serial: serial).map {
            IssuedParchemin(entry: $0, path: database.vault.path(of: $0.sha256), issuedNow: false)
        }
    }

    /// The title decision that awards the title on `day`: `valide`, dated that day, not revoked.
    static func awardingDecision(_ record: CandidateRecord, on day: Day) -> Int64? {
        let revoked = Set(record.decisions.compactMap(\.revokes))
        return record.decisions.last {
            $0.component == .title && $0.decision == .valide && $0.date == day && !revoked.contains($0.id)
        }?.id
    }

    /// The candidate's parchemin in force: the one of their current award, if issued.
    public func currentParchemin(of candidate: CandidateID, asOf: Day) throws -> IssuedParchemin? {
        guard let record = try database.candidateRecord(candidate),
              let referentiel = try database.referentiels()[record.enrolment.certification] else { return nil }
        return try currentParchemin(record, verdict: VerdictEngine.verdict(for: record, referentiel: referentiel, asOf: asOf))
    }

    /// The same from a record and verdict already read (the candidate's page, read often): the
    /// register is asked only when the title is held.
    public func currentParchemin(_ record: CandidateRecord, verdict: Verdict) throws -> IssuedParchemin? {
        guard let awarded = verdict.title.awardedOn, let decision = Self.awardingDecision(record, on: awarded),
              let entry = try database.parchemins(of: record.candidate.id).first(where: { $0.decision == decision }) else {
            return nil
        }
        return IssuedParchemin(entry: entry, path: database.vault.path(of: entry.sha256), issuedNow: false)
    }

    /// A line of the register with the status anyone verifying it would read.
    public struct RegisterLine: Sendable {
        public var entry: ParcheminEntry
        public var holder: String
        public var status: ParcheminVerification.Status
    }

    /// The register, in serial order.
    public func parcheminRegister(certification: CertificationCode? = nil) throws -> [RegisterLine] {
        let entries = try database.parcheminRegister(certification: certification)
        let revoked = try database.revokedDecisions(among: entries.map(\.decision))
        let names = try database.parcheminHolders()
        return entries.map {
            RegisterLine(entry: $0, holder: names[$0.candidate] ?? $0.candidate.rawValue,
                         status: revoked.contains($0.decision) ? .annulled : .valid)
        }
    }

    /// What the public verification page shows for a typed code; nil for a code no parchemin
    /// carries (or that cannot be one).
    public func verifyParchemin(code typed: String) throws -> ParcheminVerification? {
        guard let code = VerificationCode.normalised(typed) else { return nil }
        return try database.verifyParchemin(code: code)
    }
}

extension Certifolio {
    /// Copies a kept file (an issued parchemin) to `path`, replacing what is there.
    public static func copyIssuedFile(_ kept: String, to path: String) throws {
        let fm = FileManager.default
        do {
            if fm.fileExists(atPath: path) { try fm.removeItem(atPath: path) }
            try fm.copyItem(atPath: kept, toPath: path)
        } catch {
            throw InputError(SourceLocation(file: path), "impossible d'écrire le fichier ; rien n'a été écrit.")
        }
    }
}

extension Certifolio {
    /// Every issued parchemin's kept file, rehashed: the ones missing or altered.
    public func verifyParcheminFiles() throws -> (files: Int, broken: [ParcheminEntry]) {
        let entries = try database.parcheminRegister()
        return (entries.count, entries.filter { database.vault.hash(of: $0.sha256) != $0.sha256 })
    }
}

/// `audit verify`: issued parchemins whose kept file is missing or altered.
public struct ParcheminFilesBroken: UserFacingError, Equatable {
    public var broken: [ParcheminEntry]

    public init(broken: [ParcheminEntry]) { self.broken = broken }

    public var message: String {
        (broken.map { "parchemin n° \($0.serial) (\($0.candidate)) : fichier conservé manquant ou modifié (SHA-256 attendu \($0.sha256))." }
         + ["Restaurez ces fichiers depuis une sauvegarde : un parchemin n'est jamais refait."]).joined(separator: "\n")
    }
}
