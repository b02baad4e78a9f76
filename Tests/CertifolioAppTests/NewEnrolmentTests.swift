import CertifolioCore
import Testing
@testable import CertifolioApp

/// One candidate typed in a form decodes into the same draft as a line of candidates.csv and
/// passes the same check, then the cohort writer.
@Suite struct NewEnrolmentTests {
    @Test func theFieldsBecomeADraftTrimmedWithFrenchDatesMadeIso() throws {
        let enrolment = NewEnrolment(candidateID: " NW020 ", familyName: "Durand, dite \"Lou\"", givenNames: "Lou",
                                     birthDate: "02/04/1999", certification: "RNCP36888", accessRoute: "vae",
                                     enrolledOn: "2027-09-01", cohort: "")
        #expect(enrolment.draft == EnrolmentDraft(candidateID: "NW020", familyName: "Durand, dite \"Lou\"",
                                                  givenNames: "Lou", birthDate: "1999-04-02", email: "",
                                                  certification: "RNCP36888", accessRoute: "vae",
                                                  enrolledOn: "2027-09-01", cohort: ""))
    }

    @Test func aWrongEnrolmentIsRefusedFieldByFieldAsAFileLineWouldBe() throws {
        let sandbox = try ImportPipelineTests.Sandbox()
        let enrolment = NewEnrolment(candidateID: "NW 21", familyName: "", givenNames: "Lou", birthDate: "31/02/1999",
                                     email: "lou@", certification: "RNCP36888", accessRoute: "formation_a_distance",
                                     enrolledOn: "2027-09-01")
        do {
            try sandbox.database.enrol(enrolment, source: "test", actor: tester)
            Issue.record("the enrolment should be refused")
        } catch EnrolmentRefused.fields(let problems) {
            #expect(problems.map(\.field) == [.candidateID, .familyName, .birthDate, .email, .accessRoute])
            #expect(problems[2].message == "date « 31/02/1999 » invalide : une date réelle au format AAAA-MM-JJ est attendue.")
        }
        #expect(try sandbox.database.candidateRecord("NW 21") == nil)
    }

    /// Issue 13: a birth date in 2030 and a route the fiche closes were accepted by the form.
    @Test func anImpossibleBirthDateAndAClosedRouteAreRefused() throws {
        let sandbox = try ImportPipelineTests.Sandbox()
        let enrolment = NewEnrolment(candidateID: "NW022", familyName: "Durand", givenNames: "Lou", birthDate: "2030-01-05",
                                     certification: "RNCP36888", accessRoute: "formation_initiale", enrolledOn: "2027-09-01")
        do {
            try sandbox.database.enrol(enrolment, source: "test", actor: tester)
            Issue.record("the enrolment should be refused")
        } catch EnrolmentRefused.fields(let problems) {
            #expect(problems.map(\.field) == [.birthDate, .accessRoute])
            #expect(problems[0].message.contains("le candidat aurait moins de 15 ans à son inscription du 1er septembre 2027"))
            #expect(problems[1].message.contains("n'ouvre pas la voie"))
        }
        #expect(try sandbox.database.candidateRecord("NW022") == nil)
    }

    @Test func anEnrolmentIsWrittenOnceAndAConflictNamesTheId() throws {
        let sandbox = try ImportPipelineTests.Sandbox()
        let enrolment = NewEnrolment(candidateID: "NW020", familyName: "Durand", givenNames: "Lou",
                                     birthDate: "1999-04-02", certification: "RNCP36888", accessRoute: "vae",
                                     enrolledOn: "2027-09-01", cohort: "VAE-2027")
        let summary = try sandbox.database.enrol(enrolment, source: "test", actor: tester)
        #expect(summary.newCandidates == 1)
        #expect(try sandbox.database.candidateRecord("NW020")?.enrolment.cohort == "VAE-2027")
        let audit = try sandbox.database.auditEntries().count
        #expect(throws: EnrolmentRefused.alreadyEnrolled("NW020")) {
            try sandbox.database.enrol(enrolment, source: "test", actor: tester)
        }
        var other = enrolment
        other.givenNames = "Louise"
        #expect(throws: EnrolmentRefused.otherDetails("NW020")) {
            try sandbox.database.enrol(other, source: "test", actor: tester)
        }
        #expect(try sandbox.database.auditEntries().count == audit)
    }
}
