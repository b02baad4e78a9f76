import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Values written once to a temporary file, one JSON line each, and read back in order as
/// many times as needed. The file is unlinked as soon as it is open: it lives as long as the
/// spool, and a process killed midway leaves nothing behind.
///
/// Why: a document drawn twice (the PV counts its pages first) would otherwise compute its
/// content twice, or hold it all in memory; a spool keeps one value in memory at a time.
final class SpoolFile<Value: Codable> {
    /// Where the file was created (unlinked at once).
    let path: String
    private let file: UnsafeMutablePointer<FILE>
    private let encoder = JSONEncoder()
    private let decoder = JSONDecoder()
    private let failure: (String) -> Error
    /// Values written so far.
    private(set) var count = 0

    /// A new empty spool in the system's temporary folder; `failure` words why it cannot be had.
    init(failure: @escaping (String) -> Error) throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("certifolio-spool-\(UUID().uuidString).jsonl").path
        guard let file = fopen(path, "w+") else {
            throw failure("le fichier temporaire \(path) ne peut être créé")
        }
        unlink(path)
        self.file = file
        self.failure = failure
    }

    deinit { fclose(file) }

    func append(_ value: Value) throws {
        var line = try encoder.encode(value)
        line.append(UInt8(ascii: "\n"))
        let written = line.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == line.count else { throw failure(full) }
        count += 1
    }

    /// Every value written, in order.
    func forEach(_ body: (Value) throws -> Void) throws {
        guard fflush(file) == 0 else { throw failure(full) }
        rewind(file)
        defer { fseek(file, 0, SEEK_END) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        while true {
            let length = getline(&buffer, &capacity, file)
            guard length > 0, let buffer else { break }
            let line = Data(bytesNoCopy: buffer, count: length, deallocator: .none)
            try body(try decoder.decode(Value.self, from: line))
        }
        // getline says -1 at the end and on a failure alike: a spool is never read short.
        guard ferror(file) == 0 else { throw failure("le fichier temporaire n'a pu être relu dans \(folder)") }
    }

    private var folder: String { (path as NSString).deletingLastPathComponent }

    /// The file is unlinked: what fills up is the temporary folder's disk.
    private var full: String { "plus de place pour les fichiers temporaires dans \(folder)" }
}
