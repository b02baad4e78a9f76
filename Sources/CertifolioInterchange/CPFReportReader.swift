import CertifolioCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The Caisse des Dépôts' processing report of a flux ("rapport de traitement"), as its
/// certifiers read it (Pix's public code reads the same elements): a `rapport` whose `PassagesOK`
/// lists the `idTechnique` of the passages accepted, and whose `passage` elements each give the
/// `idTechnique` and `messageErreur` of a passage refused. A refusal saying the passage already
/// exists ("existe déjà en base") is an acceptance: the holder is declared. Names are compared
/// without their namespace prefix and without case.
public enum CPFReportReader {
    public struct Report: Sendable, Equatable {
        public var accepted: [String]
        public var refused: [(idTechnique: String, message: String)]

        public static func == (a: Report, b: Report) -> Bool {
            a.accepted == b.accepted && a.refused.map(\.idTechnique) == b.refused.map(\.idTechnique)
                && a.refused.map(\.message) == b.refused.map(\.message)
        }
    }

    public static func read(data: Data, file: String) throws -> Report {
        // Foundation's XMLParser crashes on an element name that is not UTF-8 (found by fuzzing):
        // such a file is refused before it reaches the parser, at the line of its first bad byte.
        if String(validating: data, as: UTF8.self) == nil {
            let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            let line = (lines.firstIndex { String(validating: $0, as: UTF8.self) == nil } ?? 0) + 1
            throw InputError(SourceLocation(file: file, line: line),
                             "texte qui n'est pas de l'UTF-8 valide : ce n'est pas un rapport de traitement lisible.")
        }
        try refuseUnexpectedMarkup(data, file: file)
        let parser = XMLParser(data: data)
        let reader = Reader(file: file)
        parser.delegate = reader
        parser.shouldProcessNamespaces = false
        if !parser.parse() {
            if let problem = reader.problem { throw problem }
            throw InputError(SourceLocation(file: file, line: parser.lineNumber, column: parser.columnNumber),
                             "XML mal formé : ce n'est pas un rapport de traitement lisible.")
        }
        if let problem = reader.problem { throw problem }
        guard reader.path.isEmpty else {
            throw InputError(SourceLocation(file: file, line: parser.lineNumber), "XML tronqué : l'élément « "
                             + reader.path.last! + " » n'est pas fermé. Rien n'a été enregistré.")
        }
        guard reader.sawReport else {
            throw InputError(SourceLocation(file: file, line: 1), "ce fichier n'est pas un rapport de traitement de la "
                             + "Caisse des dépôts (élément racine « rapport » attendu).")
        }
        return Report(accepted: reader.accepted, refused: reader.refused)
    }

    /// Foundation's XMLParser also crashes on a processing instruction without data (`<?x?>`,
    /// found by libFuzzer), and a document type could declare entities to expand: a report has
    /// neither, only its XML declaration first. Anything else is refused at its line, unread.
    static func refuseUnexpectedMarkup(_ data: Data, file: String) throws {
        let bytes = [UInt8](data)
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if bytes[start...].starts(with: Array("<?xml".utf8)) {
            let rest = bytes[(start + 5)...]
            guard let space = rest.first, [0x20, 0x09, 0x0A, 0x0D].contains(space),
                  let end = rest.firstRange(of: Array("?>".utf8)) else {
                throw InputError(SourceLocation(file: file, line: 1), "déclaration XML mal formée : "
                                 + "ce n'est pas un rapport de traitement lisible.")
            }
            start = end.upperBound
        }
        for (what, marker) in [("une instruction de traitement", "<?"), ("une déclaration de type de document", "<!DOCTYPE"),
                               ("une déclaration d'entité", "<!ENTITY")] {
            if let found = bytes[start...].firstRange(of: Array(marker.utf8)) {
                let line = bytes[..<found.lowerBound].count { $0 == UInt8(ascii: "\n") } + 1
                throw InputError(SourceLocation(file: file, line: line), "\(what) (« \(marker) ») n'a pas sa place dans "
                                 + "un rapport de traitement : le fichier n'a pas été lu.")
            }
        }
    }

    private final class Reader: NSObject, XMLParserDelegate {
        let file: String
        var path: [String] = []
        var text = ""
        var sawReport = false
        var accepted: [String] = []
        var refused: [(idTechnique: String, message: String)] = []
        var passage: (id: String?, message: String?)?
        var problem: InputError?

        init(file: String) { self.file = file }

        static func local(_ name: String) -> String {
            String(name.split(separator: ":").last ?? Substring(name)).lowercased()
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let local = Self.local(name)
            if path.isEmpty { sawReport = local == "rapport" }
            path.append(local)
            text = ""
            if local == "passage" { passage = (nil, nil) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            let local = path.removeLast()
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            text = ""
            switch local {
            case "idtechnique" where passage != nil:
                passage?.id = value
            case "idtechnique" where path.last == "passagesok":
                guard !value.isEmpty else { return fail(parser, "idTechnique vide dans PassagesOK.") }
                accepted.append(value)
            case "messageerreur" where passage != nil:
                passage?.message = value
            case "passage":
                guard let id = passage?.id, !id.isEmpty else { return fail(parser, "passage refusé sans idTechnique.") }
                let message = passage?.message ?? ""
                if message.lowercased().contains("existe déjà") {
                    accepted.append(id)
                } else {
                    refused.append((id, message.isEmpty ? "refusé sans message" : message))
                }
                passage = nil
            default:
                break
            }
        }

        private func fail(_ parser: XMLParser, _ message: String) {
            problem = InputError(SourceLocation(file: file, line: parser.lineNumber, column: parser.columnNumber), message)
            parser.abortParsing()
        }
    }
}
