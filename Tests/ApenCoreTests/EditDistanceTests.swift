import Testing

@testable import ApenCore

struct SpecEditDistanceTests {
    // Levenshtein distances worked by hand: kitten→sitting = k→s, e→i, +g = 3;
    // flaw→lawn = −f, +n = 2; delimeter→delimiter = e→i = 1; år→ar = å→a = 1.
    @Test(arguments: [
        ("kitten", "sitting", 3), ("flaw", "lawn", 2), ("", "abc", 3), ("abc", "", 3), ("same", "same", 0),
        ("delimeter", "delimiter", 1), ("år", "ar", 1), ("survey.respones", "survey.responses", 1),
    ])
    func distance(a: String, b: String, d: Int) {
        #expect(EditDistance.between(a, b) == d)
        #expect(EditDistance.between(b, a) == d)
    }

    @Test(
        arguments: [
            ("langauge", ["pipeline", "language", "title"], "language"),
            ("LANGUAGE", ["language"], "language"),
            ("kinds", ["kind", "path"], "kind"),
            ("q", ["e"], nil),  // one edit, but the whole word: not a typo
            ("xyz", ["language"], nil),
            (
                "publication.opn_share", ["publication.open_share", "publication.exempt_share"],
                "publication.open_share"
            ),
        ] as [(String, [String], String?)])
    func suggestion(word: String, candidates: [String], expected: String?) {
        #expect(EditDistance.suggestion(for: word, among: candidates) == expected)
    }
}
