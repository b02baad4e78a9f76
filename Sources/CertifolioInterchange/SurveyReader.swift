import CertifolioCore
import CertifolioRules

/// Reads `surveys.csv` (`candidate_id,date,horizon,situation,target_job,contract`): one line per
/// answer to an insertion survey. Each line decodes into a `SurveyDraft` checked by `SurveyCheck`
/// (the survey form passes the same check) and is worded at its line and column; a candidate the
/// database does not know is refused there too. Every bad line is reported at once; a file with
/// one is refused whole.
public enum SurveyReader {
    static let schema = CSVSchema(required: ["candidate_id", "date", "horizon", "situation"],
                                  optional: ["target_job", "contract"])
    public static let conclusion = "Aucune réponse d'enquête n'a été enregistrée."

    public static func read(file: String, bytes: [UInt8], known: Set<CandidateID>) throws -> [InsertionSurvey] {
        try CSVFileReader(schema: schema, conclusion: conclusion, empty: "aucune réponse dans le fichier.")
            .read(file: file, bytes: bytes) { r, columns -> InsertionSurvey? in
                let draft = SurveyDraft(candidateID: r.text("candidate_id"), date: r.text("date"), horizon: r.text("horizon"),
                                        situation: r.text("situation"), targetJob: r.text("target_job"),
                                        contract: r.text("contract"))
                if !draft.candidateID.isEmpty, !known.contains(CandidateID(draft.candidateID)) {
                    r.fail("candidate_id", "candidat « \(draft.candidateID) » inconnu.")
                    return nil
                }
                switch SurveyCheck.check(draft) {
                case .success(let survey): return survey
                case .failure(let refused):
                    for problem in refused.problems {
                        let field = columns[problem.field.rawValue] == nil ? "situation" : problem.field.rawValue
                        r.fail(field, problem.message)
                    }
                    return nil
                }
            }
    }
}
