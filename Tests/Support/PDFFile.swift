import Foundation

/// A PDF file opened for reading: its cross-reference table, its objects and its pages in order.
/// Enough for what cairo writes (a classic xref table, Flate streams); anything else is an error,
/// so that a test never passes on a file it could not read.
public struct PDFFile {
    public struct Unreadable: Error, CustomStringConvertible {
        public var description: String
    }

    let bytes: [UInt8]
    private var offsets: [Int: Int] = [:]

    public init(path: String) throws {
        try self.init(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    public init(bytes: [UInt8]) throws {
        self.bytes = bytes
        guard bytes.starts(with: Array("%PDF-".utf8)) else { throw Unreadable(description: "pas un PDF") }
        try readCrossReferences()
    }

    /// The page dictionaries, in the order of the page tree.
    public func pages() throws -> [[String: PDFObject]] {
        guard let root = try trailer()["Root"].map(resolve)?.dictionary,
              let tree = try root["Pages"].map(resolve)?.dictionary else {
            throw Unreadable(description: "pas d'arbre des pages")
        }
        var pages: [[String: PDFObject]] = []
        try collect(tree, into: &pages, depth: 0)
        return pages
    }

    /// An object with its references followed (one level).
    public func resolve(_ object: PDFObject) throws -> PDFObject {
        guard case .reference(let id) = object else { return object }
        return try self.object(id).value
    }

    /// The decoded data of a stream object (or of a reference to one).
    public func streamData(_ object: PDFObject) throws -> [UInt8] {
        guard case .reference(let id) = object else { throw Unreadable(description: "un flux doit être un objet indirect") }
        let (dictionary, data) = try self.object(id)
        guard let data, let entries = dictionary.dictionary else { throw Unreadable(description: "l'objet \(id) n'est pas un flux") }
        switch entries["Filter"] {
        case nil: return data
        case .name("FlateDecode")?: return try Inflate.bytes(data)
        case let other?: throw Unreadable(description: "filtre non pris en charge : \(other)")
        }
    }

    private func collect(_ node: [String: PDFObject], into pages: inout [[String: PDFObject]], depth: Int) throws {
        guard depth < 32 else { throw Unreadable(description: "arbre des pages trop profond") }
        if node["Type"] == .name("Page") {
            pages.append(node)
            return
        }
        for kid in node["Kids"]?.array ?? [] {
            guard let child = try resolve(kid).dictionary else { continue }
            try collect(child, into: &pages, depth: depth + 1)
        }
    }

    /// Object `id`: its value and, for a stream, its raw (still encoded) data.
    private func object(_ id: Int) throws -> (value: PDFObject, data: [UInt8]?) {
        guard let start = offsets[id] else { throw Unreadable(description: "objet \(id) absent de la table") }
        var scanner = PDFScanner(bytes, from: start)
        guard case .number(let number)? = scanner.next(), Int(number) == id,
              case .number? = scanner.next(), case .keyword("obj")? = scanner.next(),
              let value = scanner.next() else {
            throw Unreadable(description: "objet \(id) illisible à l'octet \(start)")
        }
        var ahead = scanner
        guard case .keyword("stream")? = ahead.next() else { return (value, nil) }
        var dataStart = ahead.offset
        if dataStart < bytes.count, bytes[dataStart] == 0x0D { dataStart += 1 }
        if dataStart < bytes.count, bytes[dataStart] == 0x0A { dataStart += 1 }
        guard let lengthObject = value.dictionary?["Length"],
              let length = try resolve(lengthObject).number.map(Int.init),
              length >= 0, dataStart + length <= bytes.count else {
            throw Unreadable(description: "longueur du flux \(id) illisible")
        }
        return (value, Array(bytes[dataStart..<(dataStart + length)]))
    }

    private func trailer() throws -> [String: PDFObject] {
        guard let at = lastIndex(of: "trailer") else { throw Unreadable(description: "pas de trailer") }
        var scanner = PDFScanner(bytes, from: at + "trailer".utf8.count)
        guard let dictionary = scanner.next()?.dictionary else { throw Unreadable(description: "trailer illisible") }
        return dictionary
    }

    /// The classic table that `startxref` points to (§7.5.4).
    private mutating func readCrossReferences() throws {
        guard let at = lastIndex(of: "startxref") else { throw Unreadable(description: "pas de startxref") }
        var scanner = PDFScanner(bytes, from: at + "startxref".utf8.count)
        guard let start = scanner.next()?.number.map(Int.init), start < bytes.count else {
            throw Unreadable(description: "startxref illisible")
        }
        scanner = PDFScanner(bytes, from: start)
        guard case .keyword("xref")? = scanner.next() else {
            throw Unreadable(description: "table de références croisées absente (flux de références non pris en charge)")
        }
        while case .number(let first)? = scanner.next(), case .number(let count)? = scanner.next() {
            for i in 0..<Int(count) {
                guard let offset = scanner.next()?.number, scanner.next()?.number != nil,
                      case .keyword(let kind)? = scanner.next() else {
                    throw Unreadable(description: "entrée \(Int(first) + i) de la table illisible")
                }
                if kind == "n" { offsets[Int(first) + i] = Int(offset) }
            }
        }
    }

    private func lastIndex(of word: String) -> Int? {
        let needle = Array(word.utf8)
        var i = bytes.count - needle.count
        while i >= 0 {
            if bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle { return i }
            i -= 1
        }
        return nil
    }
}
