import CertifolioApp
import CertifolioCore
import CertifolioReports
import CertifolioTestSupport
import Foundation
import Testing

/// Issue 13: the PV a president signs, the notification, and the parchemin issued once — their
/// text read back from the PDFs — and the register that numbers the awards.
@Suite struct SignedDocumentsTests {
    static let profile = CertifierProfile(
        siret: "92383753800019", address: "AROBASE INGENIERIE\n10 rue de l'Exemple\n75011 Paris", city: "Paris",
        signatoryName: "Camille Martin", signatoryQuality: "Présidente",
        appeal: "Recours gracieux auprès du président du jury dans les deux mois de la notification.",
        verificationURL: "https://certifolio.example/verification/")
    static let letterDay = Day(iso: "2027-07-10")!

    /// The sample session with the certifier's profile, a designated president and an excused member.
    static func signedLoop() throws -> JuryLoopTests.Loop {
        let loop = try JuryLoopTests.Loop()
        try loop.database.setCertifierProfile(profile, actor: tester)
        try loop.database.addJuryMember(JuryMember(name: "Paul Renard", role: "professionnel_ess", external: true,
                                                   excused: true), to: loop.session, actor: tester)
        try loop.database.setJuryMemberStanding(named: "Nadia Berrada", in: loop.session, presides: true, excused: false,
                                                actor: tester)
        return loop
    }

    @Test func thePVNamesTheCertifierTheJuryAsItSatTheCompositionMetAndTheAppeal() throws {
        let loop = try Self.signedLoop()
        try loop.runToClosing()
        try loop.database.writeMinutes(loop.session, pdf: loop.path("pv.pdf"), csv: nil, asOf: Self.letterDay, actor: tester)
        let text = try PDFText.flat(loop.path("pv.pdf"))
        for expected in ["AROBASE INGENIERIE (SIRET 92383753800019) AROBASE INGENIERIE 10 rue de l'Exemple 75011 Paris",
                         "Présidence : Nadia Berrada",
                         "Nadia Berrada (préside le jury) Professionnel externe, possédant une expertise dans l'ESS externe présent",
                         "Paul Renard Professionnel externe, possédant une expertise dans l'ESS externe excusé",
                         "(29 candidats) : le jury réuni satisfait à la composition exigée par la fiche — Un expert du "
                            + "domaine externe ; un professionnel externe, possédant une expertise dans l'ESS.",
                         "« Par expérience (VAE) »",
                         "MQ001 — Noé MOREAU 6 février 1996 — En contrat d'apprentissage",
                         "Voies et délais de recours Recours gracieux auprès du président du jury dans les deux mois",
                         "Fait à Paris, le 30 juin 2027."] {
            #expect(text.contains(expected), "PV should contain « \(expected) »")
        }
        // The excused member signs nothing: the signature table lists the members present.
        let signing = try #require(try PDFText.pages(loop.path("pv.pdf")).last)
        #expect(signing.contains("Signatures des membres présents") && !signing.contains("Paul Renard"))
        #expect(!text.contains("PROJET"))
    }

    @Test func aProjetDePVIsMarkedOnEveryPageAndNumbersNothing() throws {
        let loop = try Self.signedLoop()
        _ = try loop.database.convoke(loop.session, candidates: [], cohort: "MEQP-2025", actor: tester)
        try loop.database.acceptProposals(loop.session, asOf: JuryLoopTests.sessionDay, actor: tester)
        let before = try loop.database.auditEntries().count
        try loop.database.writeDraftMinutes(loop.session, pdf: loop.path("projet.pdf"))
        let pages = try PDFText.pages(loop.path("projet.pdf"))
        #expect(pages.count > 1)
        for page in pages { #expect(PDFText.flat(text: page).contains("PROJET DE PV — sans valeur de décision")) }
        let text = try PDFText.flat(loop.path("projet.pdf"))
        #expect(text.contains("Projet de procès-verbal de la session de jury"))
        // The jury is not complete yet (one expert evaluated everyone): the draft says so, per route.
        #expect(text.contains("n'est pas réunie"))
        #expect(text.contains("MQ001 — Validé Validé Validé Validé Validé") == false)
        #expect(text.contains("MQ001 — Noé MOREAU 6 février 1996 — En contrat d'apprentissage Validé Validé Validé Validé Validé"))
        #expect(try loop.database.auditEntries().count == before, "a draft is not a document issued")
        // A closed session has no draft; an open one has no PV.
        #expect(throws: JuryError.sessionOpen(loop.session)) {
            try loop.database.writeMinutes(loop.session, pdf: loop.path("pv.pdf"), csv: nil, asOf: Self.letterDay,
                                           actor: tester)
        }
    }

    @Test func theNotificationIsAddressedSignedAndSaysHowToAppeal() throws {
        let loop = try Self.signedLoop()
        try loop.runToClosing()
        let files = try loop.database.writeNotifications(loop.session, folder: loop.folder.path, asOf: Self.letterDay)
        let letter = try PDFText.flat(try #require(files.first { $0.hasSuffix("MQ002.pdf") }))
        for expected in ["10 rue de l'Exemple 75011 Paris", "Françoise BERTRAND 23 avenue Jean-Jaurès 59000 Lille",
                         "Candidat n° MQ002, née le 27 août 1996 à Paris",
                         "Voie d'accès : Après un parcours de formation continue",
                         "RNCP41818BC01 — Encadrer le diagnostic stratégique et qualité",
                         "Le titre, que ce jury n'a pas délivré (décision : ajourné — Fraude constatée au mémoire).",
                         "Voies et délais de recours Recours gracieux", "Fait à Paris, le 10 juillet 2027.",
                         "Pour le jury, son président : Nadia Berrada", "Pour le certificateur : Camille Martin Présidente",
                         "— page 1/"] {
            #expect(letter.contains(expected), "notification should contain « \(expected) »")
        }
        #expect(!letter.contains("(s)") && !letter.contains("formation_continue"))
    }

    @Test func theParcheminIsIssuedOnceWithItsSerialCodeAndSignatories() throws {
        let loop = try Self.signedLoop()
        try loop.runToClosing()
        let first = try loop.database.issueParchemin("MQ001", asOf: Self.letterDay, actor: tester)
        #expect(first.issuedNow && first.entry.serial == "RNCP41818-2027-0001")
        let text = try PDFText.flat(first.path)
        for expected in ["AROBASE INGENIERIE", "sous le numéro RNCP41818, niveau 7", "Vu la décision du jury réuni le 30 juin 2027",
                         "est délivré à Noé MOREAU né le 6 février 1996 à Lyon", "Fait à Paris, le 10 juillet 2027",
                         "Le président du jury Nadia Berrada", "Présidente Camille Martin",
                         "Parchemin n° RNCP41818-2027-0001", "Code de vérification : \(first.entry.verificationCode)",
                         "https://certifolio.example/verification/\(first.entry.verificationCode)"] {
            #expect(text.contains(expected), "parchemin should contain « \(expected) »")
        }
        #expect(!text.contains("SIRET"))
        // Asked again, even on another day: the same line, the same bytes, nothing written.
        let entries = try loop.database.auditEntries().count
        let again = try loop.database.issueParchemin("MQ001", asOf: Day(iso: "2027-09-01")!, actor: tester)
        #expect(!again.issuedNow && again.entry == first.entry)
        #expect(FileManager.default.contents(atPath: again.path) == FileManager.default.contents(atPath: first.path))
        #expect(try loop.database.auditEntries().count == entries)
        // The next award of the year takes the next serial.
        let second = try loop.database.issueParchemin("MQ003", asOf: Self.letterDay, actor: tester)
        #expect(second.entry.serial == "RNCP41818-2027-0002")
        #expect(second.entry.verificationCode != first.entry.verificationCode)
        #expect(try loop.database.parcheminRegister().map(\.entry.serial) == ["RNCP41818-2027-0001", "RNCP41818-2027-0002"])
        #expect(try loop.database.auditEntries().last?.action == "parchemin.issue")
    }

    @Test func noParcheminForATitleNotAwardedOrRevokedAndTheVerificationSaysAnnulled() throws {
        let loop = try Self.signedLoop()
        try loop.runToClosing()
        #expect(throws: DocumentRefused.titleNotAwarded("MQ002", "RNCP41818")) {
            try loop.database.issueParchemin("MQ002", asOf: Self.letterDay, actor: tester)
        }
        let issued = try loop.database.issueParchemin("MQ031", asOf: Self.letterDay, actor: tester)
        let code = issued.entry.verificationCode
        #expect(try loop.database.verifyParchemin(code: code)
                == ParcheminVerification(title: "Manager expert qualité et performance des organisations d'économie sociale et solidaire",
                                         holder: "Sébastien FOURNIER", awardedOn: JuryLoopTests.sessionDay, status: .valid))
        // Typed by hand: lower case, with spaces and dashes.
        let typed = code.lowercased().enumerated().map { $0.offset == 4 ? "-\($0.element)" : String($0.element) }.joined()
        #expect(try loop.database.verifyParchemin(code: " " + typed)?.status == .valid)

        try loop.database.revoke(Revocation(candidate: "MQ031", component: .title, decision: .ajourne,
                                            reason: "Livret non remis", date: Day(iso: "2027-07-12")!),
                                 in: loop.session, actor: tester)
        #expect(try loop.database.verifyParchemin(code: code)?.status == .annulled)
        #expect(try loop.database.parcheminRegister().first?.status == .annulled)
        #expect(throws: DocumentRefused.titleNotAwarded("MQ031", "RNCP41818")) {
            try loop.database.issueParchemin("MQ031", asOf: Day(iso: "2027-07-20")!, actor: tester)
        }
        #expect(try loop.database.currentParchemin(of: "MQ031", asOf: Day(iso: "2027-07-20")!) == nil)
        #expect(try loop.database.parcheminRegister().count == 1)
        // Unknown and malformed codes: nothing, and no lookup of a code that cannot be one.
        #expect(try loop.database.verifyParchemin(code: "ZZZZZZZZZZZZ") == nil)
        #expect(try loop.database.verifyParchemin(code: "' OR 1=1 --") == nil)
    }

    @Test func aProfileIsRefusedFieldByFieldAndNothingIsRecorded() throws {
        let loop = try JuryLoopTests.Loop()
        var bad = Self.profile
        bad.siret = "12345678901234"
        bad.city = "  "
        bad.verificationURL = "certifolio.example"
        let refused = try #require(throws: CertifierProfileRefused.self) {
            try loop.database.setCertifierProfile(bad, actor: tester)
        }
        #expect(Set(refused.problems.map(\.field)) == [.siret, .city, .verificationURL])
        #expect(try loop.database.certifierProfiles().isEmpty)
        try loop.database.setCertifierProfile(Self.profile, actor: tester)
        #expect(try loop.database.certifierProfiles()["92383753800019"] == Self.profile)
        #expect(try loop.database.auditEntries().last?.action == "certifier.profile")
    }

    @Test func theSessionDesignatesAPresidentOnlyWhenTheFicheNamesNone() throws {
        let loop = try JuryLoopTests.Loop()
        #expect(throws: JuryError.excusedCannotPreside("Nadia Berrada")) {
            try loop.database.setJuryMemberStanding(named: "Nadia Berrada", in: loop.session, presides: true, excused: true,
                                                    actor: tester)
        }
        try loop.database.setJuryMemberStanding(named: "Nadia Berrada", in: loop.session, presides: true, excused: false,
                                                actor: tester)
        try loop.database.setJuryMemberStanding(named: "M. François Lemaître", in: loop.session, presides: true,
                                                excused: false, actor: tester)
        // One president at a time: designating another replaces the first.
        let members = try loop.database.jurySession(loop.session).members
        #expect(members.filter(\.presides).map(\.name) == ["M. François Lemaître"])

        let cnam = try ImportPipelineTests.Sandbox()
        let other = try cnam.database.createJurySession(certification: "RNCP36888", date: JuryLoopTests.sessionDay,
                                                        place: "Paris", actor: tester)
        try cnam.database.addJuryMember(JuryMember(name: "Anne Roy", role: "enseignant", external: false), to: other,
                                        actor: tester)
        #expect(throws: JuryError.presidentNamedByFiche(role: "Responsable national du titre (président du jury)",
                                                        "RNCP36888")) {
            try cnam.database.setJuryMemberStanding(named: "Anne Roy", in: other, presides: true, excused: false,
                                                    actor: tester)
        }
    }
}
