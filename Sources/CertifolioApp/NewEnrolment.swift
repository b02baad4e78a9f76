import CertifolioCore
import CertifolioStore
import Foundation

/// One candidate enrolled from a form (the gestionnaire's « Inscrire un candidat »). The
/// fields become a one-line `candidates.csv` and go through the cohort import: a form and a
/// file accept and refuse the same things, and the enrolment is an import batch in the audit
/// trail like any other.
public struct NewEnrolment: Sendable, Equatable {
    public var candidateID: String
    public var familyName: String
    public var givenNames: String
    /// As typed: ISO (a date field) or French (31/12/2001); so is `enrolledOn`.
    public var birthDate: String
    public var email: String
    public var certification: String
    public var accessRoute: String
    public var enrolledOn: String
    public var cohort: String

    public init(candidateID: String = "", familyName: String = "", givenNames: String = "", birthDate: String = "",
                email: String = "", certification: String = "", accessRoute: String = "", enrolledOn: String = "",
                cohort: String = "") {
        self.candidateID = candidateID
        self.familyName = familyName
        self.givenNames = givenNames
        self.birthDate = birthDate
        self.email = email
        self.certification = certification
        self.accessRoute = accessRoute
        self.enrolledOn = enrolledOn
        self.cohort = cohort
    }

    /// The `candidates.csv` columns, in the order of `values` (errors name these columns).
    public static let columns = ["candidate_id", "family_name", "given_names", "birth_date", "email", "certification",
                                 "access_route", "enrolled_on", "cohort"]

    /// The fields as the cohort file has them: trimmed, dates typed the French way made ISO
    /// (a date the form cannot read is left as typed, for the file's check to name it).
    var values: [String] {
        let iso = { (typed: String) in Day(typed: typed)?.iso ?? typed }
        return [candidateID, familyName, givenNames, iso(birthDate), email, certification, accessRoute,
                iso(enrolledOn), cohort].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// The one-line cohort file.
    public func upload(source: String) -> CohortUpload {
        let line = values.map { CSVField.quoted($0, separator: ",") }.joined(separator: ",")
        let text = Self.columns.joined(separator: ",") + "\n" + line + "\n"
        return CohortUpload(source: source, files: ["candidates.csv": Array(text.utf8)])
    }

    /// Checks and records the enrolment, all or nothing. A candidate already recorded with
    /// exactly these details is refused rather than imported again for nothing.
    @discardableResult
    public func enrol(into database: AppDatabase, source: String, actor: Actor) throws -> ImportSummary {
        let batch = try upload(source: source).read(database: database)
        if let entry = batch.candidates.first, let known = try database.candidateRecord(entry.candidate.id),
           known.candidate == entry.candidate, known.enrolment == entry.enrolment {
            throw EnrolmentRefused.alreadyEnrolled(entry.candidate.id)
        }
        do {
            return try database.importCohort(batch, actor: actor)
        } catch StoreError.candidateConflict(let id, _, _) {
            // The file's wording names a line of candidates.csv, which the form does not have.
            throw EnrolmentRefused.otherDetails(id)
        }
    }
}

/// Why a candidate entered by hand is not enrolled, beyond the checks of a cohort file; both
/// are about the candidate's id.
public enum EnrolmentRefused: UserFacingError, Equatable {
    case alreadyEnrolled(CandidateID)
    case otherDetails(CandidateID)

    public var message: String {
        switch self {
        case .alreadyEnrolled(let id):
            return "\(id) est déjà inscrit avec ces informations : rien n'a changé."
        case .otherDetails(let id):
            return "l'identifiant \(id) est déjà celui d'un candidat enregistré avec d'autres informations (nom, "
                + "naissance, courriel, voie ou date d'inscription) : rien n'a été inscrit."
        }
    }
}
