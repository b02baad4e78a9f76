import CertifolioCore
import Testing

struct CSVFieldTests {
    @Test(arguments: [
        ("simple", ";", "simple"),
        ("a;b", ";", "\"a;b\""),
        ("a,b", ";", "a,b"),
        ("a,b", ",", "\"a,b\""),
        ("dit \"oui\"", ",", "\"dit \"\"oui\"\"\""),
        ("deux\r\nlignes", ",", "\"deux\r\nlignes\""),
    ])
    func aFieldIsQuotedOnlyWhenItMustBe(_ value: String, _ separator: String, _ written: String) {
        #expect(CSVField.quoted(value, separator: Character(separator)) == written)
    }
}

/// Found by fuzzing the command line: a 100 000-character field was quoted whole in its refusal.
@Test func aLongQuotedValueIsShortenedInARefusal() {
    let long = String(repeating: "x", count: 100_000)
    let error = InputError(SourceLocation(file: "calendar.csv", line: 2), "promotion « MEQ\(long) » inconnue ; voie « vae » ouverte.")
    #expect(error.problem == "promotion « MEQ" + String(repeating: "x", count: 47) + "… (100003 caractères) » inconnue ; voie « vae » ouverte.")
    #expect(InputError(SourceLocation(file: "f"), "court « abc »").problem == "court « abc »")
}
