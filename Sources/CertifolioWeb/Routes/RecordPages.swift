import CertifolioApp
import CertifolioCore
import CertifolioReports
import CertifolioRules
import CertifolioStore
import Hummingbird

/// Reading one candidate's record with its verdict as of today, for a page or a document.
struct RecordPages {
    let services: WebServices

    func view(_ id: CandidateID, correctionBase: String?) throws -> (RecordView, CandidateRecord, Referentiel) {
        guard let record = try services.database.candidateRecord(id) else { throw Forbidden() }
        let referentiel = try services.referentiel(record.enrolment.certification)
        let verdict = VerdictEngine.verdict(for: record, referentiel: referentiel, asOf: services.today())
        let view = RecordView(record: record, referentiel: referentiel, verdict: verdict,
                              history: try services.database.evaluationHistory(id), correctionBase: correctionBase)
        return (view, record, referentiel)
    }

    /// The attestation of the blocks acquired so far, as a download.
    func attestation(_ id: CandidateID) throws -> Response {
        let document = try JuryWorkflows.candidateDocument(id, issuedOn: services.today(), place: nil,
                                                           database: services.database)
        return try Downloads.pdf(named: "attestation-\(id).pdf") { try JuryWorkflows.writeAttestation(document, to: $0) }
    }

    /// The parchemin, once the title is awarded.
    func parchemin(_ id: CandidateID) throws -> Response {
        let document = try JuryWorkflows.candidateDocument(id, issuedOn: services.today(), place: nil,
                                                           database: services.database)
        return try Downloads.pdf(named: "parchemin-\(id).pdf") { try ParcheminPDF.write(document, to: $0) }
    }
}
