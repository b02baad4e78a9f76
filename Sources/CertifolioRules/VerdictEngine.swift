import CertifolioCore

/// Turns a candidate's record, the référentiel and a date into a verdict (contract §4).
///
/// Pure: no database, no clock, no I/O. Every rule it applies is read from the référentiel.
public enum VerdictEngine {
    public static func verdict(for record: CandidateRecord, referentiel: Referentiel, asOf: Day) -> Verdict {
        let events = CountingEvents(record.events, asOf: asOf)
        let decisions = CountingDecisions(record.decisions, asOf: asOf)
        let ratio = referentiel.evaluation.passRatio

        let blocks = referentiel.blocks.map { block in
            blockVerdict(block, events: events, decisions: decisions, policy: referentiel.evaluation)
        }
        let finals = referentiel.finalExams.map { exam -> (FinalVerdict, Reason?) in
            finalVerdict(exam, event: events.latest(.final, exam.id), ratio: ratio)
        }
        let requirements = referentiel.requirements.map { requirement in
            RequirementCheck.evaluate(requirement, record: record, asOf: asOf)
        }

        let title: TitleVerdict
        if let awardedOn = decisions.firstValid(.title) {
            title = TitleVerdict(status: .awarded, awardedOn: awardedOn, reasons: [])
        } else {
            var reasons: [Reason] = []
            for (block, verdict) in zip(referentiel.blocks, blocks) where verdict.status.rank == 0 {
                reasons.append(Reason(code: .blockNotValidated, component: block.code.rawValue,
                                      message: ReasonText.blockNotValidated(block, status: verdict.status)))
            }
            reasons += finals.compactMap(\.1)
            reasons += requirements.flatMap(\.reasons)
            reasons += routeReasons(record.enrolment.route, referentiel: referentiel)
            if asOf > referentiel.registrationEnd {
                reasons.append(Reason(code: .registrationExpired, component: referentiel.code.rawValue,
                                      message: ReasonText.registrationExpired(referentiel, asOf: asOf)))
            }
            title = TitleVerdict(status: reasons.isEmpty ? .eligible : .notEligible, awardedOn: nil, reasons: reasons)
        }

        return Verdict(candidateID: record.candidate.id, certification: referentiel.code, asOf: asOf,
                       title: title, blocks: blocks, finals: finals.map(\.0),
                       requirements: requirements.map(\.verdict))
    }

    static func blockVerdict(_ block: Block, events: CountingEvents, decisions: CountingDecisions,
                             policy: EvaluationPolicy) -> BlockVerdict {
        if let acquiredOn = decisions.firstValid(.block(block.code)) {
            return BlockVerdict(code: block.code, status: .acquired, acquiredOn: acquiredOn, reasons: [])
        }
        let component = Component.block(block.code)
        var reasons: [Reason] = []
        var anyEvent = false
        var anyFailed = false
        for modality in block.modalities {
            guard let event = events.latest(component, modality.id) else {
                reasons.append(Reason(code: .modalityMissing, component: block.code.rawValue,
                                      message: ReasonText.modalityMissing(modality, in: block)))
                continue
            }
            anyEvent = true
            if !event.passes(ratio: policy.passRatio) {
                anyFailed = true
                reasons.append(Reason(code: .modalityFailed, component: block.code.rawValue,
                                      message: ReasonText.modalityFailed(modality, in: block, event: event)))
            }
        }
        // Passed when every modality passes, or when the whole block was assessed (VAE) and
        // passed; a failed whole-block assessment only counts while the modalities do not pass.
        if !reasons.isEmpty, let whole = policy.wholeBlockModality, let event = events.latest(component, whole.id) {
            if event.passes(ratio: policy.passRatio) {
                return BlockVerdict(code: block.code, status: .passed, acquiredOn: nil, reasons: [])
            }
            anyEvent = true
            anyFailed = true
            reasons.insert(Reason(code: .modalityFailed, component: block.code.rawValue,
                                  message: ReasonText.modalityFailed(whole, in: block, event: event)), at: 0)
        }
        let status: BlockStatus
        if reasons.isEmpty {
            status = .passed
        } else if anyFailed {
            status = .failed
        } else {
            status = anyEvent ? .inProgress : .notStarted
        }
        return BlockVerdict(code: block.code, status: status, acquiredOn: nil, reasons: reasons)
    }

    static func finalVerdict(_ exam: FinalExam, event: EvaluationEvent?, ratio: ExactDecimal) -> (FinalVerdict, Reason?) {
        guard let event else {
            return (FinalVerdict(id: exam.id, status: .pending),
                    Reason(code: .finalMissing, component: exam.id.rawValue, message: ReasonText.finalMissing(exam)))
        }
        if event.passes(ratio: ratio) {
            return (FinalVerdict(id: exam.id, status: .passed), nil)
        }
        return (FinalVerdict(id: exam.id, status: .failed),
                Reason(code: .finalFailed, component: exam.id.rawValue,
                       message: ReasonText.finalFailed(exam, event: event)))
    }

    static func routeReasons(_ route: AccessRouteID, referentiel: Referentiel) -> [Reason] {
        let known = referentiel.route(route)
        guard known?.allowed != true else { return [] }
        return [Reason(code: .routeNotAllowed, component: referentiel.code.rawValue,
                       message: ReasonText.routeNotAllowed(route, label: known?.label, certification: referentiel.code))]
    }
}
