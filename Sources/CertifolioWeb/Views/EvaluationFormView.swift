import CertifolioCore

/// The evaluation form as the page draws it: the épreuves of the candidate's certification
/// grouped by block, the values typed so far, and the message next to each wrong field.
struct EvaluationFormView {
    let action: String
    let groups: [OptionGroup]
    let epreuveError: String?
    let date: FieldView
    let score: FieldView
    let maxScore: FieldView
    /// The result chosen: empty (from the score), `acquis` or `non_acquis`.
    let result: String
    let resultError: String?
    let comment: String
    let reason: FieldView?
    let errors: [String]

    init(action: String, referentiel: Referentiel, form: EvaluationForm, errors: FormErrors?, isCorrection: Bool) {
        self.action = action
        let selected = form.epreuve
        var groups = referentiel.blocks.map { block in
            var modalities = block.modalities
            if let whole = referentiel.evaluation.wholeBlockModality { modalities.append(whole) }
            return OptionGroup(label: "\(block.code) — \(block.title)", options: modalities.map { m in
                let value = EvaluationForm.epreuveValue(.block(block.code), m.id)
                return SelectOption(value: value, label: "\(block.code) — \(m.label)", selected: value == selected)
            })
        }
        if !referentiel.finalExams.isEmpty {
            groups.append(OptionGroup(label: "Épreuves finales", options: referentiel.finalExams.map { exam in
                let value = EvaluationForm.epreuveValue(.final, exam.id)
                return SelectOption(value: value, label: "Épreuve finale — \(exam.label)", selected: value == selected)
            }))
        }
        self.groups = groups
        epreuveError = errors?.message(for: "epreuve")
        date = FieldView(value: form.date, error: errors?.message(for: "date"))
        score = FieldView(value: form.score, error: errors?.message(for: "note"))
        maxScore = FieldView(value: form.maxScore.isEmpty ? referentiel.evaluation.defaultMaxScore.french : form.maxScore,
                         error: errors?.message(for: "bareme"))
        result = form.result
        resultError = errors?.message(for: "resultat")
        comment = form.comment
        reason = isCorrection ? FieldView(value: form.reason, error: errors?.message(for: "motif")) : nil
        self.errors = errors?.fields.map(\.message.capitalizedFirst) ?? []
    }
}
