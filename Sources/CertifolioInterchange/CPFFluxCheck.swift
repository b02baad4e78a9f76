import CertifolioCore

/// Checks a flux against the Caisse's schema a page of passages at a time, as it is written.
/// Each page, inside the flux's own envelope, is a flux of its own: the schema constrains each
/// passage alone (no key, no uniqueness, no count across passages), so checking the pages checks
/// the whole, and the memory holds one page whatever the flux (libxml2 validating the whole file
/// grew with it: 76 MiB more for a million passages). Problems are worded at their line in the
/// whole flux, with the candidate whose passage holds it.
public final class CPFFluxCheck {
    private let validator: XMLSchemaValidator
    private let id: String
    private let timestamp: String
    private let settings: CPFSettings
    private let pageSize: Int
    private var certification: CertificationCode?
    /// The passages not checked yet, with their lines in the whole flux.
    private var pending: [(passage: CPFFlux.Passage, lines: ClosedRange<Int>)] = []
    private var problems: [String] = []

    /// `id`, `timestamp`, `settings`: the flux's own, for the envelope of every page.
    public init(id: String, timestamp: String, settings: CPFSettings, pageSize: Int = 1000) throws {
        validator = try XMLSchemaValidator.cpfAccrochage()
        self.id = id
        self.timestamp = timestamp
        self.settings = settings
        self.pageSize = pageSize
    }

    /// A passage of certification `code`, written at `lines` of the whole flux.
    public func add(_ passage: CPFFlux.Passage, of code: CertificationCode, at lines: ClosedRange<Int>) throws {
        if code != certification || pending.count >= pageSize { try checkPending() }
        certification = code
        pending.append((passage, lines))
    }

    /// Checks what remains; returns every problem ("MQ014 : ligne 52 : …"), none when the flux is valid.
    public func finish() throws -> [String] {
        try checkPending()
        return problems
    }

    private func checkPending() throws {
        guard let code = certification, !pending.isEmpty else { return }
        var text = ""
        var ranges: [ClosedRange<Int>] = []
        let page = try CPFFlux.Document(id: id, timestamp: timestamp, settings: settings) { text += $0 }
        try page.certification(code)
        for (passage, _) in pending { ranges.append(try page.passage(passage)) }
        try page.finish()
        for problem in try validator.problems(of: Array(text.utf8)) {
            let found: String
            if let i = ranges.firstIndex(where: { $0.contains(problem.line) }) {
                let line = pending[i].lines.lowerBound + problem.line - ranges[i].lowerBound
                found = "\(pending[i].passage.candidate) : ligne \(line) : \(problem.message)"
            } else {
                // The envelope, the same on every page: said once.
                found = "en-tête du flux : \(problem.message)"
            }
            if !problems.contains(found) { problems.append(found) }
        }
        pending.removeAll(keepingCapacity: true)
    }
}
