import Testing

@testable import ApenCore

/// Characters that print as nothing are spelled out in messages; everything else is kept.
struct VisibleTextTests {
    @Test(arguments: [
        ("\u{FEFF}date", "\\u{FEFF}date"),  // byte-order mark (Cf)
        ("a\u{0}b", "a\\u{0000}b"),  // NUL (Cc)
        ("tab\there", "tab\\u{0009}here"),  // a tab would look like spaces
        ("zero\u{200B}width", "zero\\u{200B}width"),  // zero-width space (Cf)
        ("line\u{2028}sep", "line\\u{2028}sep"),  // line separator (Zl)
        ("Bodø kommune", "Bodø kommune"),  // letters and spaces stay
        ("", ""),
    ])
    func escaping(input: String, expected: String) {
        #expect(VisibleText.escaping(input) == expected)
    }
}
