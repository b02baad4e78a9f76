import CertifolioCore

/// A PDF that could not be written, in French, naming the file.
public struct PDFError: UserFacingError, Equatable {
    public var path: String
    public var detail: String

    public init(path: String, detail: String) {
        self.path = path
        self.detail = detail
    }

    public var message: String { "\(path) : impossible d'écrire le PDF (\(detail)) ; rien n'a été écrit." }
}
