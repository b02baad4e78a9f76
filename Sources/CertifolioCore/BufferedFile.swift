import Foundation

/// A text file written in large chunks and put in place whole: it is written beside its
/// destination under a temporary name and renamed at the end, so a reader never sees half of
/// it and a failure leaves nothing behind. `written` sees each chunk as it goes (to hash it).
public final class BufferedFile {
    private let path: String
    private let partial: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let written: ([UInt8]) -> Void

    public init(path: String, written: @escaping ([UInt8]) -> Void = { _ in }) throws {
        self.path = path
        self.written = written
        partial = path + ".partiel-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: partial, contents: nil),
              let handle = FileHandle(forWritingAtPath: partial) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 16)
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Writes what remains and puts the file in place (replacing one already there).
    public func finish() throws {
        do {
            try flush()
            try handle.close()
            if rename(partial, path) != 0 { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        } catch {
            discard()
            throw error
        }
    }

    /// Leaves nothing behind.
    public func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: partial)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        written(buffer)
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
