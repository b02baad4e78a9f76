/// What a référentiel import did.
public enum ReferentielImportOutcome: Equatable, Sendable {
    case created
    /// The same text was already imported: nothing written.
    case unchanged
    case updated(fromVersion: String)
}
