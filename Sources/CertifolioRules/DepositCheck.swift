import CertifolioCore

/// The one check of a deposit, whichever way it comes (`deposit add`, the candidate's page):
/// an épreuve of the candidate's certification that the référentiel says is handed in, before
/// the deadline in force (the gestionnaire's extension, else the cohort's calendar), and files
/// that are documents by their content, neither empty nor over the limit, each sent once.
///
/// No deadline in the calendar means none to miss: a deposit is then accepted (decisions.md).
public struct DepositCheck: Sendable {
    public let referentiel: Referentiel
    public let enrolment: Enrolment
    /// The candidate's cohort's calendar.
    public let calendar: [CalendarEntry]
    /// The candidate's extensions.
    public let extensions: [DeadlineExtension]
    /// Bytes per file.
    public let limit: Int64

    public init(referentiel: Referentiel, enrolment: Enrolment, calendar: [CalendarEntry],
                extensions: [DeadlineExtension], limit: Int64) {
        self.referentiel = referentiel
        self.enrolment = enrolment
        self.calendar = calendar
        self.extensions = extensions
        self.limit = limit
    }

    /// A deposit that passed: the épreuve, the files with their kinds and the deadline in force.
    public struct Checked: Sendable, Equatable {
        public var candidate: CandidateID
        public var component: Component
        public var modality: ModalityID
        public var at: ParisTime
        public var deadline: ParisTime?
        public var files: [ReceivedFile]
        public var kinds: [DocumentKind]
    }

    public func check(_ d: DepositDraft, at moment: ParisTime) -> Result<Checked, DepositRefused> {
        var problems: [DepositProblem] = []
        let component = Component(fileValue: d.component)
        let modality = ModalityID(d.modality)
        var deadline: ParisTime?
        switch referentiel.submission(of: component, modality) {
        case nil:
            problems.append(.notAnEpreuve(component: d.component, modality: d.modality, certification: referentiel.code))
        case .sitting?:
            problems.append(.takesNoDeposit(epreuve: referentiel.epreuveName(component, modality)))
        case .document?:
            deadline = self.deadline(component, modality)
            if let deadline, moment > deadline {
                problems.append(.deadlinePassed(epreuve: referentiel.epreuveName(component, modality), deadline: deadline, at: moment))
            }
        }
        if d.files.isEmpty { problems.append(.noFile) }
        var kinds: [DocumentKind] = []
        var seen: Set<String> = []
        for file in d.files {
            if file.size == 0 {
                problems.append(.emptyFile(name: file.name))
            } else if file.size > limit {
                problems.append(.tooLarge(name: file.name, size: file.size, limit: limit))
            } else if let kind = file.kind {
                kinds.append(kind)
            } else {
                problems.append(.notADocument(name: file.name))
            }
            if file.size > 0, !seen.insert(file.sha256).inserted { problems.append(.sameFileTwice(name: file.name)) }
        }
        guard problems.isEmpty else { return .failure(DepositRefused(problems: problems)) }
        return .success(Checked(candidate: d.candidate, component: component, modality: modality, at: moment,
                                deadline: deadline, files: d.files, kinds: kinds))
    }

    /// The deadline in force for an épreuve: the candidate's extension, else the cohort's.
    public func deadline(_ component: Component, _ modality: ModalityID) -> ParisTime? {
        if let granted = extensions.first(where: { $0.component == component && $0.modality == modality }) {
            return granted.until
        }
        for entry in calendar where entry.cohort == enrolment.cohort && entry.component == component
            && entry.modality == modality {
            if case .deadline(let time) = entry.schedule { return time }
        }
        return nil
    }
}
