import CertifolioCore
import CertifolioRules
@testable import CertifolioWeb
import Foundation
import Hummingbird
import NIOCore
import Testing

/// The evaluation form's checks, without a server.
struct EvaluationFormTests {
    static let referentiel: Referentiel = {
        let fixture = try! WebFixture()
        return try! fixture.database.referentiels()["RNCP41818"]!
    }()
    static let today = Day(iso: "2027-06-30")!

    /// The form decoded into a draft, checked as the door checks it, worded with the form's fields.
    func check(_ form: EvaluationForm, isCorrection: Bool = false) -> Result<EvaluationEvent, FormErrors> {
        EvaluationCheck.check(form.draft(evaluator: "Mme Agnès Perrot"), referentiel: Self.referentiel,
                              today: Self.today, isCorrection: isCorrection).mapError(form.errors)
    }

    @Test func aFrenchDecimalScoreOnTheDefaultScaleMakesAnEvent() throws {
        let block = Self.referentiel.blocks[0]
        let event = try check(EvaluationForm(epreuve: "\(block.code)|\(block.modalities[0].id)", date: "2027-06-01",
                                             score: "12,5")).get()
        #expect(event.score == ExactDecimal(parsing: "12.5"))
        #expect(event.maxScore == Self.referentiel.evaluation.defaultMaxScore)
        #expect(event.date == Day(iso: "2027-06-01"))
        #expect(event.evaluator == "Mme Agnès Perrot")
        #expect(event.component == .block(block.code))
    }

    @Test func aFrenchDateAndAnExplicitResultAreAccepted() throws {
        let exam = Self.referentiel.finalExams[0]
        let event = try check(EvaluationForm(epreuve: "final|\(exam.id)", date: "01/06/2027", result: "non_acquis")).get()
        #expect(event.result == .nonAcquis)
        #expect(event.score == nil)
        #expect(event.component == .final)
    }

    struct Bad: Sendable, CustomStringConvertible {
        let form: EvaluationForm
        let field: String
        let message: String
        var description: String { field + ": " + message }

        static let all: [Bad] = [
            Bad(form: EvaluationForm(epreuve: "RNCP36888BC01|note_synthese", date: "2027-06-01", score: "12"),
                field: "epreuve", message: "choisissez l'épreuve évaluée"),
            Bad(form: EvaluationForm(epreuve: "", date: "", score: "12"), field: "date",
                message: "la date de l'évaluation est obligatoire."),
            Bad(form: EvaluationForm(epreuve: "", date: "2027-02-30", score: "12"), field: "date",
                message: "« 2027-02-30 » n'est pas une date"),
            Bad(form: EvaluationForm(epreuve: "", date: "2027-07-01", score: "12"), field: "date",
                message: "la date du 1er juillet 2027 est dans le futur."),
            Bad(form: EvaluationForm(epreuve: "", date: "2027-06-01", score: "douze"), field: "note",
                message: "note « douze » invalide"),
            Bad(form: EvaluationForm(epreuve: "", date: "2027-06-01", score: "-1"), field: "note",
                message: "note « -1 » invalide"),
            Bad(form: EvaluationForm(epreuve: "", date: "2027-06-01", score: "20,5", maxScore: "20"), field: "note",
                message: "la note 20,5 dépasse le barème (20)."),
            Bad(form: EvaluationForm(epreuve: "", date: "2027-06-01", score: "2", maxScore: "0"), field: "bareme",
                message: "barème « 0 » invalide"),
            Bad(form: EvaluationForm(epreuve: "", date: "2027-06-01"), field: "note",
                message: "indiquez une note ou un résultat"),
            Bad(form: EvaluationForm(epreuve: "", date: "2027-06-01", result: "peut-être"), field: "resultat",
                message: "résultat « peut-être » inconnu."),
        ]
    }

    @Test(arguments: Bad.all)
    func eachWrongFieldIsNamedWithAFrenchMessage(_ bad: Bad) {
        guard case .failure(let errors) = check(bad.form) else {
            Issue.record("accepted: \(bad)")
            return
        }
        let message = errors.message(for: bad.field) ?? ""
        #expect(message.contains(bad.message), "\(message)")
    }

    @Test func aCorrectionNeedsAReason() {
        let block = Self.referentiel.blocks[0]
        let form = EvaluationForm(epreuve: "\(block.code)|\(block.modalities[0].id)", date: "2027-06-01", score: "12")
        guard case .failure(let errors) = check(form, isCorrection: true) else {
            Issue.record("accepted without a reason")
            return
        }
        #expect(errors.message(for: "motif") == "une correction doit donner sa raison.")
    }
}

/// Reading submitted forms into their values.
struct SubmittedFormTests {
    func form(_ body: String) -> SubmittedForm {
        SubmittedForm(body: ByteBuffer(string: body), contentType: "application/x-www-form-urlencoded")
    }

    @Test func fieldsAreDecodedTrimmedAndRepeatedOnesKeptInOrder() throws {
        let account = try form("nom=+Agn%C3%A8s+Perrot+&promotions%5B%5D=A&promotions[]=B&email=&mot_de_passe=+x+")
            .decode(AccountForm.self)
        #expect(account.name == "Agnès Perrot")
        #expect(account.cohorts == ["A", "B"])
        #expect(account.email == "")
        #expect(account.role == "")
        // A password is taken as typed.
        #expect(account.password == " x ")
    }

    @Test func theDecisionFormGivesEachComponentItsDecisionAndMotive() throws {
        let decided = try form("composante[]=RNCP41818BC01&composante[]=title&decision[RNCP41818BC01]=valide"
            + "&decision[title]=ajourne&motif[title]=Dossier+incomplet").decode(DecisionForm.self)
        #expect(decided.components == ["RNCP41818BC01", "title"])
        #expect(decided.decisions == ["RNCP41818BC01": "valide", "title": "ajourne"])
        #expect(decided.motives == ["title": "Dossier incomplet"])
    }

    @Test func aBodyNoBrowserSendsIsABadRequestInFrench() {
        for body in ["nom=A&nom=B", "promotions[]=A&promotions=B"] {
            do {
                _ = try form(body).decode(AccountForm.self)
                Issue.record("accepted: \(body)")
            } catch let error as HTTPError {
                #expect(error.status == .badRequest)
                #expect(error.body?.contains("Formulaire mal formé") == true)
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}

/// Sign-in throttling.
struct LoginThrottleTests {
    @Test func fiveFailuresBlockTheEmailForTheWindowThenItOpensAgain() async {
        let throttle = LoginThrottle(limit: 5, window: 60)
        let keys = LoginThrottle.keys(email: "Jury@Example.fr", address: "10.0.0.1")
        let start = Date(timeIntervalSince1970: 1_000_000)
        for _ in 0..<5 { await throttle.failed(keys, now: start) }
        #expect(await throttle.blockedUntil(keys, now: start.addingTimeInterval(1)) == start.addingTimeInterval(60))
        // The same e-mail in another case is the same account.
        let other = LoginThrottle.keys(email: "jury@example.fr", address: nil)
        #expect(await throttle.blockedUntil(other, now: start.addingTimeInterval(1)) != nil)
        #expect(await throttle.blockedUntil(keys, now: start.addingTimeInterval(61)) == nil)
    }

    @Test func aSuccessClearsTheEmailsCount() async {
        let throttle = LoginThrottle(limit: 2, window: 60)
        let keys = LoginThrottle.keys(email: "a@example.fr", address: nil)
        await throttle.failed(keys)
        await throttle.succeeded(email: "a@example.fr")
        await throttle.failed(keys)
        #expect(await throttle.blockedUntil(keys) == nil)
    }
}
