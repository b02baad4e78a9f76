import Foundation

/// A person's name reduced to what identifies them, so that the evaluator written in
/// events.csv ("Mme Sophie N'Diaye") and the jury member ("Sophie N’DIAYE") are the same person.
///
/// Case, accents, punctuation, spacing and a leading civility (M., Mme, Mlle, Dr, Pr, Monsieur,
/// Madame) are ignored.
public struct PersonName: Hashable, Sendable {
    public let key: String

    private static let civilities: Set<String> = ["m", "mme", "mlle", "mr", "dr", "pr", "monsieur", "madame",
                                                  "mademoiselle"]

    public init(_ written: String) {
        let folded = written.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var words = folded.split { !($0.isLetter || $0.isNumber) }.map(String.init)
        while words.count > 1, let first = words.first, Self.civilities.contains(first) { words.removeFirst() }
        key = words.joined(separator: " ")
    }
}
