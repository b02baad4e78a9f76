import CertifolioCore

/// What a référentiel says of one of its épreuves (a block's modality, the whole-block modality,
/// or a final exam): how it is taken and its label. Nil when it is not one of its épreuves.
extension Referentiel {
    /// How an épreuve of this certification is taken; nil when it is not one of its épreuves.
    public func submission(of component: Component, _ modality: ModalityID) -> Submission? {
        switch component {
        case .final:
            return finalExam(modality)?.submission
        case .block(let code):
            guard let block = block(code) else { return nil }
            if let found = block.modality(modality) { return found.submission }
            return evaluation.wholeBlockModality.flatMap { $0.id == modality ? $0.submission : nil }
        }
    }
}

extension Referentiel {
    /// "RNCP41818BC01 — Étude de cas" or "Épreuve finale — Mémoire"; nil when the épreuve is
    /// not one of this certification.
    public func epreuveLabel(_ component: Component, _ modality: ModalityID) -> String? {
        switch component {
        case .final:
            return finalExam(modality).map { "Épreuve finale — " + $0.label }
        case .block(let code):
            guard let block = block(code) else { return nil }
            let label = block.modality(modality)?.label
                ?? evaluation.wholeBlockModality.flatMap { $0.id == modality ? $0.label : nil }
            return label.map { "\(code) — \($0)" }
        }
    }

    /// The label, or the component and modality when the référentiel does not have it (an
    /// old record): what a page or a document names an épreuve by.
    public func epreuveName(_ component: Component, _ modality: ModalityID) -> String {
        epreuveLabel(component, modality) ?? "\(component.fileValue) / \(modality)"
    }
}
