import CertifolioCore

/// What a candidate still has to acquire of a block, according to the latest grid: of the
/// block's evaluations that carry a grid (corrected ones set aside), the latest by date then
/// order recorded; each competence it does not rate *acquis*. What the PV and the notification
/// say of an adjourned block.
public enum CompetenceGaps {
    /// By block, "Compétence (partiellement acquis)" for each competence not acquired; a block
    /// with no grid, or whose latest grid is all *acquis*, is absent.
    public static func toAcquire(_ history: [EvaluationEntry]) -> [BlockCode: [String]] {
        var latest: [BlockCode: EvaluationEntry] = [:]
        for entry in history where entry.correctedBy == nil && !entry.grid.isEmpty {
            guard case .block(let code) = entry.event.component else { continue }
            if let current = latest[code], (current.event.date, current.id) > (entry.event.date, entry.id) { continue }
            latest[code] = entry
        }
        return latest.compactMapValues { entry in
            let gaps = entry.grid.filter { $0.rating != .acquis }.map { "\($0.competence) (\($0.rating.label))" }
            return gaps.isEmpty ? nil : gaps
        }
    }
}
