import CertifolioCore
import CertifolioStore
import Foundation

/// Personal data (RGPD): what the database holds of a candidate, given to them, and what it no
/// longer keeps past the retention periods (`RetentionPolicy`).
extension Certifolio {
    /// Anonymises and erases what `policy` no longer keeps as of `day` (`gdpr purge`).
    public func purgePersonalData(asOf day: Day, policy: RetentionPolicy = .standard, dryRun: Bool = false,
                                  actor: Actor) throws -> PurgeSummary {
        try database.purgePersonalData(asOf: day, policy: policy, dryRun: dryRun, actor: actor)
    }

    /// Writes into `folder` everything the database holds of `candidate` (`gdpr export`): every
    /// row that names them, table by table, in `donnees-personnelles.json` (an account's password
    /// hash aside), and the portfolio's export beside it (deposited files, receipts, the record).
    /// Returns the number of rows and files written.
    public func exportPersonalData(_ candidate: CandidateID, to folder: String, asOf day: Day) throws -> (rows: Int, files: Int) {
        let tables = try database.personalData(of: candidate)
        let files = try exportPortfolio(candidate, to: folder, asOf: day)
        let document: [String: Any] = [
            "format": "certifolio-donnees-personnelles/1", "candidate_id": candidate.rawValue, "as_of": day.iso,
            "tables": tables,
        ]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: folder).appendingPathComponent("donnees-personnelles.json"),
                       options: .atomic)
        return (tables.values.reduce(0) { $0 + $1.count }, files)
    }
}
