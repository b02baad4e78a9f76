import CertifolioCore
import CertifolioInterchange
import CertifolioRules
import CertifolioStore
import Foundation

/// The candidate's portfolio: deposits for the épreuves handed in, their receipts, the
/// gestionnaire's extensions, and the check that every recorded file is still there (issue 12).
extension Certifolio {
    /// A file to receive for a deposit, streamed to disk beside the database (the web's upload);
    /// bytes beyond the limit are counted, not kept.
    public func receiveFile(name: String) throws -> IncomingFile {
        IncomingFile(try database.vault.receive(name: name, limit: depositLimit))
    }

    /// Finishes a received file: flushed to disk, its kind read from its content.
    public func finish(_ file: IncomingFile) throws -> ReceivedFile {
        try file.receiver.finish(kind: DocumentSniffer.kind(ofFileAt:))
    }

    /// Copies a file from disk for a deposit (`deposit add`), in chunks.
    public func receiveFile(copying path: String) throws -> ReceivedFile {
        guard let input = FileHandle(forReadingAtPath: path) else {
            throw InputError(SourceLocation(file: path), "fichier introuvable ou illisible ; rien n'a été déposé.")
        }
        defer { try? input.close() }
        let receiver = try receiveFile(name: URL(fileURLWithPath: path).lastPathComponent)
        do {
            while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
                try chunk.withUnsafeBytes { try receiver.write($0) }
            }
            return try finish(receiver)
        } catch {
            receiver.abandon()
            throw error
        }
    }

    /// Removes received files that were never recorded (what a refusal or a crash left).
    public func discard(_ files: [ReceivedFile]) { database.vault.discard(files) }

    /// Checks a deposit (`DepositCheck`) and records it as the next version of its épreuve.
    /// Refused or failed, nothing is recorded and its received files are removed.
    public func deposit(_ draft: DepositDraft, at moment: ParisTime, actor: Actor) throws -> Deposit {
        do {
            guard let context = try database.depositContext(draft.candidate) else {
                throw DepositRefused(problems: [.unknownCandidate(draft.candidate)])
            }
            guard let referentiel = context.referentiel else {
                throw StoreError.unknownCertification(context.enrolment.certification)
            }
            let check = DepositCheck(referentiel: referentiel, enrolment: context.enrolment, calendar: context.calendar,
                                     extensions: context.extensions, limit: depositLimit)
            let checked = try check.check(draft, at: moment).get()
            let files = zip(checked.files, checked.kinds).map { file, kind in
                DepositedFile(name: file.name, kind: kind, size: file.size, sha256: file.sha256)
            }
            return try database.recordDeposit(candidate: checked.candidate, component: checked.component,
                                              modality: checked.modality, at: checked.at, deadline: checked.deadline,
                                              files: files, received: checked.files, actor: actor)
        } catch {
            database.vault.discard(draft.files)
            throw error
        }
    }

    public func deposits(of candidate: CandidateID) throws -> [Deposit] { try database.deposits(of: candidate) }

    /// The épreuves a candidate hands in, in the référentiel's order (blocks, then final
    /// exams), each with its deadline in force and its deposits. The whole-block modality (VAE)
    /// is listed for a block only when it is dated for the cohort, extended or deposited.
    /// `referentiel`, when the caller holds the candidate's already, is not read again.
    public func depositSlots(of candidate: CandidateID, referentiel known: Referentiel? = nil) throws -> [DepositSlot] {
        guard let context = try database.depositContext(candidate, loadReferentiel: known == nil) else {
            throw StoreError.unknownCandidate(candidate)
        }
        guard let r = known ?? context.referentiel else {
            throw StoreError.unknownCertification(context.enrolment.certification)
        }
        return Self.slots(r, context, deposits: try database.deposits(of: candidate), limit: depositLimit)
    }

    static func slots(_ r: Referentiel, _ context: DepositContext, deposits: [Deposit], limit: Int64) -> [DepositSlot] {
        let check = DepositCheck(referentiel: r, enrolment: context.enrolment, calendar: context.calendar,
                                 extensions: context.extensions, limit: limit)
        var epreuves: [(Component, ModalityID)] = []
        for block in r.blocks {
            let component = Component.block(block.code)
            epreuves += block.modalities.filter { $0.submission == .document }.map { (component, $0.id) }
            if let whole = r.evaluation.wholeBlockModality, whole.submission == .document,
               check.deadline(component, whole.id) != nil
                || deposits.contains(where: { $0.component == component && $0.modality == whole.id }) {
                epreuves.append((component, whole.id))
            }
        }
        epreuves += r.finalExams.filter { $0.submission == .document }.map { (Component.final, $0.id) }
        return epreuves.map { component, modality in
            DepositSlot(component: component, modality: modality, label: r.epreuveName(component, modality),
                        deadline: check.deadline(component, modality),
                        extended: context.extensions.contains { $0.component == component && $0.modality == modality },
                        deposits: deposits.filter { $0.component == component && $0.modality == modality })
        }
    }

    public func deposit(_ id: DepositID) throws -> Deposit? { try database.deposit(id) }

    /// Every candidate of a cohort on every épreuve they hand in, with where they stand at
    /// `moment`: deposit awaited or late, deposited, assessed, published.
    public func cohortDepositLines(_ cohort: String, at moment: ParisTime) throws -> [CohortDepositLine] {
        let referentiels = try database.referentiels()
        return try database.candidateRecords(cohort: cohort).flatMap { record -> [CohortDepositLine] in
            // One snapshot per candidate (history, publication, deposits), the référentiels read once.
            guard let s = try database.candidateSnapshot(record.candidate.id),
                  let referentiel = referentiels[record.enrolment.certification] else { return [] }
            let (history, published) = (s.history, s.published)
            return Self.slots(referentiel, s.deposit, deposits: s.deposits, limit: depositLimit).map { slot in
                let events = history.filter { $0.event.component == slot.component && $0.event.modality == slot.modality }
                let state: DepositState
                if let latest = slot.deposits.last {
                    if let assessing = events.last(where: { $0.deposit == latest.id }) {
                        state = published.contains(assessing.id) ? .published : .assessed
                    } else {
                        state = .deposited
                    }
                } else if let last = events.last {
                    state = published.contains(last.id) ? .published : .assessed
                } else {
                    state = slot.isOpen(at: moment) ? .awaiting : .late
                }
                return CohortDepositLine(candidate: record.candidate, slot: slot, state: state)
            }
        }
    }

    /// The deposits awaiting assessment in `cohorts` (every cohort when nil), oldest first.
    public func awaitingAssessment(cohorts: [String]?) throws -> [Deposit] {
        try database.awaitingAssessment(cohorts: cohorts)
    }

    /// Where a recorded file's content is kept (a download reads it from there).
    public func storedFilePath(_ file: DepositedFile) -> String { database.vault.path(of: file.sha256) }

    /// Grants or replaces an extension of one candidate's deadline for an épreuve handed in.
    public func grantExtension(candidate: CandidateID, component: String, modality: String, until: String,
                               reason: String, actor: Actor) throws {
        guard let (enrolment, found) = try database.enrolmentWithReferentiel(of: candidate) else {
            throw StoreError.unknownCandidate(candidate)
        }
        guard let referentiel = found else {
            throw StoreError.unknownCertification(enrolment.certification)
        }
        let c = Component(fileValue: component)
        let m = ModalityID(modality)
        switch referentiel.submission(of: c, m) {
        case nil:
            throw DepositRefused(problems: [.notAnEpreuve(component: component, modality: modality,
                                                          certification: referentiel.code)])
        case .sitting?:
            throw DepositRefused(problems: [.takesNoDeposit(epreuve: referentiel.epreuveName(c, m))])
        case .document?:
            guard let time = ParisTime(typed: until) else {
                throw InputError(SourceLocation(file: "--until"),
                                 "« \(until) » : AAAA-MM-JJ HH:MM (heure de Paris) ou AAAA-MM-JJ attendu.")
            }
            try database.grantExtension(DeadlineExtension(candidate: candidate, component: c, modality: m, until: time,
                                                          reason: reason), actor: actor)
        }
    }

    /// Reads every recorded file again: the number checked, and each one missing or whose
    /// content no longer has its SHA-256.
    public func verifyDepositedFiles() throws -> (files: Int, erased: Int, problems: [DepositFileProblem]) {
        let deposits = try database.allDeposits()
        return (deposits.reduce(0) { $0 + $1.files.count { !$0.erased } }, deposits.reduce(0) { $0 + $1.files.count(where: \.erased) },
                deposits.flatMap { deposit in
            deposit.files.compactMap { file -> DepositFileProblem? in
                // Erased past its retention period (gdpr purge): its absence is what is recorded.
                if file.erased { return nil }
                guard let hash = database.vault.hash(of: file.sha256) else {
                    return DepositFileProblem(deposit: deposit, file: file, missing: true)
                }
                return hash == file.sha256 ? nil : DepositFileProblem(deposit: deposit, file: file, missing: false)
            }
        })
    }

    /// Removes stray files older than `age` seconds (`deposit add` and the server do it at start).
    @discardableResult
    public func sweepStrayFiles(olderThan age: TimeInterval = 3600) throws -> Int {
        database.vault.sweep(keeping: try database.recordedContents(), olderThan: age)
    }
}

/// A file being received for a deposit (the web's upload writes into it as the body arrives).
public final class IncomingFile {
    let receiver: FileReceiver

    init(_ receiver: FileReceiver) { self.receiver = receiver }

    public func write(_ bytes: UnsafeRawBufferPointer) throws { try receiver.write(bytes) }

    public func write(_ bytes: [UInt8]) throws { try receiver.write(bytes) }

    /// Bytes received so far.
    public var size: Int64 { receiver.size }

    /// Closes and removes it (a refused or interrupted upload).
    public func abandon() { receiver.abandon() }
}

/// A recorded file that is not where it should be, or not what it was.
public struct DepositFileProblem: UserFacingError, Equatable {
    public var deposit: Deposit
    public var file: DepositedFile
    public var missing: Bool

    public var message: String {
        "dépôt n° \(deposit.id) (candidat \(deposit.candidate), \(deposit.component.fileValue) / \(deposit.modality), "
            + "version \(deposit.version)) : le fichier « \(file.name) » "
            + (missing ? "est introuvable." : "a été modifié (son SHA-256 n'est plus \(file.sha256)).")
    }
}

/// Recorded files that are missing or altered: `audit verify` fails naming each deposit.
public struct DepositFilesBroken: UserFacingError, Equatable {
    public var problems: [DepositFileProblem]
    public init(problems: [DepositFileProblem]) { self.problems = problems }

    public var message: String {
        (problems.map(\.message) + [French.count(problems.count, "fichier déposé manquant ou modifié", "fichiers déposés manquants ou modifiés") + " : "
            + "restaurez-les depuis une sauvegarde."]).joined(separator: "\n")
    }
}
