import ApenCore
import Testing

/// Inputs found by the fuzz targets (fuzz/, docs/hardening.md), kept as regression tests.
struct FuzzRegressionTests {
    /// Texts `IndicatorCSV.quote` must quote, with the field written by hand per RFC 4180
    /// (quotes doubled, the whole field in quotes). FuzzIndicatorCSV found the first: a
    /// breakdown holding CRLF (one `Character`) was written unquoted and broke its row.
    @Test(arguments: [
        ("x\r\ny", "\"x\r\ny\""),  // CRLF: one grapheme, so a Character test missed it
        ("x\ry", "\"x\ry\""),
        (" web", "\" web\""),  // the reader trims blanks outside quotes
        ("web\t", "\"web\t\""),
        ("a\"\u{301}b", "\"a\"\"\u{301}b\""),  // a quote + combining acute is one Character
        ("\"", "\"\"\"\""),
        ("web", "web"),  // nothing to quote
        ("Tromsø by", "Tromsø by"),
    ])
    func quoteLooksAtBytes(text: String, field: String) {
        #expect(Array(IndicatorCSV.quote(text).utf8) == Array(field.utf8))
    }

    /// A baseline written by Åpen reads back as the rows it was written from, whatever the
    /// text in municipality and breakdown (otherwise `apen check` sees missing + added rows).
    @Test(arguments: ["x\r\ny", " 5001", "5001 ", "\t", "a\"\u{301}b", "\u{600}\"", "line\nbreak, \"quoted\""])
    func renderedRowsReadBack(text: String) throws {
        let rows = [
            IndicatorRow(
                indicator: "engagement.by_channel", municipality: text, year: 2023, breakdown: text, value: 0.25, n: 4),
            IndicatorRow(
                indicator: "engagement.by_channel", municipality: "5001", year: 2023, breakdown: "web", value: 0.75,
                n: 12),
        ]
        let back = try IndicatorCSV.parse(text: IndicatorCSV.render(rows), path: "baseline.csv")
        #expect(back == rows.canonicallySorted())
    }
}
