import Testing

@testable import Reports

@Suite struct MarkupTests {
    @Test func escapesTextAndAttributes() {
        let m = Markup.element("text", ["data-x": "a \"b\" & <c>"], [.text("R&D <2023> \"ok\"")])
        #expect(m.render() == "<text data-x=\"a &quot;b&quot; &amp; &lt;c&gt;\">R&amp;D &lt;2023&gt; \"ok\"</text>")
    }

    @Test func dropsCharactersXMLForbids() {
        #expect(Markup.escapeText("a\u{0001}b\tc") == "a\u{FFFD}b\tc")
    }

    @Test func selfClosesOnlyVoidAndShapeElements() {
        #expect(Markup.element("rect", ["x": "1"]).render() == "<rect x=\"1\"/>")
        #expect(Markup.element("meta", ["charset": "utf-8"]).render() == "<meta charset=\"utf-8\"/>")
        // An HTML parser reads <div/> as an open tag, so it is written out in full.
        #expect(Markup.element("div").render() == "<div></div>")
    }

    @Test func keepsAttributeOrder() {
        #expect(Markup.element("g", ["z": "1", "a": "2"]).render() == "<g z=\"1\" a=\"2\"></g>")
    }

    @Test func renderedIsWellFormed() {
        let m = Markup.element(
            "svg", ["xmlns": "http://www.w3.org/2000/svg"], [.element("text", [:], [.text("Bodø & Tromsø < Oslo")])])
        #expect(XMLCheck.parse(m.render()).error == nil)
    }
}
