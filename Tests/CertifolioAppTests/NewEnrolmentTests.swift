import CertifolioCore
import CertifolioStore
import Testing
@testable import CertifolioApp

/// One candidate typed in a form goes through the cohort file's reader and writer.
@Suite struct NewEnrolmentTests {
    @Test func theFieldsBecomeOneQuotedLineWithFrenchDatesMadeIso() throws {
        let enrolment = NewEnrolment(candidateID: " NW020 ", familyName: "Durand, dite \"Lou\"", givenNames: "Lou",
                                     birthDate: "02/04/1999", certification: "RNCP36888", accessRoute: "vae",
                                     enrolledOn: "2027-09-01", cohort: "")
        let bytes = try #require(enrolment.upload(source: "test").files["candidates.csv"])
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0] == Substring(NewEnrolment.columns.joined(separator: ",")))
        #expect(lines[1] == "NW020,\"Durand, dite \"\"Lou\"\"\",Lou,1999-04-02,,RNCP36888,vae,2027-09-01,")
    }

    @Test func anEnrolmentIsWrittenOnceAndAConflictNamesTheId() throws {
        let sandbox = try ImportPipelineTests.Sandbox()
        let enrolment = NewEnrolment(candidateID: "NW020", familyName: "Durand", givenNames: "Lou",
                                     birthDate: "1999-04-02", certification: "RNCP36888", accessRoute: "vae",
                                     enrolledOn: "2027-09-01", cohort: "VAE-2027")
        let summary = try enrolment.enrol(into: sandbox.database, source: "test", actor: tester)
        #expect(summary.newCandidates == 1)
        #expect(try sandbox.database.candidateRecord("NW020")?.enrolment.cohort == "VAE-2027")
        let audit = try sandbox.database.auditEntries().count
        #expect(throws: EnrolmentRefused.alreadyEnrolled("NW020")) {
            try enrolment.enrol(into: sandbox.database, source: "test", actor: tester)
        }
        var other = enrolment
        other.givenNames = "Louise"
        #expect(throws: EnrolmentRefused.otherDetails("NW020")) {
            try other.enrol(into: sandbox.database, source: "test", actor: tester)
        }
        #expect(try sandbox.database.auditEntries().count == audit)
    }
}
