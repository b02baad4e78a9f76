import CertifolioCore
import Foundation

/// Tells a PDF, an ODT or a DOCX by its content, whatever its name says: an executable
/// renamed `.pdf` is none of them.
///
/// - PDF: `%PDF-` within the first 1 024 bytes (where readers look for it).
/// - ODT: a ZIP whose first entry is `mimetype`, stored, holding
///   `application/vnd.oasis.opendocument.text` (ODF 1.2, part 3, §3.3).
/// - DOCX: a ZIP whose central directory lists `[Content_Types].xml` and `word/document.xml`
///   (ECMA-376 part 2, the OPC package of a WordprocessingML document).
public enum DocumentSniffer {
    public static func kind(ofFileAt path: String) -> DocumentKind? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 1024).map(Array.init), !head.isEmpty else { return nil }
        if contains(head, Array("%PDF-".utf8)) { return .pdf }
        guard head.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return nil }
        if isODT(head) { return .odt }
        let names = zipEntryNames(handle)
        if names.contains("[Content_Types].xml"), names.contains("word/document.xml") { return .docx }
        return nil
    }

    static func isODT(_ head: [UInt8]) -> Bool {
        guard head.count >= 30 else { return false }
        let nameLength = Int(le16(head, 26)), extraLength = Int(le16(head, 28))
        let compression = le16(head, 8)
        let nameStart = 30, dataStart = 30 + nameLength + extraLength
        guard compression == 0, head.count >= dataStart,
              Array(head[nameStart..<nameStart + nameLength]) == Array("mimetype".utf8) else { return false }
        return head[dataStart...].starts(with: Array("application/vnd.oasis.opendocument.text".utf8))
    }

    /// The names in a ZIP's central directory (empty when it has none that reads).
    static func zipEntryNames(_ handle: FileHandle) -> Set<String> {
        guard let size = try? handle.seekToEnd(), size >= 22 else { return [] }
        // The end-of-central-directory record is in the last 22 + 65 535 (comment) bytes.
        let tailLength = min(size, 22 + 65_535)
        guard (try? handle.seek(toOffset: size - tailLength)) != nil,
              let tail = try? handle.read(upToCount: Int(tailLength)).map(Array.init), tail.count >= 22 else { return [] }
        var end = tail.count - 22
        while end >= 0, !(tail[end] == 0x50 && tail[end + 1] == 0x4B && tail[end + 2] == 0x05 && tail[end + 3] == 0x06) {
            end -= 1
        }
        guard end >= 0 else { return [] }
        let directorySize = UInt64(le32(tail, end + 12)), directoryOffset = UInt64(le32(tail, end + 16))
        guard directorySize <= 16 << 20, directoryOffset + directorySize <= size,
              (try? handle.seek(toOffset: directoryOffset)) != nil,
              let directory = try? handle.read(upToCount: Int(directorySize)).map(Array.init) else { return [] }
        var names: Set<String> = []
        var at = 0
        while at + 46 <= directory.count, le32(directory, at) == 0x0201_4B50 {
            let nameLength = Int(le16(directory, at + 28))
            let skip = nameLength + Int(le16(directory, at + 30)) + Int(le16(directory, at + 32))
            guard at + 46 + nameLength <= directory.count else { break }
            names.insert(String(decoding: directory[at + 46..<at + 46 + nameLength], as: UTF8.self))
            at += 46 + skip
        }
        return names
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard bytes.count >= needle.count else { return false }
        return (0...bytes.count - needle.count).contains { bytes[$0..<$0 + needle.count].elementsEqual(needle) }
    }

    private static func le16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }

    private static func le32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}
