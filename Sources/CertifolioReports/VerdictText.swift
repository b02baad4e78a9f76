import CertifolioCore
import CertifolioRules

/// One candidate's verdict in plain French, for a person reading a terminal.
public enum VerdictText {
    public static func render(_ verdict: Verdict, record: CandidateRecord, referentiel: Referentiel) -> String {
        var lines: [String] = []
        let c = record.candidate
        lines.append("\(c.displayName) (\(c.id)) — \(referentiel.code) \(referentiel.title)")
        let route = referentiel.route(record.enrolment.route)?.label ?? record.enrolment.route.rawValue
        lines.append("Voie d'accès : \(route) · inscrit le \(record.enrolment.enrolledOn.french)"
                     + (record.enrolment.cohort.isEmpty ? "" : " · promotion \(record.enrolment.cohort)"))
        lines.append("Situation au \(verdict.asOf.french) : \(titleSentence(verdict.title))")
        lines.append("")
        // The intitulés wrap at words instead of being clipped.
        let table = TextTable(headers: ["Bloc", "Intitulé", "Statut"], widths: [14, 48, 30], width: 100)
        for (block, bv) in zip(referentiel.blocks, verdict.blocks) {
            var status = bv.status.french
            if let day = bv.acquiredOn { status = "acquis (jury du \(day.french))" }
            table.add([block.code.rawValue, block.title, status])
        }
        for (exam, fv) in zip(referentiel.finalExams, verdict.finals) {
            table.add(["Épreuve finale", exam.label, fv.status.french])
        }
        for (requirement, rv) in zip(referentiel.requirements, verdict.requirements) {
            let status = rv.waived ? "non exigé pour cette voie" : (rv.status == .met ? "rempli" : "non rempli")
            table.add(["Condition", requirement.label, status])
        }
        lines.append(table.render())
        let missing = missingItems(verdict)
        if !missing.isEmpty {
            lines.append("")
            lines.append("Ce qui manque pour le titre :")
            lines += missing.map { "  • \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    public static func titleSentence(_ title: TitleVerdict) -> String {
        switch title.status {
        case .awarded: return "titre délivré" + (title.awardedOn.map { " par le jury du \($0.french)" } ?? "") + "."
        case .eligible: return "présentable au jury pour le titre : toutes les conditions sont remplies."
        case .notEligible: return "pas encore présentable au jury pour le titre."
        }
    }

    /// Every missing item in plain words: the block reasons in place of the bare
    /// "block not validated", then finals, requirements, route and registration.
    public static func missingItems(_ verdict: Verdict) -> [String] {
        var items: [String] = []
        for reason in verdict.title.reasons {
            if reason.code == .blockNotValidated,
               let block = verdict.blocks.first(where: { $0.code.rawValue == reason.component }), !block.reasons.isEmpty {
                items += block.reasons.map(\.message)
            } else {
                items.append(reason.message)
            }
        }
        return items
    }
}
