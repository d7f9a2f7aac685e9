import Testing
@testable import Walidata

@Suite("HTML escaping")
struct HTMLTests {
    @Test("interpolated text is escaped, interpolated HTML is not")
    func escapesText() {
        let hostile = "<script>alert('x')</script> & \"q\""
        let html: HTML = "<p title=\"\(hostile)\">\(hostile)</p>\(HTML(raw: "<b>ok</b>"))"
        #expect(!html.raw.contains("<script>"))
        #expect(html.raw.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"))
        #expect(html.raw.hasSuffix("<b>ok</b>"))
    }
}
