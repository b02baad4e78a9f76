/// An evaluation as it comes, before any check: a line of `events.csv` or the staff's
/// evaluation form decode into this, and `EvaluationCheck` (CertifolioRules) checks it once.
/// Dates are ISO (a form converts a French date first); numbers take a point or a comma.
public struct EvaluationDraft: Sendable, Equatable {
    /// A block code of the certification, or `final`.
    public var component: String
    /// A modality of the block (or the whole-block modality), or a final exam.
    public var modality: String
    public var date: String
    public var score: String
    /// Empty: the référentiel's default scale.
    public var maxScore: String
    /// Empty, `acquis` or `non_acquis`.
    public var result: String
    public var evaluator: String
    /// Why a correction is made (required then); empty for a first record.
    public var reason: String
    /// The competence grid, one line per competence of the block in its order; empty when the
    /// source has none (`events.csv`).
    public var grid: [CompetenceDraft]
    /// The deposit assessed (its number), empty when none.
    public var deposit: String

    public init(component: String = "", modality: String = "", date: String = "", score: String = "",
                maxScore: String = "", result: String = "", evaluator: String = "", reason: String = "",
                grid: [CompetenceDraft] = [], deposit: String = "") {
        self.grid = grid
        self.deposit = deposit
        self.component = component
        self.modality = modality
        self.date = date
        self.score = score
        self.maxScore = maxScore
        self.result = result
        self.evaluator = evaluator
        self.reason = reason
    }
}

/// A field of an evaluation; the raw value is the `events.csv` column.
public enum EvaluationField: String, Sendable, CaseIterable {
    case component, modality, date, score
    case maxScore = "max_score"
    case result
    /// A correction's reason (no column of `events.csv`: a file records no correction).
    case reason
    /// The competence grid (the web form's; `events.csv` has none).
    case grid
    /// The deposit assessed.
    case deposit
}

/// What is wrong with an evaluation: the facts, and the field at fault. `message` words it
/// for a file (its columns); a form words the same facts with its own fields.
public enum EvaluationProblem: Sendable, Equatable {
    case unknownComponent(String, CertificationCode, blocks: [BlockCode])
    case unknownFinalExam(String, CertificationCode, known: [ModalityID])
    case unknownModality(String, block: BlockCode, allowed: [ModalityID])
    case missingDate
    case badDate(String)
    case futureDate(Day)
    case badNumber(EvaluationField, String)
    /// The scale is zero or negative.
    case badScale(ExactDecimal)
    /// The score is negative or above the scale.
    case outOfScale(ExactDecimal, scale: ExactDecimal)
    case unknownResult(String)
    case noScoreNorResult
    case missingReason
    /// A grid for an épreuve whose block lists no competences (a final exam).
    case gridOutsideBlock
    /// The grid does not have one line per competence of the block (a stale form).
    case gridMismatch(expected: Int, got: Int)
    /// A competence left unrated, or rated with an unknown word.
    case unrated(competence: String)
    case missingGrid(block: BlockCode)
    case unknownDeposit(String)

    public var field: EvaluationField {
        switch self {
        case .unknownComponent: return .component
        case .unknownFinalExam, .unknownModality: return .modality
        case .missingDate, .badDate, .futureDate: return .date
        case .badNumber(let field, _): return field
        case .badScale: return .maxScore
        case .outOfScale, .noScoreNorResult: return .score
        case .unknownResult: return .result
        case .missingReason: return .reason
        case .gridOutsideBlock, .gridMismatch, .unrated, .missingGrid: return .grid
        case .unknownDeposit: return .deposit
        }
    }

    public var message: String {
        switch self {
        case let .unknownComponent(text, code, blocks):
            return "composante « \(text) » inconnue pour \(code) : un code de bloc ("
                + blocks.map(\.rawValue).joined(separator: ", ") + ") ou final attendu."
        case let .unknownFinalExam(text, code, known):
            return "épreuve finale « \(text) » inconnue pour \(code). Épreuves finales : "
                + known.map(\.rawValue).joined(separator: ", ") + "."
        case let .unknownModality(text, block, allowed):
            return "modalité « \(text) » inconnue pour le bloc \(block). Modalités : "
                + allowed.map(\.rawValue).joined(separator: ", ") + "."
        case .missingDate:
            return "date manquante (format AAAA-MM-JJ)."
        case .badDate(let text):
            return "date « \(text) » invalide : une date réelle au format AAAA-MM-JJ est attendue."
        case .futureDate(let day):
            return "la date du \(day.french) est dans le futur."
        case let .badNumber(_, text):
            return "nombre « \(text) » invalide (par exemple 12,5 ou 12.5)."
        case .badScale(let scale):
            return "note maximale \(scale.french) invalide : elle doit être positive."
        case let .outOfScale(score, scale):
            return "note \(score.french) hors de l'échelle 0 à \(scale.french)."
        case .unknownResult(let text):
            return "résultat « \(text) » inconnu : acquis, non_acquis ou vide attendu."
        case .noScoreNorResult:
            return "ni note ni résultat : renseignez score ou result."
        case .missingReason:
            return "une correction doit donner sa raison."
        case .gridOutsideBlock:
            return "une grille de compétences ne s'applique qu'à une épreuve de bloc."
        case let .gridMismatch(expected, got):
            return "la grille compte " + French.count(got, "compétence", "compétences") + " au lieu des \(expected) du bloc : rechargez la page."
        case .unrated(let competence):
            return "compétence « \(competence) » non évaluée : acquis, partiellement acquis ou non acquis."
        case .missingGrid(let block):
            return "la grille des compétences du bloc \(block) est à remplir."
        case .unknownDeposit(let text):
            return "dépôt « \(text) » inconnu pour ce candidat et cette épreuve."
        }
    }
}

/// An evaluation refused: every problem, each with its field.
public struct EvaluationRefused: UserFacingError, Equatable {
    public var problems: [EvaluationProblem]

    public init(problems: [EvaluationProblem]) { self.problems = problems }

    public var message: String {
        problems.map { "\($0.field.rawValue) : \($0.message)" }.joined(separator: "\n")
            + "\nRien n'a été enregistré."
    }
}
