import CertifolioCore
import CertifolioRules
import CertifolioStore

/// Publication of results (issue 12): staff and jury see every evaluation as soon as it is
/// recorded; a candidate sees — and their own page counts — only the imported ones and those
/// of épreuves the gestionnaire has published for their cohort.
extension Certifolio {
    /// Publishes an épreuve's results to a cohort; returns how many evaluations it reveals.
    @discardableResult
    public func publish(cohort: String, component: String, modality: String, actor: Actor) throws -> Int {
        let referentiels = try database.referentiels()
        guard let codes = try database.cohortCertifications()[cohort], !codes.isEmpty else {
            throw CalendarRefused(problems: [.unknownCohort(cohort)])
        }
        let c: Component = component == "final" ? .final : .block(BlockCode(component))
        let m = ModalityID(modality)
        let certifications = codes.compactMap { referentiels[$0] }
        guard certifications.contains(where: { $0.submission(of: c, m) != nil }) else {
            throw CalendarRefused(problems: [.unknownEpreuve(component: component, modality: modality, certifications: codes)])
        }
        return try database.publish(cohort: cohort, component: c, modality: m, actor: actor)
    }

    public func publicationStates() throws -> [PublicationState] { try database.publicationStates() }

    /// A candidate's record and history as their own page shows them: unpublished evaluations
    /// left out (and a correction not yet published does not hide what it corrects).
    public func publishedRecordWithHistory(_ id: CandidateID) throws
        -> (record: CandidateRecord, history: [EvaluationEntry])? {
        guard let (record, history) = try database.recordWithHistory(id) else { return nil }
        let visible = try database.publishedEvents(of: id)
        var shown = record
        shown.events = record.events.filter { visible.contains($0.sequence) }
        let entries = history.filter { visible.contains($0.id) }.map { entry -> EvaluationEntry in
            var e = entry
            if let by = e.correctedBy, !visible.contains(by) { e.correctedBy = nil }
            return e
        }
        return (shown, entries)
    }
}
