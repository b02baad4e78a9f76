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
    /// The grid of the chosen épreuve's block; nil for a final exam or before an épreuve is chosen.
    let grid: GridView?
    let gridErrors: [String]
    let deposit: String
    /// Links that choose a block's épreuve and show its grid (before one is chosen).
    let gridLinks: [(label: String, link: String)]

    struct GridView {
        let block: String
        let lines: [Line]
        struct Line {
            let number: Int
            let competence: String
            let rating: String
            let comment: String
        }
    }

    init(action: String, referentiel: Referentiel, form: EvaluationForm, errors: FormErrors?, isCorrection: Bool,
         chooseLink: ((String) -> String)? = nil) {
        self.action = action
        let parts = EvaluationForm.epreuveParts(form.epreuve)
        if parts.component != "final", let block = referentiel.block(BlockCode(parts.component)),
           !block.competences.isEmpty {
            grid = GridView(block: "\(block.code) — \(block.title)", lines: block.competences.enumerated().map { i, text in
                let line = i < form.grid.count ? form.grid[i] : CompetenceDraft()
                return GridView.Line(number: i + 1, competence: text, rating: line.rating, comment: line.comment)
            })
        } else {
            grid = nil
        }
        gridErrors = errors?.fields.filter { $0.field == "grille" }.map(\.message.capitalizedFirst) ?? []
        deposit = form.deposit
        gridLinks = form.epreuve.isEmpty ? (chooseLink.map { link in
            referentiel.blocks.flatMap { block in
                block.modalities.map { m in
                    (label: "\(block.code) — \(m.label)", link: link(EvaluationForm.epreuveValue(.block(block.code), m.id)))
                }
            }
        } ?? []) : []
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
