/// A document that the record does not allow.
public enum DocumentRefused: UserFacingError, Equatable {
    case titleNotAwarded(CandidateID, CertificationCode)
    case nothingAcquired(CandidateID)
    /// The store's own check, in the transaction that would issue a parchemin.
    case noAward(CandidateID, CertificationCode)

    public var message: String {
        switch self {
        case let .titleNotAwarded(id, code):
            return "le candidat \(id) n'a pas obtenu le titre \(code) : pas de parchemin à délivrer."
        case let .nothingAcquired(id):
            return "le candidat \(id) n'a aucun bloc validé par un jury : pas d'attestation à délivrer."
        case let .noAward(candidate, code):
            return "le candidat \(candidate) n'a pas, en vigueur, de décision de jury lui délivrant le titre \(code) : "
                + "aucun parchemin ne peut être délivré."
        }
    }
}
