import CertifolioCore
import CertifolioApp
import Foundation

/// A field of a form with what is wrong with it, in French; the page shows the message next
/// to the field (and in a summary at the top).
public struct FieldError: Sendable, Equatable {
    public var field: String
    public var message: String
}

/// The evaluation form of the staff's candidate page, checked the way the cohort files are:
/// an épreuve of the candidate's certification, a real date not in the future, a score within
/// the scale (French "12,5" or "12.5") or an explicit result.
public struct EvaluationForm: Sendable {
    public var epreuve: String
    public var date: String
    public var score: String
    public var maxScore: String
    public var result: String
    public var comment: String
    public var reason: String

    public init(_ fields: FormFields) {
        epreuve = fields["epreuve"] ?? ""
        date = fields["date"] ?? ""
        score = fields["note"] ?? ""
        maxScore = fields["bareme"] ?? ""
        result = fields["resultat"] ?? ""
        comment = fields["commentaire"] ?? ""
        reason = fields["motif"] ?? ""
    }

    public init(epreuve: String = "", date: String = "", score: String = "", maxScore: String = "",
                result: String = "", comment: String = "", reason: String = "") {
        self.epreuve = epreuve
        self.date = date
        self.score = score
        self.maxScore = maxScore
        self.result = result
        self.comment = comment
        self.reason = reason
    }

    /// The form filled with a recorded evaluation (what a correction starts from).
    public init(_ entry: EvaluationEntry) {
        let e = entry.event
        self.init(epreuve: Self.epreuveValue(e.component, e.modality), date: e.date.iso, score: e.score?.french ?? "",
                  maxScore: e.maxScore.french, result: e.result?.rawValue ?? "", comment: entry.comment ?? "")
    }

    /// The form's value of the épreuve select for a component and modality.
    public static func epreuveValue(_ component: Component, _ modality: ModalityID) -> String {
        "\(component.fileValue)|\(modality.rawValue)"
    }

    /// The event this form describes, or every problem found.
    public func event(referentiel: Referentiel, evaluator: String, today: Day,
                      requireReason: Bool = false) -> Result<EvaluationEvent, FormErrors> {
        var errors: [FieldError] = []
        func fail(_ field: String, _ message: String) { errors.append(FieldError(field: field, message: message)) }

        let evaluated = Self.parseEpreuve(epreuve, referentiel: referentiel)
        if evaluated == nil { fail("epreuve", "choisissez l'épreuve évaluée (bloc et modalité, ou épreuve finale).") }

        let day = Day(typed: date)
        if date.isEmpty {
            fail("date", "la date de l'évaluation est obligatoire.")
        } else if day == nil {
            fail("date", "« \(date) » n'est pas une date (jj/mm/aaaa attendu).")
        } else if let day, today < day {
            fail("date", "la date du \(day.french) est dans le futur.")
        }

        let scale = maxScore.isEmpty ? referentiel.evaluation.defaultMaxScore : ExactDecimal(parsing: Self.point(maxScore))
        if scale == nil || !(ExactDecimal.zero < scale!) {
            fail("bareme", "barème « \(maxScore) » invalide : un nombre positif est attendu (20 par exemple).")
        }
        var value: ExactDecimal?
        if !score.isEmpty {
            value = ExactDecimal(parsing: Self.point(score))
            if value == nil || value! < .zero {
                fail("note", "note « \(score) » invalide : un nombre positif est attendu (12,5 par exemple).")
                value = nil
            } else if let value, let scale, scale < value {
                fail("note", "la note \(value.french) dépasse le barème (\(scale.french)).")
            }
        }
        let outcome: EvaluationResult?
        switch result {
        case "": outcome = nil
        case "acquis": outcome = .acquis
        case "non_acquis": outcome = .nonAcquis
        default:
            outcome = nil
            fail("resultat", "résultat « \(result) » inconnu.")
        }
        if score.isEmpty && result.isEmpty {
            fail("note", "indiquez une note ou un résultat (acquis / non acquis).")
        }
        if requireReason && reason.isEmpty {
            fail("motif", "une correction doit donner sa raison.")
        }
        guard errors.isEmpty, let evaluated, let day, let scale else { return .failure(FormErrors(errors)) }
        return .success(EvaluationEvent(sequence: 0, component: evaluated.0, modality: evaluated.1, date: day,
                                        score: value, maxScore: scale, result: outcome, evaluator: evaluator))
    }

    /// "RNCP41818BC01|etude_de_cas" or "final|memoire", checked against the référentiel.
    static func parseEpreuve(_ text: String, referentiel: Referentiel) -> (Component, ModalityID)? {
        let parts = text.split(separator: "|", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        let modality = ModalityID(parts[1])
        if parts[0] == "final" {
            return referentiel.finalExams.contains { $0.id == modality } ? (.final, modality) : nil
        }
        guard let block = referentiel.block(BlockCode(parts[0])) else { return nil }
        let known = block.modalities.contains { $0.id == modality } || referentiel.evaluation.wholeBlockModality?.id == modality
        return known ? (.block(block.code), modality) : nil
    }

    private static func point(_ text: String) -> String { text.replacingOccurrences(of: ",", with: ".") }
}

/// Every problem of a submitted form.
public struct FormErrors: Error, Sendable, Equatable {
    public var fields: [FieldError]
    public init(_ fields: [FieldError]) { self.fields = fields }

    public func message(for field: String) -> String? { fields.first { $0.field == field }?.message }
}
