import CertifolioCore
import CertifolioApp
import CertifolioRules
import Foundation

/// A field of a form with what is wrong with it, in French; the page shows the message next
/// to the field (and in a summary at the top).
public struct FieldError: Sendable, Equatable {
    public var field: String
    public var message: String
}

/// The evaluation form of the staff's candidate page. It decodes into an `EvaluationDraft`,
/// which the door checks as it checks a line of `events.csv` (`EvaluationCheck`); this form
/// only words the problems with its own fields.
public struct EvaluationForm: Sendable, Decodable {
    public var epreuve: String
    public var date: String
    public var score: String
    public var maxScore: String
    public var result: String
    public var comment: String
    public var reason: String
    /// The grid: the rating (`grille[cN]`) and comment (`remarque[cN]`) of the block's N-th
    /// competence, N from 1; empty when the page showed no grid.
    public var grid: [CompetenceDraft]
    /// The deposit assessed (`depot`), when the évaluateur came from the queue.
    public var deposit: String

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        epreuve = try c.text(.epreuve)
        date = try c.text(.date)
        score = try c.text(.score)
        maxScore = try c.text(.maxScore)
        result = try c.text(.result)
        comment = try c.text(.comment)
        reason = try c.text(.reason)
        deposit = try c.text(.deposit)
        let ratings = try c.decodeIfPresent([String: String].self, forKey: .ratings) ?? [:]
        let remarks = try c.decodeIfPresent([String: String].self, forKey: .remarks) ?? [:]
        // Keys "c1", "c2"…: Hummingbird's decoder would read a bare number as an array index.
        let numbers = (Array(ratings.keys) + Array(remarks.keys)).compactMap { $0.hasPrefix("c") ? Int($0.dropFirst()) : nil }
        let count = numbers.max() ?? 0
        guard count <= 100 else { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "grid")) }
        grid = count == 0 ? [] : (1...count).map { n in
            CompetenceDraft(rating: ratings["c\(n)"] ?? "", comment: remarks["c\(n)"] ?? "")
        }
    }

    enum CodingKeys: String, CodingKey {
        case epreuve, date, score = "note", maxScore = "bareme", result = "resultat", comment = "commentaire"
        case reason = "motif", ratings = "grille", remarks = "remarque", deposit = "depot"
    }

    public init(epreuve: String = "", date: String = "", score: String = "", maxScore: String = "",
                result: String = "", comment: String = "", reason: String = "", grid: [CompetenceDraft] = [],
                deposit: String = "") {
        self.epreuve = epreuve
        self.date = date
        self.score = score
        self.maxScore = maxScore
        self.result = result
        self.comment = comment
        self.reason = reason
        self.grid = grid
        self.deposit = deposit
    }

    /// The form filled with a recorded evaluation (what a correction starts from).
    public init(_ entry: EvaluationEntry) {
        let e = entry.event
        self.init(epreuve: Self.epreuveValue(e.component, e.modality), date: e.date.iso, score: e.score?.french ?? "",
                  maxScore: e.maxScore.french, result: e.result?.rawValue ?? "", comment: entry.comment ?? "",
                  grid: entry.grid.map { CompetenceDraft(rating: $0.rating.rawValue, comment: $0.comment ?? "") },
                  deposit: entry.deposit?.description ?? "")
    }

    /// The form's value of the épreuve select for a component and modality.
    public static func epreuveValue(_ component: Component, _ modality: ModalityID) -> String {
        "\(component.fileValue)|\(modality.rawValue)"
    }

    /// The component and modality of an épreuve value ("RNCP41818BC01|note_synthese"), as typed;
    /// empty strings for a value without its two parts (the check then says which is wrong).
    public static func epreuveParts(_ value: String) -> (component: String, modality: String) {
        let parts = value.split(separator: "|", maxSplits: 1).map(String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : ("", "")
    }

    /// The evaluation this form describes, before any check: the épreuve select holds
    /// "component|modality", a date may be typed the French way (jj/mm/aaaa).
    public func draft(evaluator: String) -> EvaluationDraft {
        let parts = Self.epreuveParts(epreuve)
        return EvaluationDraft(component: parts.component, modality: parts.modality,
                               date: Day(typed: date)?.iso ?? date, score: score, maxScore: maxScore,
                               result: result, evaluator: evaluator, reason: reason, grid: grid, deposit: deposit)
    }

    /// The problems of a refused evaluation, worded with this form's fields and as typed.
    public func errors(_ refused: EvaluationRefused) -> FormErrors {
        FormErrors(refused.problems.map { problem in
            switch problem {
            case .unknownComponent, .unknownFinalExam, .unknownModality:
                return FieldError(field: "epreuve", message: "choisissez l'épreuve évaluée (bloc et modalité, ou épreuve finale).")
            case .missingDate:
                return FieldError(field: "date", message: "la date de l'évaluation est obligatoire.")
            case .badDate:
                return FieldError(field: "date", message: "« \(date) » n'est pas une date (jj/mm/aaaa attendu).")
            case .futureDate(let day):
                return FieldError(field: "date", message: "la date du \(day.french) est dans le futur.")
            case .badNumber(.maxScore, _), .badScale:
                return FieldError(field: "bareme",
                                  message: "barème « \(maxScore) » invalide : un nombre positif est attendu (20 par exemple).")
            case .badNumber:
                return FieldError(field: "note", message: Self.badScore(score))
            case let .outOfScale(value, scale):
                return FieldError(field: "note", message: value.isNegative ? Self.badScore(score)
                                  : "la note \(value.french) dépasse le barème (\(scale.french)).")
            case .unknownResult:
                return FieldError(field: "resultat", message: "résultat « \(result) » inconnu.")
            case .noScoreNorResult:
                return FieldError(field: "note", message: "indiquez une note ou un résultat (acquis / non acquis).")
            case .missingReason:
                return FieldError(field: "motif", message: "une correction doit donner sa raison.")
            case .missingGrid:
                return FieldError(field: "grille", message: "évaluez chaque compétence du bloc dans la grille ci-dessous.")
            case .gridOutsideBlock, .gridMismatch:
                return FieldError(field: "grille", message: "la grille ne correspond pas à l'épreuve choisie : vérifiez-la.")
            case .unrated(let competence):
                return FieldError(field: "grille", message: "compétence non évaluée : « \(competence) ».")
            case .unknownDeposit:
                return FieldError(field: "epreuve", message: "le dépôt évalué n'est pas celui de cette épreuve.")
            }
        })
    }

    private static func badScore(_ typed: String) -> String {
        "note « \(typed) » invalide : un nombre positif est attendu (12,5 par exemple)."
    }
}

/// Every problem of a submitted form.
public struct FormErrors: Error, Sendable, Equatable {
    public var fields: [FieldError]
    public init(_ fields: [FieldError]) { self.fields = fields }

    public func message(for field: String) -> String? { fields.first { $0.field == field }?.message }
}
