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
        let c = Component(fileValue: component)
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
        guard let (record, history, visible) = try database.recordWithPublishedEvents(id) else { return nil }
        return Self.published(record, history, visible: visible)
    }

    /// What the candidate's own page shows, read in one snapshot: the record and history as
    /// published to them, the épreuves they hand in, their cohort's calendar and the open juries
    /// they are convoked to. `referentiels` are the caller's (the web keeps them in memory).
    public func candidatePortfolio(_ id: CandidateID, referentiels: [CertificationCode: Referentiel]) throws
        -> CandidatePortfolio? {
        guard let s = try database.candidateSnapshot(id) else { return nil }
        guard let referentiel = referentiels[s.record.enrolment.certification] else {
            throw StoreError.unknownCertification(s.record.enrolment.certification)
        }
        let (record, history) = Self.published(s.record, s.history, visible: s.published)
        return CandidatePortfolio(record: record, history: history, referentiel: referentiel,
                                  slots: Self.slots(referentiel, s.deposit, deposits: s.deposits, limit: depositLimit),
                                  calendar: s.deposit.calendar, convocations: s.convocations)
    }

    /// A record and history without the evaluations not published (a correction not yet
    /// published does not hide what it corrects).
    static func published(_ record: CandidateRecord, _ history: [EvaluationEntry], visible: Set<Int64>)
        -> (CandidateRecord, [EvaluationEntry]) {
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

/// See `Certifolio.candidatePortfolio`.
public struct CandidatePortfolio: Sendable {
    public var record: CandidateRecord
    public var history: [EvaluationEntry]
    public var referentiel: Referentiel
    public var slots: [DepositSlot]
    public var calendar: [CalendarEntry]
    public var convocations: [(date: Day, place: String)]
}
