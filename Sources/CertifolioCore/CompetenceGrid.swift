/// The competence grid of an evaluation (issue 12): each competence of the block, as the
/// référentiel lists it, rated by the évaluateur, with an optional comment. Part of the
/// append-only event: a correction is a new event with its own grid.

public enum CompetenceRating: String, Sendable, Equatable, CaseIterable {
    case acquis
    case partiellementAcquis = "partiellement_acquis"
    case nonAcquis = "non_acquis"

    public var label: String {
        switch self {
        case .acquis: return "acquis"
        case .partiellementAcquis: return "partiellement acquis"
        case .nonAcquis: return "non acquis"
        }
    }
}

/// One line of a grid as recorded: the competence's text (as the référentiel then said it).
public struct CompetenceAssessment: Sendable, Equatable {
    public var competence: String
    public var rating: CompetenceRating
    public var comment: String?

    public init(competence: String, rating: CompetenceRating, comment: String? = nil) {
        self.competence = competence
        self.rating = rating
        self.comment = comment
    }
}

/// One line of a grid as a form sends it, in the block's order of competences.
public struct CompetenceDraft: Sendable, Equatable {
    /// Empty, or a `CompetenceRating` raw value.
    public var rating: String
    public var comment: String

    public init(rating: String = "", comment: String = "") {
        self.rating = rating
        self.comment = comment
    }
}
