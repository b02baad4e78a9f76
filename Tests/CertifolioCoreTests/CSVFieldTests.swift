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
