import CertifolioCore
import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The deposited files, beside the database (`certifolio.db.files/`): each content once, named
/// by its SHA-256 (`sha256/ab/abcd…`). A file is received into `incoming/` as it streams (memory
/// does not grow with it), flushed to disk, and moved into place inside the transaction that
/// records it, just before the commit: a crash leaves the deposit recorded with its file, or
/// nothing recorded and at most a stray file, which `sweep` removes.
public struct FileVault: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    var incoming: URL { root.appendingPathComponent("incoming", isDirectory: true) }

    /// Where a content is kept.
    public func path(of sha256: String) -> String {
        root.appendingPathComponent("sha256/\(sha256.prefix(2))/\(sha256)").path
    }

    /// A new file to receive, in `incoming/`, kept up to `limit` bytes.
    public func receive(name: String, limit: Int64) throws -> FileReceiver {
        try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
        return try FileReceiver(name: name, path: incoming.appendingPathComponent(UUID().uuidString + ".part").path,
                                limit: limit)
    }

    /// A file this program writes itself (an issued parchemin): made in `incoming/` by `make`,
    /// then hashed; `install` puts it in place inside the transaction that records it.
    public func make(name: String, _ make: (String) throws -> Void) throws -> ReceivedFile {
        try FileManager.default.createDirectory(at: incoming, withIntermediateDirectories: true)
        let path = incoming.appendingPathComponent(UUID().uuidString + ".part").path
        do {
            try make(path)
            Self.flush(path)
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
            guard let sha256 = Self.hash(path: path) else { throw StoreError.fileNotKept(name: name, detail: "illisible") }
            return ReceivedFile(name: name, path: path, size: size, sha256: sha256, kind: .pdf)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    /// Moves a received file into place (or drops it when that content is already kept), and
    /// flushes the directory so that the move survives a crash.
    func install(_ file: ReceivedFile) throws {
        let target = URL(fileURLWithPath: path(of: file.sha256))
        let folder = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: target.path) {
            try? FileManager.default.removeItem(atPath: file.path)
            return
        }
        guard rename(file.path, target.path) == 0 else {
            throw StoreError.fileNotKept(name: file.name, detail: String(cString: strerror(errno)))
        }
        Self.flush(folder.path)
    }

    /// Removes received files that were never recorded.
    public func discard(_ files: [ReceivedFile]) {
        for file in files { try? FileManager.default.removeItem(atPath: file.path) }
    }

    /// Recomputes a kept file's SHA-256: nil when it is missing.
    public func hash(of sha256: String) -> String? {
        Self.hash(path: path(of: sha256))
    }

    static func hash(path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Removes what a crash or a refusal left behind: files in `incoming/` and contents no
    /// deposit records, older than `age` seconds (a deposit under way elsewhere is younger).
    @discardableResult
    public func sweep(keeping recorded: Set<String>, olderThan age: TimeInterval = 3600) -> Int {
        let fm = FileManager.default
        let limit = Date().addingTimeInterval(-age)
        func old(_ path: String) -> Bool {
            ((try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date).map { $0 <= limit } ?? false
        }
        var removed = 0
        for name in (try? fm.contentsOfDirectory(atPath: incoming.path)) ?? [] {
            let path = incoming.appendingPathComponent(name).path
            if old(path), (try? fm.removeItem(atPath: path)) != nil { removed += 1 }
        }
        let kept = root.appendingPathComponent("sha256")
        for prefix in (try? fm.contentsOfDirectory(atPath: kept.path)) ?? [] {
            for name in (try? fm.contentsOfDirectory(atPath: kept.appendingPathComponent(prefix).path)) ?? []
                where !recorded.contains(name) {
                let path = kept.appendingPathComponent("\(prefix)/\(name)").path
                if old(path), (try? fm.removeItem(atPath: path)) != nil { removed += 1 }
            }
        }
        return removed
    }

    /// Flushes a file, or a directory's entries, to disk.
    static func flush(_ path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}

/// One file being received: bytes are hashed as they come and written up to `limit` (beyond
/// it only counted, so that the refusal can say the size); `finish` flushes it to disk.
public final class FileReceiver {
    public let name: String
    public let path: String
    private let handle: FileHandle
    private var hasher = SHA256()
    /// Bytes received so far (kept or only counted).
    public private(set) var size: Int64 = 0
    private var kept: Int64 = 0
    private let limit: Int64

    init(name: String, path: String, limit: Int64) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw StoreError.fileNotKept(name: name, detail: "impossible de créer \(path)")
        }
        self.name = name
        self.path = path
        self.handle = handle
        self.limit = limit
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        size += Int64(bytes.count)
        hasher.update(bufferPointer: bytes)
        let room = max(0, min(Int64(bytes.count), limit - kept))
        if room > 0 {
            try handle.write(contentsOf: Data(bytes: bytes.baseAddress!, count: Int(room)))
            kept += room
        }
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Flushes and closes the file; `kind` reads its content.
    public func finish(kind: (String) -> DocumentKind?) throws -> ReceivedFile {
        try handle.synchronize()
        try handle.close()
        let sha = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return ReceivedFile(name: name, path: path, size: size, sha256: sha, kind: size > 0 && size <= limit ? kind(path) : nil)
    }

    /// Closes and removes the file (a refused or interrupted upload).
    public func abandon() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: path)
    }
}
