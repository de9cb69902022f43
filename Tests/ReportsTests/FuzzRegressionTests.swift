import Testing

@testable import Reports

/// Markdown escaping found wrong while hardening (docs/hardening.md): it looped over
/// `Character`s, and `"\r\n"` and `|` + a combining mark are single characters, so a table
/// cell holding either (a breakdown or name from the data) broke its table row.
struct FuzzRegressionTests {
    /// Expected output written by hand: markup characters get a backslash, CR and LF
    /// each become one space.
    @Test(arguments: [
        ("meeting\r\ntown hall", "meeting  town hall"),
        ("a\rb\nc", "a b c"),
        ("a|\u{301}b", "a\\|\u{301}b"),  // `|` + combining acute: one Character, still a pipe
        ("*\u{301}", "\\*\u{301}"),
        ("Tromsø | Bodø", "Tromsø \\| Bodø"),
        ("plain", "plain"),
    ])
    func escapeLooksAtScalars(text: String, escaped: String) {
        #expect(Array(MarkdownRenderer.escape(text).utf8) == Array(escaped.utf8))
    }

    /// A cell never holds a line break or an unescaped pipe, whatever its text.
    @Test(arguments: ["\r\n", "x\r\n|\u{301}y", "\u{600}|", "|\r\n|"])
    func cellsStayOnOneLine(text: String) {
        let cell = Array(MarkdownRenderer.cell(text).utf8)
        #expect(!cell.contains(0x0A) && !cell.contains(0x0D))
        for (i, b) in cell.enumerated() where b == UInt8(ascii: "|") {
            #expect(i > 0 && cell[i - 1] == UInt8(ascii: "\\"))
        }
    }
}
