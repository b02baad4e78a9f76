/// A PDF that could not be written, in French, naming the file.
public struct PDFError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var detail: String

    public init(path: String, detail: String) {
        self.path = path
        self.detail = detail
    }

    public var description: String { "\(path) : impossible d'écrire le PDF (\(detail))." }
}
