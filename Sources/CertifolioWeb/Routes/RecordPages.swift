import CertifolioApp
import CertifolioCore
import CertifolioReports
import CertifolioRules
import Hummingbird

/// Reading one candidate's record with its verdict as of today, for a page or a document.
struct RecordPages {
    let services: WebServices

    /// What a record page shows, read once.
    struct Loaded {
        let view: RecordView
        let record: CandidateRecord
        let referentiel: Referentiel
        let history: [EvaluationEntry]
        let verdict: Verdict
    }

    /// As staff and the jury see it: every evaluation as soon as it is recorded.
    func load(_ id: CandidateID, correctable: Bool) throws -> Loaded {
        guard let (record, history) = try services.app.recordWithHistory(id) else { throw Forbidden() }
        let referentiel = try services.referentiel(record.enrolment.certification)
        let verdict = VerdictEngine.verdict(for: record, referentiel: referentiel, asOf: services.today())
        let view = RecordView(record: record, referentiel: referentiel, verdict: verdict, history: history,
                              correctable: correctable)
        return Loaded(view: view, record: record, referentiel: referentiel, history: history, verdict: verdict)
    }

    /// The candidate's own page: their published record and what comes next, from one snapshot.
    func portal(_ id: CandidateID) throws -> (loaded: Loaded, agenda: AgendaView) {
        guard let portfolio = try services.app.candidatePortfolio(id, referentiels: try services.referentiels()) else {
            throw Forbidden()
        }
        let referentiel = portfolio.referentiel
        let verdict = VerdictEngine.verdict(for: portfolio.record, referentiel: referentiel, asOf: services.today())
        let view = RecordView(record: portfolio.record, referentiel: referentiel, verdict: verdict,
                              history: portfolio.history, correctable: false, forCandidate: true)
        return (Loaded(view: view, record: portfolio.record, referentiel: referentiel, history: portfolio.history,
                       verdict: verdict),
                AgendaView(portfolio, referentiel: referentiel, verdict: verdict, now: services.now()))
    }

    /// The attestation of the blocks acquired so far, as a download.
    func attestation(_ id: CandidateID) throws -> Response {
        let document = try services.app.candidateDocument(id, issuedOn: services.today(), place: nil)
        return try Downloads.pdf(named: "attestation-\(id).pdf") { try Certifolio.writeAttestation(document, to: $0) }
    }

    /// The parchemin issued for the title in force: always that same kept file, never a new
    /// original (404 until the certifier has issued it).
    func parchemin(_ id: CandidateID) throws -> Response {
        guard let issued = try services.app.currentParchemin(of: id, asOf: services.today()) else {
            throw HTTPError(.notFound, message: "Le parchemin n'a pas encore été délivré par le certificateur.")
        }
        return try Downloads.kept(issued.path, type: "application/pdf", filename: "parchemin-\(issued.entry.serial).pdf")
    }
}
