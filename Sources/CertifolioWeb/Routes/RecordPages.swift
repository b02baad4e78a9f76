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

    /// `published`: as the candidate's own page shows it (unpublished evaluations left out).
    func load(_ id: CandidateID, correctable: Bool, published: Bool = false) throws -> Loaded {
        let read = published ? try services.app.publishedRecordWithHistory(id) : try services.app.recordWithHistory(id)
        guard let (record, history) = read else { throw Forbidden() }
        let referentiel = try services.referentiel(record.enrolment.certification)
        let verdict = VerdictEngine.verdict(for: record, referentiel: referentiel, asOf: services.today())
        let view = RecordView(record: record, referentiel: referentiel, verdict: verdict, history: history,
                              correctable: correctable, forCandidate: published)
        return Loaded(view: view, record: record, referentiel: referentiel, history: history, verdict: verdict)
    }

    /// The attestation of the blocks acquired so far, as a download.
    func attestation(_ id: CandidateID) throws -> Response {
        let document = try services.app.candidateDocument(id, issuedOn: services.today(), place: nil)
        return try Downloads.pdf(named: "attestation-\(id).pdf") { try Certifolio.writeAttestation(document, to: $0) }
    }

    /// The parchemin, once the title is awarded.
    func parchemin(_ id: CandidateID) throws -> Response {
        let document = try services.app.candidateDocument(id, issuedOn: services.today(), place: nil)
        return try Downloads.pdf(named: "parchemin-\(id).pdf") { try ParcheminPDF.write(document, to: $0) }
    }
}
