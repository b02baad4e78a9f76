import CertifolioCore

/// Whether a session's members make the jury the fiche requires for one candidate.
///
/// The seats come from the référentiel, per access route. A member who evaluated the candidate
/// (named as evaluator of one of their events, or whose account recorded one) does not sit on that
/// candidate's decision: they step aside and do not fill a seat; nor does a member excused from
/// the session.
public struct JuryCompositionCheck: Sendable, Equatable {
    /// French sentences, each saying what is missing; empty when the composition is met.
    public var problems: [String]
    /// Members who step aside for this candidate because they evaluated them.
    public var steppingAside: [JuryMember]

    public var isMet: Bool { problems.isEmpty }

    public static func check(members: [JuryMember], for record: CandidateRecord,
                             referentiel: Referentiel) -> JuryCompositionCheck {
        let routeID = record.enrolment.route
        guard let route = referentiel.route(routeID), route.allowed, let jury = route.jury else {
            return JuryCompositionCheck(
                problems: ["La voie d'accès « \(referentiel.route(routeID)?.label ?? routeID.rawValue) » n'est pas "
                           + "ouverte pour la certification \(referentiel.code) : aucun jury ne peut statuer."],
                steppingAside: [])
        }
        let evaluated = Evaluators(record.events)
        let steppingAside = members.filter(evaluated.includes)
        // An excused member fills no seat: the PV names them as excused.
        let sitting = members.filter { !$0.excused && !evaluated.includes($0) }

        var problems: [String] = []
        for seat in jury.seats {
            let label = referentiel.juryRole(seat.role)?.label ?? seat.role.rawValue
            let holders = sitting.filter { $0.role == seat.role }
            let eligible = holders.filter { $0.external || !seat.mustBeExternal }
            guard eligible.count < seat.count else { continue }
            let missing = seat.count - eligible.count
            let external = seat.mustBeExternal ? (seat.count > 1 ? " (membres externes)" : " (membre externe)") : ""
            var sentence = "Il manque \(missing) membre\(missing > 1 ? "s" : "") « \(label) » : "
                + "la voie « \(route.label) » en exige \(seat.count)\(external), "
                + "\(eligible.count) siège\(eligible.count > 1 ? "nt" : "")."
            let insiders = holders.filter { !$0.external && seat.mustBeExternal }
            if !insiders.isEmpty {
                sentence += " \(names(insiders)) \(insiders.count > 1 ? "sont membres internes" : "est membre interne"), "
                    + "or le référentiel exige un membre externe."
            }
            let excused = members.filter { $0.excused && $0.role == seat.role }
            if !excused.isEmpty {
                sentence += " \(names(excused)) ne \(excused.count > 1 ? "siègent pas (absences excusées)" : "siège pas (absence excusée)")."
            }
            let aside = steppingAside.filter { $0.role == seat.role && !$0.excused }
            if !aside.isEmpty {
                sentence += " \(names(aside)) \(aside.count > 1 ? "ont" : "a") évalué \(record.candidate.id) "
                    + "et ne \(aside.count > 1 ? "siègent" : "siège") pas pour sa décision."
            }
            problems.append(sentence)
        }
        if let president = jury.president, !jury.seats.contains(where: { $0.role == president }),
           !sitting.contains(where: { $0.role == president }) {
            let label = referentiel.juryRole(president)?.label ?? president.rawValue
            problems.append("Le jury doit être présidé par « \(label) » : aucun membre siégeant n'a ce rôle.")
        }
        return JuryCompositionCheck(problems: problems, steppingAside: steppingAside)
    }

    private static func names(_ members: [JuryMember]) -> String {
        members.map(\.name).joined(separator: ", ")
    }
}

/// Who evaluated a candidate: the names written on their evaluations (folded as `PersonName`
/// folds them) and the web accounts that recorded them.
struct Evaluators {
    let names: Set<PersonName>
    let accounts: Set<Int64>

    init(_ events: [EvaluationEvent]) {
        // Each distinct spelling folded once: a candidate's evaluations mostly repeat a few names.
        names = Set(Set(events.map(\.evaluator)).map(PersonName.init))
        accounts = Set(events.compactMap(\.recordedBy))
    }

    /// Whether the member evaluated the candidate: by name, or through their linked account.
    func includes(_ member: JuryMember) -> Bool {
        names.contains(PersonName(member.name)) || member.account.map(accounts.contains) == true
    }
}
