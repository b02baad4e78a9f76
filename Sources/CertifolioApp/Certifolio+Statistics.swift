import CertifolioCore
import CertifolioInterchange
import CertifolioRules
import CertifolioStore
import Foundation

/// A survey form refused, field by field.
public struct SurveyRefused: UserFacingError, Equatable {
    public var problems: [SurveyProblem]
    public var message: String {
        problems.map { "\($0.field.rawValue) : \($0.message)" }.joined(separator: "\n") + "\nRien n'a été enregistré."
    }
}

extension Certifolio {
    /// Records the answers of `surveys.csv`, all or nothing (`SurveyReader`).
    public func importSurveys(file: String, actor: Actor) throws -> Int {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputError(SourceLocation(file: file), "fichier introuvable ou illisible.")
        }
        return try importSurveys(bytes: [UInt8](data), name: (file as NSString).lastPathComponent, actor: actor)
    }

    /// The same for a file's content (a web upload); `name` names it in errors and in the audit.
    public func importSurveys(bytes: [UInt8], name: String, actor: Actor) throws -> Int {
        let surveys = try SurveyReader.read(file: name, bytes: bytes, known: try database.candidateIDs())
        try database.recordSurveys(surveys, source: name, actor: actor)
        return surveys.count
    }

    /// Records one answer typed in the survey form: the same check as a line of `surveys.csv`; a
    /// candidate the store does not know is refused at the id's field.
    public func recordSurvey(_ draft: SurveyDraft, actor: Actor) throws {
        switch SurveyCheck.check(draft) {
        case .failure(let refused): throw SurveyRefused(problems: refused.problems)
        case .success(let survey):
            do {
                try database.recordSurveys([survey], source: "page Statistiques", actor: actor)
            } catch StoreError.unknownCandidate(let id) {
                throw SurveyRefused(problems: [SurveyProblem(field: .candidateID, message: "candidat « \(id) » inconnu.")])
            }
        }
    }

    /// A fiche's statistics as of `asOf`, one row per year of award (latest first), as France
    /// compétences defines them: holders are the awards in force; a holder is through the VAE when
    /// their route's CPF access mode is `VAE` (read from the référentiel).
    public func statistics(of certification: CertificationCode, asOf: Day) throws -> [InsertionStatistics.Row] {
        guard let referentiel = try database.referentiels()[certification] else {
            throw StoreError.unknownCertification(certification)
        }
        var tally = InsertionStatistics.Tally()
        try database.forEachHolder(of: certification, asOf: asOf) { holder in
            tally.add(InsertionStatistics.Holder(candidate: holder.candidate, year: holder.awardedOn.year,
                                                 viaVAE: referentiel.route(holder.route)?.cpfAccess == .vae),
                      surveys: holder.surveys)
        }
        return tally.rows
    }
}
