import CertifolioCore

/// The one check of an insertion survey, for a line of `surveys.csv` and the survey form: a real
/// date, a horizon (`6m`, `2y`), a situation of France compétences' list, and for a holder in
/// employment whether the job is the one the title prepares for (`oui`/`non`) and an optional
/// contract; nothing of a job for someone not in employment.
public enum SurveyCheck {
    public static func check(_ d: SurveyDraft) -> Result<InsertionSurvey, Problems> {
        var problems: [(SurveyField, String)] = []
        if d.candidateID.isEmpty { problems.append((.candidateID, "identifiant du candidat manquant.")) }
        let date = Day(iso: d.date)
        if date == nil {
            problems.append((.date, d.date.isEmpty ? "date de l'enquête manquante (format AAAA-MM-JJ)."
                             : "date « \(d.date) » invalide : une date réelle au format AAAA-MM-JJ est attendue."))
        }
        let horizon = SurveyHorizon(rawValue: d.horizon)
        if horizon == nil { problems.append((.horizon, "horizon « \(d.horizon) » inconnu : 6m (6 mois) ou 2y (2 ans) attendu.")) }
        let situation = EmploymentSituation(rawValue: d.situation)
        if situation == nil {
            problems.append((.situation, "situation « \(d.situation) » inconnue : "
                             + EmploymentSituation.allCases.map(\.rawValue).joined(separator: ", ") + " attendu."))
        }
        var targetJob: Bool?
        switch d.targetJob.lowercased() {
        case "": targetJob = nil
        case "oui": targetJob = true
        case "non": targetJob = false
        default: problems.append((.targetJob, "métier visé « \(d.targetJob) » : oui ou non attendu."))
        }
        var contract: EmploymentContract?
        if !d.contract.isEmpty {
            contract = EmploymentContract(rawValue: d.contract.lowercased())
            if contract == nil {
                problems.append((.contract, "contrat « \(d.contract) » inconnu : "
                                 + EmploymentContract.allCases.map(\.rawValue).joined(separator: ", ") + " attendu."))
            }
        }
        if let situation {
            if situation == .employed, targetJob == nil, d.targetJob.isEmpty {
                problems.append((.targetJob, "pour un titulaire en emploi, dire si c'est le métier visé (oui ou non)."))
            }
            if situation != .employed, situation != .abroad, !d.targetJob.isEmpty || !d.contract.isEmpty {
                problems.append((d.targetJob.isEmpty ? .contract : .targetJob,
                                 "métier visé et contrat ne se disent que d'un titulaire en emploi (situation « \(situation.rawValue) »)."))
            }
        }
        guard problems.isEmpty, let date, let horizon, let situation else {
            return .failure(Problems(problems: problems.map { SurveyProblem(field: $0.0, message: $0.1) }))
        }
        return .success(InsertionSurvey(candidate: CandidateID(d.candidateID), date: date, horizon: horizon,
                                        situation: situation, targetJob: targetJob, contract: contract))
    }

    public struct Problems: Error, Sendable, Equatable {
        public var problems: [SurveyProblem]
    }
}

public struct SurveyProblem: Sendable, Equatable {
    public var field: SurveyField
    public var message: String

    public init(field: SurveyField, message: String) {
        self.field = field
        self.message = message
    }
}
