import CertifolioCore
import CertifolioRules

/// Figures of a set of verdicts: how many per title status, blocks acquired, what is most
/// often missing. Pure: computed from verdicts, printed by `render`.
public struct CohortSummary: Sendable {
    public var candidates = 0
    public var awarded = 0
    public var eligible = 0
    public var notEligible = 0
    public var blocksAcquired = 0
    public var blocksPassed = 0
    /// Reason code and component, with how many candidates it holds back, most frequent first.
    public var mostMissing: [(label: String, count: Int)] {
        missing.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(top).map { (label: $0.key, count: $0.value) }
    }

    private let referentiels: [CertificationCode: Referentiel]
    private let top: Int
    private var missing: [String: Int] = [:]

    /// An empty summary, to which verdicts are added one by one (`progress --all` streams them).
    public init(referentiels: [CertificationCode: Referentiel], top: Int = 5) {
        self.referentiels = referentiels
        self.top = top
    }

    public init(verdicts: [Verdict], referentiels: [CertificationCode: Referentiel], top: Int = 5) {
        self.init(referentiels: referentiels, top: top)
        for v in verdicts { add(v) }
    }

    /// Counts one more verdict (memory: one counter per distinct missing item, not per candidate).
    public mutating func add(_ v: Verdict) {
        candidates += 1
        switch v.title.status {
        case .awarded: awarded += 1
        case .eligible: eligible += 1
        case .notEligible: notEligible += 1
        }
        blocksAcquired += v.blocks.filter { $0.status == .acquired }.count
        blocksPassed += v.blocks.filter { $0.status == .passed }.count
        for reason in v.title.reasons {
            missing[Self.label(reason, referentiel: referentiels[v.certification]), default: 0] += 1
        }
    }

    static func label(_ reason: Reason, referentiel: Referentiel?) -> String {
        switch reason.code {
        case .blockNotValidated:
            let title = referentiel?.block(BlockCode(reason.component))?.title
            return "bloc \(reason.component)" + (title.map { " « \($0) »" } ?? "") + " non validé"
        case .finalMissing: return "épreuve finale « \(reason.component) » non passée"
        case .finalFailed: return "épreuve finale « \(reason.component) » échouée"
        case .stageMissing: return "aucun stage"
        case .stageTooShort: return "stage trop court"
        case .experienceInsufficient: return "expérience insuffisante"
        case .routeNotAllowed: return "voie d'accès non ouverte"
        case .registrationExpired: return "enregistrement RNCP échu"
        case .modalityMissing, .modalityFailed: return reason.message
        }
    }

    public func render() -> String {
        var lines = [
            "Candidats : \(candidates)",
            "  titre délivré : \(awarded)",
            "  présentables au jury pour le titre : \(eligible)",
            "  pas encore présentables : \(notEligible)",
            "Blocs acquis (validés par un jury) : \(blocksAcquired) ; blocs réussis en attente de jury : \(blocksPassed)",
        ]
        let missing = mostMissing  // sorted once
        if !missing.isEmpty {
            lines.append("Ce qui manque le plus souvent :")
            lines += missing.map { "  \($0.count) × \($0.label)" }
        }
        return lines.joined(separator: "\n")
    }
}
