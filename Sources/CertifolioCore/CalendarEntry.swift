/// A date of a cohort's calendar for one épreuve of its certification: the deadline of a
/// work to hand in (Paris time), or the day and place of an épreuve sat.
public struct CalendarEntry: Sendable, Equatable {
    public var cohort: String
    public var component: Component
    public var modality: ModalityID
    public var schedule: Schedule

    public enum Schedule: Sendable, Equatable {
        /// A `document` épreuve: deposits are accepted until this time (Paris), included.
        case deadline(ParisTime)
        /// A `sitting` épreuve: its day and place.
        case sitting(Day, place: String)
    }

    public init(cohort: String, component: Component, modality: ModalityID, schedule: Schedule) {
        self.cohort = cohort
        self.component = component
        self.modality = modality
        self.schedule = schedule
    }
}

/// A line of `calendar.csv` (or the gestionnaire's form) as it comes, before any check; the
/// raw values are the file's columns.
public struct CalendarDraft: Sendable, Equatable {
    public var cohort: String
    public var component: String
    public var modality: String
    public var deadline: String
    public var date: String
    public var place: String

    public init(cohort: String = "", component: String = "", modality: String = "", deadline: String = "",
                date: String = "", place: String = "") {
        self.cohort = cohort
        self.component = component
        self.modality = modality
        self.deadline = deadline
        self.date = date
        self.place = place
    }
}

/// A field of a calendar line; the raw value is the `calendar.csv` column.
public enum CalendarField: String, Sendable, CaseIterable {
    case cohort, component, modality, deadline, date, place
}

/// What is wrong with a calendar line: the facts and the field at fault; `message` words it
/// for the file (a form words the same facts with its own fields).
public enum CalendarProblem: Sendable, Equatable {
    case unknownCohort(String)
    case unknownEpreuve(component: String, modality: String, certifications: [CertificationCode])
    case badDeadline(String)
    case missingDeadline
    case deadlineOnSitting
    case badDate(String)
    case missingDate
    case missingPlace
    case sittingFieldsOnDocument

    public var field: CalendarField {
        switch self {
        case .unknownCohort: return .cohort
        case .unknownEpreuve: return .modality
        case .badDeadline, .missingDeadline, .deadlineOnSitting: return .deadline
        case .badDate, .missingDate, .sittingFieldsOnDocument: return .date
        case .missingPlace: return .place
        }
    }

    public var message: String {
        switch self {
        case .unknownCohort(let name):
            return "promotion « \(name) » inconnue : aucun candidat inscrit sous ce nom."
        case let .unknownEpreuve(component, modality, certifications):
            return "« \(component) / \(modality) » n'est pas une épreuve de "
                + certifications.map(\.rawValue).joined(separator: ", ") + "."
        case .badDeadline(let text):
            return "échéance « \(text) » invalide : AAAA-MM-JJ HH:MM (heure de Paris) ou AAAA-MM-JJ attendu."
        case .missingDeadline:
            return "échéance manquante : ce travail se dépose, il lui faut une date limite."
        case .deadlineOnSitting:
            return "une épreuve passée (oral, mise en situation, devoir sur table) n'a pas d'échéance de dépôt : "
                + "indiquez sa date et son lieu."
        case .badDate(let text):
            return "date « \(text) » invalide : une date réelle au format AAAA-MM-JJ est attendue."
        case .missingDate:
            return "date manquante : une épreuve passée a une date et un lieu."
        case .missingPlace:
            return "lieu manquant : une épreuve passée a une date et un lieu."
        case .sittingFieldsOnDocument:
            return "ce travail se dépose : il a une échéance, pas de date ni de lieu d'épreuve."
        }
    }
}

/// What an import of the calendar changed.
public struct CalendarSummary: Sendable, Equatable {
    public var added: Int
    public var changed: Int
    public var unchanged: Int

    public init(added: Int = 0, changed: Int = 0, unchanged: Int = 0) {
        self.added = added
        self.changed = changed
        self.unchanged = unchanged
    }
}
