import CertifolioCore
import CertifolioInterchange
import CertifolioStore

extension Certifolio {
    /// The gestionnaire's rectification of a candidate's civil identity (a civil-status act, a
    /// judgment, a typing error): names, birth date, e-mail and the identity columns of contract §8,
    /// typed into the same `NewEnrolment` as an enrolment, its enrolment taken from the record, and
    /// checked by the same `EnrolmentCheck`. Recorded with its reason; what the record said before
    /// is kept (`identityRectifications`), and the audit trail names the fields, not their values.
    public func rectifyIdentity(of id: CandidateID, _ form: NewEnrolment, reason: String, actor: Actor) throws {
        guard let record = try database.candidateRecord(id) else { throw RectificationRefused.unknownCandidate(id) }
        var typed = form
        let enrolment = NewEnrolment(record.candidate, record.enrolment).typed
        typed.typed.candidateID = id.rawValue
        for path in [\EnrolmentDraft.certification, \.accessRoute, \.enrolledOn, \.cohort] {
            typed.typed[keyPath: path] = enrolment[keyPath: path]
        }
        let candidate: Candidate
        switch EnrolmentCheck.check(typed.draft, referentiels: try database.referentiels(),
                                    enrolledIn: record.enrolment.certification) {
        case .success(let (checked, _)): candidate = checked
        case .failure(let refused): throw RectificationRefused.fields(refused.problems)
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw RectificationRefused.reasonMissing }
        guard try database.rectifyIdentity(candidate, reason: reason, actor: actor) else {
            throw RectificationRefused.nothingChanged(id)
        }
    }

    /// A candidate's rectifications, oldest first.
    public func identityRectifications(_ id: CandidateID) throws -> [IdentityRectification] {
        try database.identityRectifications(id)
    }
}
