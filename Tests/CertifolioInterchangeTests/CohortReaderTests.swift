import CertifolioCore
import Testing
@testable import CertifolioInterchange

@Suite struct CohortReaderTests {
    @Test func readsAValidCohortWithAccentsDecimalCommaAndDefaults() throws {
        let batch = try Fixtures.read(
            events: Fixtures.eventsHeader + "\n"
                + "C001,RNCP41818BC01,note_synthese,2026-10-01,\"12,5\",,,Mme Évaluatrice\n"
                + "C001,final,memoire,2027-05-20,,,acquis,\n"
                + "C001,RNCP41818BC02,vae,2027-01-05,,,non_acquis,Jury VAE\n",
            requirements: "candidate_id,kind,start,end,years\nC001,stage,2026-02-02,2026-02-20,\nC001,experience,,,\"2,5\"\n",
            decisions: "candidate_id,component,decision,date\nC001,RNCP41818BC04,valide,2026-12-15\nC001,title,ajourne,2027-06-14\n")
        #expect(batch.candidates.first?.candidate.familyName == "Lefèvre")
        #expect(batch.events.count == 3)
        #expect(batch.events[0].event.score == ExactDecimal(parsing: "12.5"))
        #expect(batch.events[0].event.maxScore == ExactDecimal(20))
        #expect(batch.events[1].event.component == .final)
        #expect(batch.events[1].event.result == .acquis)
        #expect(batch.stages.first?.stage.days == 19)
        #expect(batch.experiences.first?.experience.years == ExactDecimal(parsing: "2.5"))
        #expect(batch.decisions.map(\.decision.component) == [.block("RNCP41818BC04"), .title])
    }

    @Test func eventsMayNameACandidateAlreadyRecorded() throws {
        let batch = try Fixtures.read(
            candidates: Fixtures.candidatesHeader + "\n",
            events: Fixtures.eventsHeader + "\nK9,RNCP36888BC02,etude_de_cas,2026-10-01,12,20,,\n",
            known: ["K9": "RNCP36888"])
        #expect(batch.events.count == 1)
    }

    /// One case per kind of bad input: (file, its content, line, column name, a word of the message).
    struct BadInput: Sendable, CustomStringConvertible {
        let file: String
        let text: String
        let line: Int
        let column: String?
        let word: String
        var description: String { "\(file): \(word)" }
    }

    static let c = Fixtures.candidatesHeader + "\n"
    static let e = Fixtures.eventsHeader + "\n"
    static let r = "candidate_id,kind,start,end,years\n"
    static let d = "candidate_id,component,decision,date\n"
    static let badInputs: [BadInput] = [
        BadInput(file: "candidates.csv", text: c + "C002,Noir,Lou,1991-13-10,l@exemple.fr,RNCP41818,apprentissage,2025-09-15,P\n",
                 line: 2, column: "birth_date", word: "invalide"),
        BadInput(file: "candidates.csv", text: c + "C002,Noir,Lou,1991-01-10,l@exemple.fr,RNCP99999,apprentissage,2025-09-15,P\n",
                 line: 2, column: "certification", word: "inconnue"),
        BadInput(file: "candidates.csv", text: c + "C002,Noir,Lou,1991-01-10,l@exemple.fr,RNCP41818,alternance,2025-09-15,P\n",
                 line: 2, column: "access_route", word: "inconnue"),
        BadInput(file: "candidates.csv", text: c + "C002,,Lou,1991-01-10,l@exemple.fr,RNCP41818,vae,2025-09-15,P\n",
                 line: 2, column: "family_name", word: "manquant"),
        BadInput(file: "candidates.csv", text: c + "C002,Noir,Lou,1991-01-10,pas-un-courriel,RNCP41818,vae,2025-09-15,P\n",
                 line: 2, column: "email", word: "invalide"),
        BadInput(file: "candidates.csv", text: c + "C 2,Noir,Lou,1991-01-10,l@exemple.fr,RNCP41818,vae,2025-09-15,P\n",
                 line: 2, column: "candidate_id", word: "espace"),
        BadInput(file: "candidates.csv", text: Fixtures.candidatesHeader + ",extra\n", line: 1, column: nil, word: "inconnue"),
        BadInput(file: "candidates.csv", text: "candidate_id,family_name\n", line: 1, column: nil, word: "absente"),
        BadInput(file: "events.csv", text: e + "C404,RNCP41818BC01,note_synthese,2026-10-01,12,20,,\n",
                 line: 2, column: "candidate_id", word: "inconnu"),
        BadInput(file: "events.csv", text: e + "C001,RNCP41818BC09,note_synthese,2026-10-01,12,20,,\n",
                 line: 2, column: "component", word: "inconnue"),
        BadInput(file: "events.csv", text: e + "C001,RNCP36888BC01,note_synthese,2026-10-01,12,20,,\n",
                 line: 2, column: "component", word: "inconnue"),
        BadInput(file: "events.csv", text: e + "C001,RNCP41818BC03,note_synthese,2026-10-01,12,20,,\n",
                 line: 2, column: "modality", word: "inconnue"),
        BadInput(file: "events.csv", text: e + "C001,final,stage,2026-10-01,12,20,,\n", line: 2, column: "modality", word: "inconnue"),
        BadInput(file: "events.csv", text: e + "C001,final,memoire,2026-02-30,12,20,,\n", line: 2, column: "date", word: "invalide"),
        BadInput(file: "events.csv", text: e + "C001,final,memoire,2026-10-01,douze,20,,\n", line: 2, column: "score", word: "invalide"),
        BadInput(file: "events.csv", text: e + "C001,final,memoire,2026-10-01,21,20,,\n", line: 2, column: "score", word: "échelle"),
        BadInput(file: "events.csv", text: e + "C001,final,memoire,2026-10-01,12,0,,\n", line: 2, column: "max_score", word: "positive"),
        BadInput(file: "events.csv", text: e + "C001,final,memoire,2026-10-01,12,20,reussi,\n", line: 2, column: "result", word: "inconnu"),
        BadInput(file: "events.csv", text: e + "C001,final,memoire,2026-10-01,,,,\n", line: 2, column: "score", word: "ni note"),
        BadInput(file: "requirements.csv", text: r + "C001,stage,2026-05-01,2026-04-01,\n", line: 2, column: "end", word: "avant"),
        BadInput(file: "requirements.csv", text: r + "C001,stage,2026-05-01,,\n", line: 2, column: "end", word: "manquante"),
        BadInput(file: "requirements.csv", text: r + "C001,experience,,,\n", line: 2, column: "years", word: "manquant"),
        BadInput(file: "requirements.csv", text: r + "C001,benevolat,,,2\n", line: 2, column: "kind", word: "inconnu"),
        BadInput(file: "decisions.csv", text: d + "C001,RNCP41818BC01,admis,2026-12-15\n", line: 2, column: "decision", word: "inconnue"),
        BadInput(file: "decisions.csv", text: d + "C001,final,valide,2026-12-15\n", line: 2, column: "component", word: "inconnue"),
    ]

    @Test(arguments: badInputs)
    func badInputNamesFileLineAndColumn(_ bad: BadInput) {
        let error = Fixtures.error {
            switch bad.file {
            case "candidates.csv": return try Fixtures.read(candidates: bad.text)
            case "events.csv": return try Fixtures.read(events: bad.text)
            case "requirements.csv": return try Fixtures.read(requirements: bad.text)
            default: return try Fixtures.read(decisions: bad.text)
            }
        }
        #expect(error?.location.file == bad.file)
        #expect(error?.location.line == bad.line)
        #expect(error?.location.columnName == bad.column)
        #expect(error?.message.contains(bad.word) == true, "\(error?.message ?? "no error")")
        if bad.column != nil { #expect(error?.location.column != nil) }
    }

    @Test func duplicateCandidateAndCandidateOfAnotherCertification() {
        let twice = Fixtures.error {
            try Fixtures.read(candidates: Fixtures.candidatesHeader + "\n" + Fixtures.candidateLine + "\n" + Fixtures.candidateLine + "\n")
        }
        #expect(twice?.location.line == 3)
        #expect(twice?.problem.contains("deux fois") == true)
        let other = Fixtures.error { try Fixtures.read(known: ["C001": "RNCP36888"]) }
        #expect(other?.problem.contains("déjà inscrit en RNCP36888") == true)
    }

    @Test func aBirthDateLessThanFifteenYearsBeforeTheEnrolmentIsRefusedAtItsColumn() {
        let line = "C001,Lefèvre,Zoé,2030-02-03,zoe@exemple.fr,RNCP41818,apprentissage,2025-09-15,P2025\n"
        let young = Fixtures.error { try Fixtures.read(candidates: Fixtures.candidatesHeader + "\n" + line) }
        #expect(young?.location == SourceLocation(file: "candidates.csv", line: 2, column: 4, columnName: "birth_date"))
        #expect(young?.problem.contains("le candidat aurait moins de 15 ans") == true)
        // Found by libFuzzer: a birth in 9990 or later crashed the check (no such birthday).
        let far = line.replacingOccurrences(of: "2030-02-03", with: "9995-02-03")
        let future = Fixtures.error { try Fixtures.read(candidates: Fixtures.candidatesHeader + "\n" + far) }
        #expect(future?.location.columnName == "birth_date" && future?.problem.contains("invraisemblable") == true)
        // A closed route is recorded from a file (the verdict reports it, contract §3).
        let closed = "C001,Lefèvre,Zoé,1990-02-03,zoe@exemple.fr,RNCP41818,formation_initiale,2025-09-15,P2025\n"
        #expect(Fixtures.error { try Fixtures.read(candidates: Fixtures.candidatesHeader + "\n" + closed) } == nil)
    }

    @Test func errorsNameTheRealColumnWhenColumnsAreReordered() {
        let header = "cohort,certification,access_route,enrolled_on,email,birth_date,given_names,family_name,candidate_id\n"
        let line = "P2025,RNCP41818,apprentissage,2025-09-15,zoe@exemple.fr,1990-02-03,Zoé,Lefèvre,C001\n"
        let twice = Fixtures.error { try Fixtures.read(candidates: header + line + line) }
        #expect(twice?.location == SourceLocation(file: "candidates.csv", line: 3, column: 9, columnName: "candidate_id"))
        let other = Fixtures.error { try Fixtures.read(candidates: header + line, known: ["C001": "RNCP36888"]) }
        #expect(other?.location == SourceLocation(file: "candidates.csv", line: 2, column: 2, columnName: "certification"))
    }

    /// Issue 13: one bad birth date gave the line's error, then one "candidat inconnu" per line
    /// of the other files naming that candidate. Now each wrong line says its own error, once.
    @Test func aRefusedCandidateIsNotReportedAgainAsUnknownInTheOtherFiles() throws {
        let bad = Fixtures.candidateLine.replacingOccurrences(of: "1990-02-03", with: "1990-02-30")
        let error = try #require(throws: InputErrors.self) {
            try Fixtures.read(candidates: Fixtures.candidatesHeader + "\n" + bad + "\n",
                              events: Fixtures.eventsHeader + "\nC001,final,memoire,2026-10-01,12,20,,\n"
                                + "C001,final,memoire,2026-10-02,13,20,,\nC002,final,memoire,2026-10-02,13,20,,\n",
                              requirements: "candidate_id,kind,start,end,years\nC001,stage,2026-01-01,2026-06-30,\n")
        }
        #expect(error.errors.map { "\($0.location.file):\($0.location.line ?? 0)" } == ["candidates.csv:2", "events.csv:4"])
        #expect(error.errors[0].problem.contains("1990-02-30"))
        // C002 is in no file: still "inconnu".
        #expect(error.errors[1].problem.contains("candidat « C002 » inconnu"))
    }

    @Test func reportsEveryBadLineAtOnce() {
        do {
            _ = try Fixtures.read(events: Fixtures.eventsHeader + "\nC001,final,memoire,2026-13-01,12,20,,\nC001,final,memoire,2026-10-01,25,20,,\n")
            Issue.record("expected errors")
        } catch let error as InputErrors {
            #expect(error.errors.map(\.location.line) == [2, 3])
            #expect(error.message.contains("Rien n'a été importé"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
