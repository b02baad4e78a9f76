import CertifolioCore
import CertifolioInterchange
import CertifolioReports
import CertifolioRules
import Foundation

/// What leaves Certifolio of a candidate's portfolio: a deposit's receipt, and the whole
/// portfolio as a folder (every deposited file, each deposit's receipt, a summary of the record).
extension Certifolio {
    /// Writes the *accusé de dépôt* of a deposit; `candidate`, when given, must be its owner
    /// (a candidate's page asks only for their own).
    public func writeReceipt(_ id: DepositID, of candidate: CandidateID? = nil, to path: String) throws {
        guard let deposit = try database.deposit(id), candidate == nil || deposit.candidate == candidate else {
            throw StoreError.unknownDeposit(id)
        }
        guard let record = try database.candidateRecord(deposit.candidate),
              let referentiel = try database.referentiels()[record.enrolment.certification] else {
            throw StoreError.unknownCandidate(deposit.candidate)
        }
        try DepositReceiptPDF.write(deposit, candidate: record.candidate, referentiel: referentiel, to: path)
    }

    /// Copies every deposited file of a candidate into `folder` (`depots/<épreuve>/v<N>/`), with
    /// each deposit's receipt, and writes `resume.txt` (the record as `progress` words it, and
    /// the deposits) and `dossier.json` (the verdict, as `progress --json`). Returns the
    /// number of files copied.
    public func exportPortfolio(_ candidate: CandidateID, to folder: String, asOf day: Day) throws -> Int {
        guard let record = try database.candidateRecord(candidate) else { throw StoreError.unknownCandidate(candidate) }
        guard let referentiel = try database.referentiels()[record.enrolment.certification] else {
            throw StoreError.unknownCertification(record.enrolment.certification)
        }
        let deposits = try database.deposits(of: candidate)
        let fm = FileManager.default
        let root = URL(fileURLWithPath: folder, isDirectory: true)
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        let verdict = VerdictEngine.verdict(for: record, referentiel: referentiel, asOf: day)
        var summary = VerdictText.render(verdict, record: record, referentiel: referentiel)
        summary += "\n\nDépôts (\(deposits.count)) :\n"
        var copied = 0
        for deposit in deposits {
            let place = "depots/\(deposit.component.fileValue)_\(deposit.modality)/v\(deposit.version)"
            let target = root.appendingPathComponent(place, isDirectory: true)
            try fm.createDirectory(at: target, withIntermediateDirectories: true)
            summary += "- \(referentiel.epreuveName(deposit.component, deposit.modality)), version \(deposit.version), "
                + "déposée le \(deposit.at.french) (\(place)/)\n"
            for file in deposit.files {
                if file.erased {
                    summary += "    document effacé à l'échéance de sa durée de conservation — \(file.size) octets — "
                        + "SHA-256 \(file.sha256)\n"
                    continue
                }
                let copy = target.appendingPathComponent(Self.safeFileName(file.name))
                if fm.fileExists(atPath: copy.path) { try fm.removeItem(at: copy) }
                try fm.copyItem(atPath: storedFilePath(file), toPath: copy.path)
                summary += "    \(file.name) — \(file.size) octets — SHA-256 \(file.sha256)\n"
                copied += 1
            }
            try DepositReceiptPDF.write(deposit, candidate: record.candidate, referentiel: referentiel,
                                        to: target.appendingPathComponent("accuse-de-depot.pdf").path)
        }
        try summary.write(to: root.appendingPathComponent("resume.txt"), atomically: true, encoding: .utf8)
        try (VerdictJSON.line(verdict) + "\n").write(to: root.appendingPathComponent("dossier.json"),
                                                      atomically: true, encoding: .utf8)
        return copied
    }

    /// A name as sent, without any folder part or leading dot (a file of the export stays in it).
    static func safeFileName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let trimmed = String(last.drop(while: { $0 == "." }))
        return trimmed.isEmpty ? "fichier" : trimmed
    }
}
