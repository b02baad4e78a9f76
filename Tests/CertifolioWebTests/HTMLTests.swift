@testable import CertifolioWeb
import Testing

/// HTML written in Swift: markup as written, text escaped, so that text never becomes markup.
struct HTMLTests {
    @Test func interpolatedTextIsEscapedAndLiteralMarkupIsKept() {
        let name = "<script>alert('x')</script> & \"co\""
        let html: HTML = "<p class=\"name\">\(name)</p>"
        #expect(html.markup == "<p class=\"name\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;</p>")
    }

    @Test func markupPutInsideMarkupIsNotEscapedTwice() {
        let item: HTML = "<li>\("a < b")</li>"
        let list: HTML = "<ul>\(item)\(["c", "d & e"].html { "<li>\($0)</li>" })</ul>"
        #expect(list.markup == "<ul><li>a &lt; b</li><li>c</li><li>d &amp; e</li></ul>")
        #expect((list + .empty).markup == list.markup)
    }

    @Test func numbersAndTextWithoutSpecialCharactersAreWrittenAsTheyAre() {
        let html: HTML = "<td>\(42)</td><td>\("Évaluée le 23 novembre 2026 : 12,5/20")</td>"
        #expect(html.markup == "<td>42</td><td>Évaluée le 23 novembre 2026 : 12,5/20</td>")
    }
}
