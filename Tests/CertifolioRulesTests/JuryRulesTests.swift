import CertifolioCore
import Testing
@testable import CertifolioRules

/// The composition the fiche requires, per route, read from the référentiel; and what the
/// engine proposes to the jury.
struct JuryCompositionTests {
    static func member(_ name: String, _ role: String, external: Bool = true) -> JuryMember {
        JuryMember(name: name, role: JuryRoleID(role), external: external)
    }

    static let meqpJury = [member("Claire Dubois", "expert_domaine"), member("Nadia Berrada", "professionnel_ess")]
    static let remmsJury = [
        member("Olivier Faure", "administrateur_general", external: false),
        member("Anne Leroux", "enseignant", external: false),
        member("Marc Petit", "responsable_pedagogique", external: false),
        member("Sylvie Roger", "representant_profession"), member("Karim Haddad", "representant_profession"),
        member("Pr Jean Vidal", "responsable_national", external: false),
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let certification: String
        let route: String
        let members: [JuryMember]
        /// Fragments each expected problem must contain, in order; empty when the composition is met.
        let problems: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "RNCP41818 complete", certification: "RNCP41818", route: "apprentissage", members: meqpJury, problems: []),
        Case(name: "RNCP41818 VAE complete", certification: "RNCP41818", route: "vae", members: meqpJury, problems: []),
        Case(name: "RNCP41818 without the ESS professional", certification: "RNCP41818", route: "formation_continue",
             members: [member("Claire Dubois", "expert_domaine")],
             problems: ["Il manque 1 membre « Professionnel externe, possédant une expertise dans l'ESS »"]),
        Case(name: "RNCP41818 internal expert does not fill an external seat", certification: "RNCP41818",
             route: "apprentissage",
             members: [member("Claire Dubois", "expert_domaine", external: false), member("Nadia Berrada", "professionnel_ess")],
             problems: ["Claire Dubois est membre interne, or le référentiel exige un membre externe"]),
        Case(name: "RNCP41818 empty jury", certification: "RNCP41818", route: "apprentissage", members: [],
             problems: ["« Expert du domaine externe »", "« Professionnel externe"]),
        Case(name: "RNCP36888 apprentissage complete", certification: "RNCP36888", route: "apprentissage",
             members: remmsJury, problems: []),
        Case(name: "RNCP36888 one representative of the professions missing", certification: "RNCP36888",
             route: "contrat_professionnalisation", members: remmsJury.filter { $0.name != "Karim Haddad" },
             problems: ["Il manque 1 membre « Représentant qualifié des professions concernées par le titre » : "
                        + "la voie « En contrat de professionnalisation » en exige 2, 1 siège."]),
        Case(name: "RNCP36888 no president", certification: "RNCP36888", route: "formation_continue",
             members: remmsJury.filter { $0.role != "responsable_national" },
             problems: ["« Responsable national du titre (président du jury) »"]),
        Case(name: "RNCP36888 VAE needs neither the administrateur général nor the president", certification: "RNCP36888",
             route: "vae", members: remmsJury.filter { $0.role != "administrateur_general" && $0.role != "responsable_national" },
             problems: []),
        Case(name: "RNCP36888 VAE without a teacher", certification: "RNCP36888", route: "vae",
             members: remmsJury.filter { $0.role != "enseignant" }, problems: ["« Enseignant·e du Cnam"]),
        Case(name: "a refused route has no jury", certification: "RNCP36888", route: "formation_initiale",
             members: remmsJury, problems: ["n'est pas ouverte pour la certification RNCP36888"]),
    ]

    @Test(arguments: cases)
    func compositionPerRoute(_ c: Case) {
        let referentiel = Fixtures.referentiels[CertificationCode(c.certification)]!
        let record = RecordBuilder(referentiel, route: c.route).record
        let check = JuryCompositionCheck.check(members: c.members, for: record, referentiel: referentiel)
        #expect(check.problems.count == c.problems.count, "\(check.problems)")
        for (problem, fragment) in zip(check.problems, c.problems) {
            #expect(problem.contains(fragment), "« \(problem) » should contain « \(fragment) »")
        }
        #expect(check.isMet == c.problems.isEmpty)
    }

    @Test func anEvaluatorStepsAsideAndLeavesTheirSeatEmpty() {
        var b = RecordBuilder(Fixtures.meqp, route: "apprentissage")
        b.event("RNCP41818BC01", "note_synthese", "2026-03-10")
        // The builder's events name "Mme Évaluatrice": the member is written differently.
        let jury = [Self.member("EVALUATRICE", "expert_domaine"), Self.member("Nadia Berrada", "professionnel_ess")]
        let check = JuryCompositionCheck.check(members: jury, for: b.record, referentiel: Fixtures.meqp)
        #expect(check.steppingAside.map(\.name) == ["EVALUATRICE"])
        #expect(check.problems.count == 1)
        #expect(check.problems.first?.contains("EVALUATRICE a évalué C001 et ne siège pas pour sa décision") == true)

        let withReplacement = jury + [Self.member("Claire Dubois", "expert_domaine")]
        #expect(JuryCompositionCheck.check(members: withReplacement, for: b.record, referentiel: Fixtures.meqp).isMet)
        // A candidate the member did not evaluate is judged by the full jury.
        let other = RecordBuilder(Fixtures.meqp, route: "apprentissage").record
        #expect(JuryCompositionCheck.check(members: jury, for: other, referentiel: Fixtures.meqp).isMet)
    }

    @Test func personNamesIgnoreCivilityCaseAccentsAndPunctuation() {
        #expect(PersonName("Mme Sophie N'Diaye") == PersonName("sophie n’diaye"))
        #expect(PersonName("M. François Lemaître") == PersonName("FRANCOIS LEMAITRE"))
        #expect(PersonName("Dr  Jean-Paul  Roy") == PersonName("jean paul roy"))
        #expect(PersonName("Sophie Martin") != PersonName("Sophie Martine"))
        // A name that is only a civility word stays a name.
        #expect(PersonName("Madame").key == "madame")
    }
}

struct JuryProposalTests {
    static let sessionDay = day("2027-06-30")

    func proposal(_ b: RecordBuilder) -> JuryProposal {
        JuryProposal(verdict: VerdictEngine.verdict(for: b.record, referentiel: b.referentiel, asOf: Self.sessionDay))
    }

    @Test func eligibleCandidateGetsTheTitleWithTheBlocks() {
        let p = proposal(RecordBuilder.complete(Fixtures.meqp))
        #expect(p.kind == .title)
        #expect(p.blocks == Fixtures.meqp.blocks.map(\.code))
        #expect(p.decisions.count == 5)
        #expect(p.expectedDecision(.title) == .valide)
    }

    @Test func passedBlocksWithoutTheTitleAreProposedAlone() {
        var b = RecordBuilder(Fixtures.meqp)
        b.allBlocks(except: ["RNCP41818BC04/mise_en_situation"])
        let p = proposal(b)
        #expect(p.kind == .blocks)
        #expect(p.blocks.map(\.rawValue) == ["RNCP41818BC01", "RNCP41818BC02", "RNCP41818BC03"])
        #expect(p.expectedDecision(.block("RNCP41818BC04")) == .ajourne)
        #expect(p.expectedDecision(.title) == .ajourne)
        #expect(p.decisions.last! == (.title, .ajourne))
    }

    @Test func acquiredBlocksAreNotProposedAgain() {
        var b = RecordBuilder(Fixtures.meqp)
        b.allBlocks()
        b.decision("RNCP41818BC01", .valide, "2027-01-15")
        let p = proposal(b)
        #expect(p.acquired == ["RNCP41818BC01"])
        #expect(!p.blocks.contains("RNCP41818BC01"))
        #expect(p.expectedDecision(.block("RNCP41818BC01")) == .valide)
    }

    @Test func nothingForANewcomerATitleHolderOrAClosedRoute() {
        #expect(proposal(RecordBuilder(Fixtures.meqp)).kind == .none)
        var holder = RecordBuilder.complete(Fixtures.meqp)
        holder.decision("title", .valide, "2027-01-15")
        #expect(proposal(holder).kind == .none)
        #expect(proposal(holder).titleAwarded)
        #expect(proposal(holder).decisions.isEmpty)
        var closed = RecordBuilder(Fixtures.meqp, route: "formation_initiale")
        closed.allBlocks()
        #expect(proposal(closed).kind == .none)
        #expect(proposal(closed).blocks.isEmpty)
    }
}
