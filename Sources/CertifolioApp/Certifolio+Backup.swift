import CertifolioCore
import CertifolioStore
import Foundation

/// Everything that proves a database whole: SQLite's integrity check, the audit chain, every
/// deposited file and every kept parchemin against its SHA-256 (`audit verify`, and a restore
/// before it puts anything in place).
public struct IntegrityReport: Sendable {
    public var integrity: [String]
    public var audit: AuditVerification
    public var depositFiles: Int
    /// Deposited files erased past their retention period (`gdpr purge`): absent by design.
    public var erasedFiles: Int
    public var depositProblems: [DepositFileProblem]
    public var parchemins: Int
    public var brokenParchemins: [ParcheminEntry]

    /// The first failure, as `audit verify` reports it; nil when the database is whole.
    public var failure: UserFacingError? {
        if !integrity.isEmpty { return IntegrityCheckFailed(problems: integrity) }
        if case let .broken(entry, problem) = audit { return AuditChainBroken(entry: entry, problem: problem) }
        if !depositProblems.isEmpty { return DepositFilesBroken(problems: depositProblems) }
        if !brokenParchemins.isEmpty { return ParcheminFilesBroken(broken: brokenParchemins) }
        return nil
    }

    public var entries: Int {
        if case .intact(let entries) = audit { return entries }
        return 0
    }
}

/// SQLite found the file damaged.
public struct IntegrityCheckFailed: UserFacingError, Equatable {
    public var problems: [String]
    public var message: String {
        "le fichier de la base est endommagé (PRAGMA integrity_check) : " + problems.prefix(5).joined(separator: " ; ")
    }
}

/// Why a backup or a restore did nothing.
public enum BackupRefused: UserFacingError, Equatable {
    case targetExists(String)
    case missingBackup(String)
    /// The backup does not prove itself whole: what is wrong, first.
    case damaged(String, reason: String)

    public var message: String {
        switch self {
        case .targetExists(let path):
            return "\(path) existe déjà : rien n'a été écrit (une sauvegarde ou une restauration n'écrase jamais une base ; "
                + "choisissez un autre chemin ou déplacez l'existante)."
        case .missingBackup(let path):
            return "\(path) : sauvegarde introuvable."
        case let .damaged(path, reason):
            return "\(path) : sauvegarde refusée, rien n'a été restauré — \(reason)"
        }
    }
}

extension Certifolio {
    public func verifyIntegrity() throws -> IntegrityReport {
        let files = try verifyDepositedFiles()
        let parchemins = try verifyParcheminFiles()
        return IntegrityReport(integrity: try database.integrityProblems(), audit: try database.verifyAudit(),
                               depositFiles: files.files, erasedFiles: files.erased, depositProblems: files.problems,
                               parchemins: parchemins.files, brokenParchemins: parchemins.broken)
    }

    /// A consistent copy of the database at `path` (and its stored files in `path.files/`), made
    /// while the database is in use; never over an existing file. Returns the number of files.
    public func backup(to path: String) throws -> Int {
        for existing in [path, path + ".files"] where FileManager.default.fileExists(atPath: existing) {
            throw BackupRefused.targetExists(existing)
        }
        do {
            return try database.backup(to: path)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: path + ".files")
            throw error
        }
    }

    /// Puts the backup at `backup` back as the database at `path`: copied aside first, proven whole
    /// there (integrity, audit chain, every file's hash), then moved into place; never over an
    /// existing database, and the backup itself is left untouched.
    public static func restore(from backup: String, to path: String) throws -> IntegrityReport {
        let fm = FileManager.default
        guard fm.fileExists(atPath: backup) else { throw BackupRefused.missingBackup(backup) }
        for existing in [path, path + ".files"] where fm.fileExists(atPath: existing) {
            throw BackupRefused.targetExists(existing)
        }
        let staging = path + ".restauration-\(UUID().uuidString.prefix(8))"
        let suffixes = ["", "-wal", "-shm", ".files"]
        defer { for suffix in suffixes { try? fm.removeItem(atPath: staging + suffix) } }
        try fm.copyItem(atPath: backup, toPath: staging)
        if fm.fileExists(atPath: backup + ".files") { try fm.copyItem(atPath: backup + ".files", toPath: staging + ".files") }
        let report = try {
            let copy = try Certifolio.open(path: staging)
            return try copy.verifyIntegrity()
        }()
        if let failure = report.failure { throw BackupRefused.damaged(backup, reason: failure.message) }
        for suffix in suffixes where fm.fileExists(atPath: staging + suffix) {
            try fm.moveItem(atPath: staging + suffix, toPath: path + suffix)
        }
        return report
    }
}
