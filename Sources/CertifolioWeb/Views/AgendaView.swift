import CertifolioApp
import CertifolioCore
import CertifolioRules

/// What comes next for a candidate, the top of their page: the works to hand in with their
/// deadlines and days left, the épreuves to sit (day and place), the juries they are convoked
/// to, and how long the fiche stays registered. Read from the door at the present minute.
struct AgendaView {
    struct Deadline {
        let label: String
        let deadline: ParisTime
        let daysLeft: Int
        let extended: Bool
        /// "déposé (version 2)" or nil.
        let deposited: String?
    }
    struct Sitting {
        let label: String
        let day: Day
        let place: String
    }
    struct Jury {
        let day: Day
        let place: String
    }

    let deadlines: [Deadline]
    let sittings: [Sitting]
    let juries: [Jury]
    let certification: CertificationCode
    let registrationEnd: Day
    let latestDeposits: [(label: String, deposit: Deposit)]
    /// "convoqué", "convoquée" (or "convoqué(e)" when the record does not say).
    let convoked: String

    init(_ portfolio: CandidatePortfolio, referentiel: Referentiel, verdict: Verdict, now: ParisTime) {
        // An acquired block, a final exam passed: nothing left to hand in or sit for them.
        let acquired = Set(verdict.blocks.filter { $0.status == .acquired }.map(\.code))
        let passed = Set(verdict.finals.filter { $0.status == .passed }.map(\.id))
        func done(_ component: Component, _ modality: ModalityID) -> Bool {
            switch component {
            case .block(let code): return acquired.contains(code)
            case .final: return passed.contains(modality)
            }
        }
        convoked = Sex.agree("convoqué", portfolio.record.candidate.identity.sex)
        let slots = portfolio.slots
        deadlines = slots.compactMap { slot in
            guard let deadline = slot.deadline, slot.isOpen(at: now), !done(slot.component, slot.modality) else { return nil }
            return Deadline(label: slot.label, deadline: deadline, daysLeft: deadline.day.ordinal - now.day.ordinal,
                            extended: slot.extended, deposited: slot.deposits.last.map { "déposé (version \($0.version))" })
        }.sorted { $0.deadline < $1.deadline }
        sittings = portfolio.calendar.compactMap { entry in
            guard case let .sitting(day, place) = entry.schedule, day >= now.day, !done(entry.component, entry.modality),
                  referentiel.submission(of: entry.component, entry.modality) != nil else { return nil }
            return Sitting(label: referentiel.epreuveName(entry.component, entry.modality), day: day, place: place)
        }.sorted { $0.day < $1.day }
        juries = portfolio.convocations.map { Jury(day: $0.date, place: $0.place) }
        certification = referentiel.code
        registrationEnd = referentiel.registrationEnd
        latestDeposits = slots.flatMap { slot in slot.deposits.map { (slot.label, $0) } }
            .sorted { $0.1.id > $1.1.id }.prefix(3).map { ($0.0, $0.1) }
    }
}
