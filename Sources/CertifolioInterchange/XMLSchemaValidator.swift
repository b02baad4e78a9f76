#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Validates a document against an XML schema (XSD) with libxml2, found at run time in the
/// library every machine of this kind ships (`libxml2.so.2`): like cairo and pango, linking it
/// would need its `-dev` package at build time. Each signature is libxml2 2.9's own
/// (`xmlschemas.h`, `parser.h`, `tree.h`, `xmlerror.h`).
public struct XMLSchemaValidator: Sendable {
    /// One problem libxml2 reports: its line in the document and its message (English).
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    /// Why the validation could not run at all.
    public struct Unavailable: Error, Equatable, Sendable, CustomStringConvertible {
        public var detail: String
        public var description: String { detail }
    }

    private typealias Pointer = OpaquePointer
    private typealias ErrorHandler = @convention(c) (UnsafeMutableRawPointer?, UnsafeRawPointer?) -> Void

    private let schemaText: [UInt8]

    /// A schema by its text (the schema files Certifolio ships: `Schemas/`).
    public init(schema: [UInt8]) { schemaText = schema }

    /// The CPF accrochage schema, version 1.1.2 (the Caisse des Dépôts' kit).
    public static func cpfAccrochage() throws -> XMLSchemaValidator {
        guard let url = Bundle.module.url(forResource: "Schemas/accrochage-1.1.2", withExtension: "xsd")
                ?? Bundle.module.url(forResource: "accrochage-1.1.2", withExtension: "xsd", subdirectory: "Schemas"),
              let data = FileManager.default.contents(atPath: url.path) else {
            throw Unavailable(detail: "le schéma accrochage-1.1.2.xsd manque à l'installation de Certifolio.")
        }
        return XMLSchemaValidator(schema: [UInt8](data))
    }

    /// Every problem of `document` (empty: valid), in document order.
    public func problems(of document: [UInt8]) throws -> [Problem] {
        let lib = try Self.library.get()
        guard let parserContext = schemaText.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                lib.newMemParserContext($0, Int32(buffer.count))
            }
        }) else { throw Unavailable(detail: "libxml2 n'a pas pu lire le schéma.") }
        defer { lib.freeParserContext(parserContext) }
        guard let schema = lib.parse(parserContext) else { throw Unavailable(detail: "le schéma XSD est invalide.") }
        defer { lib.freeSchema(schema) }
        guard let validation = lib.newValidContext(schema) else { throw Unavailable(detail: "libxml2 : mémoire épuisée.") }
        defer { lib.freeValidContext(validation) }
        let collector = Collector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        lib.setStructuredErrors(validation, { context, error in
            guard let context, let error else { return }
            let collector = Unmanaged<Collector>.fromOpaque(context).takeUnretainedValue()
            // xmlError: int domain; int code; char *message; int level; char *file; int line; …
            let message = error.load(fromByteOffset: 8, as: UnsafePointer<CChar>?.self).map { String(cString: $0) } ?? ""
            let line = error.load(fromByteOffset: 32, as: Int32.self)
            collector.problems.append(Problem(line: Int(line),
                                              message: message.trimmingCharacters(in: .whitespacesAndNewlines)))
        }, box.toOpaque())
        let parseOptions: Int32 = 1 << 11 | 1 << 6 | 1 << 5  // XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR
        guard let doc = document.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                lib.readMemory($0, Int32(buffer.count), "flux.xml", "UTF-8", parseOptions)
            }
        }) else {
            return [Problem(line: 0, message: "document XML mal formé")]
        }
        defer { lib.freeDoc(doc) }
        let result = lib.validateDoc(validation, doc)
        if result != 0, collector.problems.isEmpty {
            collector.problems.append(Problem(line: 0, message: "document refusé par le schéma (code \(result))"))
        }
        return collector.problems
    }

    private final class Collector {
        var problems: [Problem] = []
    }

    /// The functions, loaded once.
    private struct Library: @unchecked Sendable {  // C function pointers: plain immutable addresses
        let newMemParserContext: @convention(c) (UnsafePointer<CChar>, Int32) -> Pointer?
        let parse: @convention(c) (Pointer) -> Pointer?
        let freeParserContext: @convention(c) (Pointer) -> Void
        let freeSchema: @convention(c) (Pointer) -> Void
        let newValidContext: @convention(c) (Pointer) -> Pointer?
        let freeValidContext: @convention(c) (Pointer) -> Void
        let setStructuredErrors: @convention(c) (Pointer, ErrorHandler?, UnsafeMutableRawPointer?) -> Void
        let readMemory: @convention(c) (UnsafePointer<CChar>, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32) -> Pointer?
        let validateDoc: @convention(c) (Pointer, Pointer) -> Int32
        let freeDoc: @convention(c) (Pointer) -> Void
    }

    private static let library: Result<Library, Unavailable> = {
        guard let handle = dlopen("libxml2.so.2", RTLD_NOW) else {
            return .failure(Unavailable(detail: "la bibliothèque libxml2.so.2 est introuvable sur cette machine : "
                                        + "installez le paquet Debian libxml2."))
        }
        func load<T>(_ name: String, as type: T.Type) throws(Unavailable) -> T {
            guard let symbol = dlsym(handle, name) else {
                throw Unavailable(detail: "libxml2.so.2 ne fournit pas \(name).")
            }
            return unsafeBitCast(symbol, to: type)
        }
        do {
            return .success(Library(
                newMemParserContext: try load("xmlSchemaNewMemParserCtxt", as: (@convention(c) (UnsafePointer<CChar>, Int32) -> Pointer?).self),
                parse: try load("xmlSchemaParse", as: (@convention(c) (Pointer) -> Pointer?).self),
                freeParserContext: try load("xmlSchemaFreeParserCtxt", as: (@convention(c) (Pointer) -> Void).self),
                freeSchema: try load("xmlSchemaFree", as: (@convention(c) (Pointer) -> Void).self),
                newValidContext: try load("xmlSchemaNewValidCtxt", as: (@convention(c) (Pointer) -> Pointer?).self),
                freeValidContext: try load("xmlSchemaFreeValidCtxt", as: (@convention(c) (Pointer) -> Void).self),
                setStructuredErrors: try load("xmlSchemaSetValidStructuredErrors",
                                              as: (@convention(c) (Pointer, ErrorHandler?, UnsafeMutableRawPointer?) -> Void).self),
                readMemory: try load("xmlReadMemory", as: (@convention(c) (UnsafePointer<CChar>, Int32, UnsafePointer<CChar>?,
                                                                           UnsafePointer<CChar>?, Int32) -> Pointer?).self),
                validateDoc: try load("xmlSchemaValidateDoc", as: (@convention(c) (Pointer, Pointer) -> Int32).self),
                freeDoc: try load("xmlFreeDoc", as: (@convention(c) (Pointer) -> Void).self)))
        } catch let error as Unavailable {
            return .failure(error)
        } catch {
            return .failure(Unavailable(detail: "\(error)"))
        }
    }()
}
