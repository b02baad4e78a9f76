import CertifolioCore
import CertifolioInterchange
import CertifolioStore
import Foundation

/// One candidate enrolled from a form (the gestionnaire's « Inscrire un candidat »). The form
/// decodes into the same `EnrolmentDraft` as a line of `candidates.csv` and passes the same
/// `EnrolmentCheck`: a form and a file accept and refuse the same things. The enrolment is then
/// written as a one-candidate import batch, in the audit trail like any other.
@dynamicMemberLookup
public struct NewEnrolment: Sendable, Equatable {
    /// The fields as typed, kept to show the form again: dates ISO (a date field) or French
    /// (31/12/2001), spaces as they came.
    public var typed: EnrolmentDraft

    public init(candidateID: String = "", familyName: String = "", givenNames: String = "", birthDate: String = "",
                email: String = "", certification: String = "", accessRoute: String = "", enrolledOn: String = "",
                cohort: String = "", identity: IdentityDraft = IdentityDraft()) {
        typed = EnrolmentDraft(candidateID: candidateID, familyName: familyName, givenNames: givenNames,
                               birthDate: birthDate, email: email, certification: certification,
                               accessRoute: accessRoute, enrolledOn: enrolledOn, cohort: cohort, identity: identity)
    }

    /// A recorded candidate's fields, to show them in the rectification form.
    public init(_ candidate: Candidate, _ enrolment: Enrolment) {
        self.init(candidateID: candidate.id.rawValue, familyName: candidate.familyName, givenNames: candidate.givenNames,
                  birthDate: candidate.birthDate.iso, email: candidate.email,
                  certification: enrolment.certification.rawValue, accessRoute: enrolment.route.rawValue,
                  enrolledOn: enrolment.enrolledOn.iso, cohort: enrolment.cohort,
                  identity: IdentityDraft(candidate.identity))
    }

    public subscript(dynamicMember field: WritableKeyPath<EnrolmentDraft, String>) -> String {
        get { typed[keyPath: field] }
        set { typed[keyPath: field] = newValue }
    }

    /// The fields as checked: trimmed, dates typed the French way made ISO (a date the form
    /// cannot read is left as typed, for the check to name it).
    public var draft: EnrolmentDraft {
        let clean = { (text: String) in text.trimmingCharacters(in: .whitespacesAndNewlines) }
        let iso = { (typed: String) in Day(typed: typed)?.iso ?? clean(typed) }
        let t = typed
        var identity = t.identity
        for (_, path) in IdentityDraft.fields { identity[keyPath: path] = clean(identity[keyPath: path]) }
        return EnrolmentDraft(candidateID: clean(t.candidateID), familyName: clean(t.familyName),
                              givenNames: clean(t.givenNames), birthDate: iso(t.birthDate), email: clean(t.email),
                              certification: clean(t.certification), accessRoute: clean(t.accessRoute),
                              enrolledOn: iso(t.enrolledOn), cohort: clean(t.cohort), identity: identity)
    }
}

/// Why a candidate entered by hand is not enrolled: its fields, or its id.
public enum EnrolmentRefused: UserFacingError, Equatable {
    /// The fields the check refuses, each with its problem.
    case fields([EnrolmentProblem])
    case alreadyEnrolled(CandidateID)
    case otherDetails(CandidateID)

    public var message: String {
        switch self {
        case .fields(let problems):
            return problems.map { "\($0.field.rawValue) : \($0.message)" }.joined(separator: "\n")
                + "\nRien n'a été inscrit."
        case .alreadyEnrolled(let id):
            return "\(id) est déjà inscrit avec ces informations : rien n'a changé."
        case .otherDetails(let id):
            return "l'identifiant \(id) est déjà celui d'un candidat enregistré avec d'autres informations (nom, "
                + "naissance, courriel, voie ou date d'inscription) : rien n'a été inscrit."
        }
    }
}

extension Certifolio {
    /// Checks and records the enrolment, all or nothing. A candidate already recorded with
    /// exactly these details is refused rather than imported again for nothing.
    @discardableResult
    public func enrol(_ form: NewEnrolment, source: String, actor: Actor) throws -> ImportSummary {
        let draft = form.draft
        let known = try database.candidateRecord(CandidateID(draft.candidateID))
        let candidate: Candidate
        let enrolment: Enrolment
        switch EnrolmentCheck.check(draft, referentiels: try database.referentiels(),
                                    enrolledIn: known?.enrolment.certification, openRoutesOnly: true) {
        case .success(let checked): (candidate, enrolment) = checked
        case .failure(let refused): throw EnrolmentRefused.fields(refused.problems)
        }
        if let known, known.candidate == candidate, known.enrolment == enrolment {
            throw EnrolmentRefused.alreadyEnrolled(candidate.id)
        }
        var batch = CohortBatch(source: source)
        batch.candidates = [CohortBatch.CandidateEntry(candidate: candidate, enrolment: enrolment, line: 1)]
        do {
            return try database.importCohort(batch, actor: actor)
        } catch StoreError.candidateConflict(let id, _, _) {
            throw EnrolmentRefused.otherDetails(id)
        }
    }
}
