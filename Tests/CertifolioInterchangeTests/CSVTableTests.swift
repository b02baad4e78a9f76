import CertifolioCore
import Testing
@testable import CertifolioInterchange

@Suite struct CSVTableTests {
    @Test func detectsSemicolonsAndHandlesQuotesCRLFAndBOM() throws {
        let text = "\u{FEFF}a;b;c\r\n1;\"x;y\";\"il a dit \"\"oui\"\"\"\r\n\r\n2;\"deux\nlignes\";é\r\n"
        let t = try CSVTable(file: "f.csv", bytes: Array(text.utf8))
        #expect(t.separator == ";")
        #expect(t.header == ["a", "b", "c"])
        #expect(t.rows.count == 2)
        #expect(t.rows[0].fields == ["1", "x;y", "il a dit \"oui\""])
        #expect(t.rows[1].fields == ["2", "deux\nlignes", "é"])
        #expect(t.rows[1].line == 4)
    }

    @Test func wrongFieldCountNamesTheLine() {
        let e = Fixtures.error { try Fixtures.table("x.csv", "a,b\n1,2\n3\n") }
        #expect(e?.location == SourceLocation(file: "x.csv", line: 3))
    }

    @Test func unclosedQuoteIsAnError() {
        let e = Fixtures.error { try Fixtures.table("x.csv", "a,b\n1,\"2\n") }
        #expect(e?.location.line == 2)
        #expect(e?.problem.contains("guillemet") == true)
    }

    @Test func invalidUTF8NamesLineAndColumn() {
        var bytes = Array("a,b\n1,".utf8)
        bytes += [0xC3, 0x28, 0x0A]
        let e = Fixtures.error { try CSVTable(file: "x.csv", bytes: bytes) }
        #expect(e?.location == SourceLocation(file: "x.csv", line: 2, column: 2))
    }

    @Test func emptyFileIsAnError() {
        #expect(Fixtures.error { try Fixtures.table("x.csv", "") }?.location.line == 1)
    }
}
