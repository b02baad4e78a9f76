import CertifolioCore

/// Whether a requirement (stage, experience, or any of them) is met on a date, and why not.
enum RequirementCheck {
    struct Outcome {
        var verdict: RequirementVerdict
        var reasons: [Reason]
    }

    static func evaluate(_ requirement: Requirement, record: CandidateRecord, asOf: Day) -> Outcome {
        if requirement.waivedFor.contains(record.enrolment.route) {
            return Outcome(verdict: RequirementVerdict(id: requirement.id, status: .met, waived: true), reasons: [])
        }
        var reasons: [Reason] = []
        for alternative in requirement.alternatives {
            guard let reason = unmetReason(alternative, of: requirement, record: record, asOf: asOf) else {
                return Outcome(verdict: RequirementVerdict(id: requirement.id, status: .met, waived: false), reasons: [])
            }
            reasons.append(reason)
        }
        return Outcome(verdict: RequirementVerdict(id: requirement.id, status: .unmet, waived: false), reasons: reasons)
    }

    /// Nil when the alternative is met.
    private static func unmetReason(_ alternative: RequirementAlternative, of requirement: Requirement,
                                    record: CandidateRecord, asOf: Day) -> Reason? {
        switch alternative {
        case let .stage(minDays, minMonths):
            // Stages are not added up: one stage must be long enough on its own.
            let finished = record.stages.filter { !($0.end > asOf) }
            let longEnough = finished.contains { $0.days >= minDays && $0.lasts(atLeastMonths: minMonths) }
            if longEnough { return nil }
            guard let longest = finished.max(by: { $0.days < $1.days }) else {
                return Reason(code: .stageMissing, component: alternative.kind,
                              message: ReasonText.stageMissing(requirement, minMonths: minMonths, asOf: asOf))
            }
            return Reason(code: .stageTooShort, component: alternative.kind,
                          message: ReasonText.stageTooShort(requirement, minMonths: minMonths, minDays: minDays,
                                                            longest: longest))
        case let .experience(minYears):
            let total = record.experiences.reduce(ExactDecimal.zero) { $0 + $1.years }
            if !(total < minYears) { return nil }
            return Reason(code: .experienceInsufficient, component: alternative.kind,
                          message: ReasonText.experienceInsufficient(requirement, minYears: minYears, have: total))
        }
    }
}
