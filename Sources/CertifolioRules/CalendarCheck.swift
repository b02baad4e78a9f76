import CertifolioCore

/// The one check of a calendar line, whichever way it comes (`calendar.csv`, the gestionnaire's
/// page): a cohort with candidates, an épreuve of its certification, and for a work handed in a
/// deadline, for an épreuve sat a day and a place — as the référentiel says it is taken.
public struct CalendarCheck: Sendable {
    /// The référentiels of each cohort's candidates.
    public let cohorts: [String: [Referentiel]]

    public init(cohorts: [String: [Referentiel]]) { self.cohorts = cohorts }

    public func check(_ d: CalendarDraft) -> Result<CalendarEntry, CalendarRefused> {
        guard let referentiels = cohorts[d.cohort], !referentiels.isEmpty else {
            return .failure(CalendarRefused(problems: [.unknownCohort(d.cohort)]))
        }
        let component = Component(fileValue: d.component)
        let modality = ModalityID(d.modality)
        // The épreuve must be one of every certification in the cohort (a block code names its own).
        let submissions = referentiels.map { $0.submission(of: component, modality) }
        guard let submission = submissions.first ?? nil, submissions.allSatisfy({ $0 == submission }) else {
            return .failure(CalendarRefused(problems: [.unknownEpreuve(component: d.component, modality: d.modality,
                                                                        certifications: referentiels.map(\.code))]))
        }
        var problems: [CalendarProblem] = []
        var schedule: CalendarEntry.Schedule?
        switch submission {
        case .document:
            if !d.date.isEmpty || !d.place.isEmpty { problems.append(.sittingFieldsOnDocument) }
            if d.deadline.isEmpty {
                problems.append(.missingDeadline)
            } else if let time = ParisTime(typed: d.deadline) {
                schedule = .deadline(time)
            } else {
                problems.append(.badDeadline(d.deadline))
            }
        case .sitting:
            if !d.deadline.isEmpty { problems.append(.deadlineOnSitting) }
            var day: Day?
            if d.date.isEmpty {
                problems.append(.missingDate)
            } else if let parsed = Day(iso: d.date) {
                day = parsed
            } else {
                problems.append(.badDate(d.date))
            }
            if d.place.isEmpty { problems.append(.missingPlace) }
            if let day, !d.place.isEmpty { schedule = .sitting(day, place: d.place) }
        }
        guard problems.isEmpty, let schedule else { return .failure(CalendarRefused(problems: problems)) }
        return .success(CalendarEntry(cohort: d.cohort, component: component, modality: modality, schedule: schedule))
    }
}

/// A calendar line refused: every problem, each with its field.
public struct CalendarRefused: UserFacingError, Equatable {
    public var problems: [CalendarProblem]
    public init(problems: [CalendarProblem]) { self.problems = problems }

    public var message: String {
        (problems.map { "\($0.field.rawValue) : \($0.message)" } + ["Rien n'a été enregistré."]).joined(separator: "\n")
    }
}
