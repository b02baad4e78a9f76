import Foundation

/// A ZIP archive of already-compressed files (the session's notification PDFs), entries
/// stored as they are: local headers, the files, the central directory (APPNOTE 6.3, no
/// compression, UTF-8 names). Nothing on this machine writes ZIP for us, and stored entries
/// need no deflate.
struct ZipArchive {
    private(set) var bytes: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    mutating func add(name: String, data: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = CRC32.checksum(data)
        let offset = UInt32(bytes.count)
        // Local file header.
        bytes += le32(0x0403_4b50) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21)
        bytes += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count))
        bytes += le16(UInt16(nameBytes.count)) + le16(0) + nameBytes + data
        // Its central directory entry.
        directory += le32(0x0201_4b50) + le16(20) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(0x21)
        directory += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(data.count))
        directory += le16(UInt16(nameBytes.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset)
        directory += nameBytes
        count += 1
    }

    /// The archive, its central directory and end record appended.
    func finished() -> [UInt8] {
        let start = UInt32(bytes.count)
        return bytes + directory + le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(count)) + le16(UInt16(count))
            + le32(UInt32(directory.count)) + le32(start) + le16(0)
    }

    private func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xff), UInt8(v >> 8)] }
    private func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xff) } }
}

/// CRC-32 (IEEE 802.3), as ZIP checks each entry.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        (0..<8).reduce(UInt32(n)) { c, _ in c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }

    static func checksum(_ data: [UInt8]) -> UInt32 {
        ~data.reduce(~UInt32(0)) { c, byte in table[Int((c ^ UInt32(byte)) & 0xff)] ^ (c >> 8) }
    }
}
