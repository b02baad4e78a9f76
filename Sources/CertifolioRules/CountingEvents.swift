import CertifolioCore

/// The events that count on a date: dated on or before it, not corrected by a counting
/// correction, and for each (component, modality) only the latest (by date, then by
/// recording order: a retake replaces the earlier attempt).
struct CountingEvents {
    private struct Key: Hashable {
        let component: Component
        let modality: ModalityID
    }

    private var latestByKey: [Key: EvaluationEvent] = [:]

    init(_ events: [EvaluationEvent], asOf: Day) {
        let visible = events.filter { !($0.date > asOf) }
        let corrected = Set(visible.compactMap(\.corrects))
        for event in visible where !corrected.contains(event.sequence) {
            let key = Key(component: event.component, modality: event.modality)
            if let current = latestByKey[key],
               (current.date, current.sequence) > (event.date, event.sequence) {
                continue
            }
            latestByKey[key] = event
        }
    }

    func latest(_ component: Component, _ modality: ModalityID) -> EvaluationEvent? {
        latestByKey[Key(component: component, modality: modality)]
    }
}

/// The jury decisions that count on a date: dated on or before it and not revoked by a
/// decision that also counts then.
struct CountingDecisions {
    private var firstValidByComponent: [DecisionComponent: Day] = [:]

    init(_ decisions: [JuryDecision], asOf: Day) {
        let visible = decisions.filter { !($0.date > asOf) }
        let revoked = Set(visible.compactMap(\.revokes))
        for decision in visible where decision.decision == .valide && !revoked.contains(decision.id) {
            if let current = firstValidByComponent[decision.component], current < decision.date { continue }
            firstValidByComponent[decision.component] = decision.date
        }
    }

    /// The earliest date a jury validated this component, if one did.
    func firstValid(_ component: DecisionComponent) -> Day? { firstValidByComponent[component] }
}
