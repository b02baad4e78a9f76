/// A candidate's deposit for an épreuve handed in (issue 12): one or more files, a new version
/// each time (earlier ones are kept), recorded with its moment and the deadline then in force.

/// A kind of document a deposit accepts, recognised by its content (not its name).
public enum DocumentKind: String, Sendable, Equatable, CaseIterable {
    case pdf, odt, docx

    public var label: String {
        switch self {
        case .pdf: return "PDF"
        case .odt: return "ODT (OpenDocument)"
        case .docx: return "DOCX (Word)"
        }
    }

    /// For a download's `Content-Type`.
    public var mediaType: String {
        switch self {
        case .pdf: return "application/pdf"
        case .odt: return "application/vnd.oasis.opendocument.text"
        case .docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
    }
}

/// A file of a deposit as recorded: the name it was sent under, its kind, size and SHA-256
/// (the name of its copy beside the database).
public struct DepositedFile: Sendable, Equatable {
    public var name: String
    public var kind: DocumentKind
    public var size: Int64
    public var sha256: String
    /// Erased by `gdpr purge` past its retention period: the row (size, SHA-256) stays, the
    /// content and the name are gone.
    public var erased: Bool

    public init(name: String, kind: DocumentKind, size: Int64, sha256: String, erased: Bool = false) {
        self.name = name
        self.kind = kind
        self.size = size
        self.sha256 = sha256
        self.erased = erased
    }
}

public struct DepositID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: Int64
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public var description: String { String(rawValue) }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A deposit as recorded.
public struct Deposit: Sendable, Equatable {
    public var id: DepositID
    public var candidate: CandidateID
    public var component: Component
    public var modality: ModalityID
    /// 1 for the first deposit of this épreuve by this candidate, then 2, 3…
    public var version: Int
    /// When it was made (Paris time); `--as-of D` dates it at the start of D.
    public var at: ParisTime
    /// The deadline in force when it was made (an extension's when one was granted); nil when
    /// the cohort's calendar gives none.
    public var deadline: ParisTime?
    public var files: [DepositedFile]
    public var actor: String

    public init(id: DepositID, candidate: CandidateID, component: Component, modality: ModalityID, version: Int,
                at: ParisTime, deadline: ParisTime?, files: [DepositedFile], actor: String) {
        self.id = id
        self.candidate = candidate
        self.component = component
        self.modality = modality
        self.version = version
        self.at = at
        self.deadline = deadline
        self.files = files
        self.actor = actor
    }
}

/// A file received for a deposit, written to disk (streamed) and not yet recorded: what the
/// check reads. `path` is its staging copy beside the database.
public struct ReceivedFile: Sendable, Equatable {
    public var name: String
    public var path: String
    public var size: Int64
    public var sha256: String
    /// Nil when the content is none of the kinds a deposit accepts.
    public var kind: DocumentKind?

    public init(name: String, path: String, size: Int64, sha256: String, kind: DocumentKind?) {
        self.name = name
        self.path = path
        self.size = size
        self.sha256 = sha256
        self.kind = kind
    }
}

/// A deposit as it comes from the CLI or the candidate's form, before any check.
public struct DepositDraft: Sendable, Equatable {
    public var candidate: CandidateID
    public var component: String
    public var modality: String
    public var files: [ReceivedFile]

    public init(candidate: CandidateID, component: String, modality: String, files: [ReceivedFile]) {
        self.candidate = candidate
        self.component = component
        self.modality = modality
        self.files = files
    }
}

/// The gestionnaire's extension of one candidate's deadline for one épreuve.
public struct DeadlineExtension: Sendable, Equatable {
    public var candidate: CandidateID
    public var component: Component
    public var modality: ModalityID
    public var until: ParisTime
    public var reason: String

    public init(candidate: CandidateID, component: Component, modality: ModalityID, until: ParisTime, reason: String) {
        self.candidate = candidate
        self.component = component
        self.modality = modality
        self.until = until
        self.reason = reason
    }
}

/// The field of a deposit at fault; the raw value is the CLI flag's name (the web words it
/// with its own fields).
public enum DepositField: String, Sendable {
    case candidate, component, modality, files
}

/// What is wrong with a deposit: the facts and the field; `message` words them in French.
public enum DepositProblem: Sendable, Equatable {
    case unknownCandidate(CandidateID)
    case notAnEpreuve(component: String, modality: String, certification: CertificationCode)
    case takesNoDeposit(epreuve: String)
    case deadlinePassed(epreuve: String, deadline: ParisTime, at: ParisTime)
    case noFile
    case emptyFile(name: String)
    case tooLarge(name: String, size: Int64, limit: Int64)
    case notADocument(name: String)
    case sameFileTwice(name: String)

    public var field: DepositField {
        switch self {
        case .unknownCandidate: return .candidate
        case .notAnEpreuve, .takesNoDeposit, .deadlinePassed: return .modality
        case .noFile, .emptyFile, .tooLarge, .notADocument, .sameFileTwice: return .files
        }
    }

    public var message: String {
        switch self {
        case .unknownCandidate(let id):
            return "candidat « \(id) » inconnu."
        case let .notAnEpreuve(component, modality, certification):
            return "« \(component) / \(modality) » n'est pas une épreuve de \(certification), la certification du candidat."
        case .takesNoDeposit(let epreuve):
            return "\(epreuve) se passe (oral, mise en situation ou devoir sur table) : elle ne se dépose pas."
        case let .deadlinePassed(epreuve, deadline, at):
            return "\(epreuve) : la date limite de dépôt était le \(deadline.french) ; dépôt du \(at.french) refusé. "
                + "Seul le gestionnaire peut accorder un délai."
        case .noFile:
            return "aucun fichier : un dépôt comporte au moins un fichier PDF, ODT ou DOCX."
        case .emptyFile(let name):
            return "« \(name) » est vide."
        case let .tooLarge(name, size, limit):
            return "« \(name) » pèse \(Self.megabytes(size)) : la limite est de \(Self.megabytes(limit)) par fichier."
        case .notADocument(let name):
            return "« \(name) » n'est ni un PDF, ni un ODT, ni un DOCX d'après son contenu (quel que soit son nom)."
        case .sameFileTwice(let name):
            return "« \(name) » figure deux fois dans le dépôt (même contenu)."
        }
    }

    /// "12,4 Mo", "48 ko", "157 octets" (1 Mo = 1 000 000 octets, as people count file sizes).
    public static func megabytes(_ bytes: Int64) -> String {
        if bytes < 1000 { return French.count(Int(bytes), "octet", "octets") }
        if bytes < 1_000_000 { return "\((bytes + 999) / 1000) ko" }
        let tenths = (bytes + 50_000) / 100_000
        return tenths % 10 == 0 ? "\(tenths / 10) Mo" : "\(tenths / 10),\(tenths % 10) Mo"
    }
}

/// A deposit refused: every problem, each with its field; nothing was recorded.
public struct DepositRefused: UserFacingError, Equatable {
    public var problems: [DepositProblem]
    public init(problems: [DepositProblem]) { self.problems = problems }

    /// Each problem names what is at fault (the épreuve, the file); the CLI adds its flag.
    public var message: String {
        (problems.map(\.message) + ["Rien n'a été déposé."]).joined(separator: "\n")
    }
}

/// An épreuve a candidate hands in, as their portfolio shows it: its deadline in force and the
/// versions deposited so far (latest last).
public struct DepositSlot: Sendable, Equatable {
    public var component: Component
    public var modality: ModalityID
    public var label: String
    public var deadline: ParisTime?
    /// The deadline is the candidate's own extension.
    public var extended: Bool
    public var deposits: [Deposit]

    public init(component: Component, modality: ModalityID, label: String, deadline: ParisTime?, extended: Bool,
                deposits: [Deposit]) {
        self.component = component
        self.modality = modality
        self.label = label
        self.deadline = deadline
        self.extended = extended
        self.deposits = deposits
    }

    /// Still open at `moment` (no deadline, or not yet passed).
    public func isOpen(at moment: ParisTime) -> Bool { deadline.map { moment <= $0 } ?? true }
}

/// Where a candidate stands on an épreuve handed in (the staff's view of a cohort).
public enum DepositState: String, Sendable, CaseIterable {
    /// Nothing deposited, the deadline not passed (or none set).
    case awaiting = "attendu"
    /// Nothing deposited and the deadline in force passed.
    case late = "en_retard"
    /// The latest version deposited, not yet assessed.
    case deposited = "depose"
    /// Assessed, not yet published to the candidate.
    case assessed = "evalue"
    /// Assessed (or evaluated without a deposit) and published.
    case published = "publie"

    public var label: String {
        switch self {
        case .awaiting: return "dépôt attendu"
        case .late: return "en retard"
        case .deposited: return "déposé, à évaluer"
        case .assessed: return "évalué, à publier"
        case .published: return "publié"
        }
    }
}

/// One candidate on one épreuve handed in, in a cohort's view.
public struct CohortDepositLine: Sendable, Equatable {
    public var candidate: Candidate
    public var slot: DepositSlot
    public var state: DepositState

    public init(candidate: Candidate, slot: DepositSlot, state: DepositState) {
        self.candidate = candidate
        self.slot = slot
        self.state = state
    }
}
