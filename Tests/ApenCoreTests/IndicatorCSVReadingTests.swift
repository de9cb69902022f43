import Foundation
import Testing

@testable import ApenCore

struct IndicatorCSVReadingTests {
    static let header = "indicator,municipality,year,value,n,se,ci_low,ci_high\n"

    @Test func readsTheFieldsOfARow() throws {
        let rows = try IndicatorCSV.parse(
            text: Self.header
                + "survey.transparency.index,0301,2019,61.25,120,1.5,58.31,64.19\nfoi.granted_share,5001,2023,0.75,4,,,\n",
            path: "b.csv")
        #expect(
            rows == [
                IndicatorRow(
                    indicator: "survey.transparency.index", municipality: "0301", year: 2019, value: 61.25, n: 120,
                    se: 1.5, ciLow: 58.31, ciHigh: 64.19),
                IndicatorRow(indicator: "foi.granted_share", municipality: "5001", year: 2023, value: 0.75, n: 4),
            ])
        // "0301" keeps its leading zero: municipality is text (METHODS §1).
        #expect(rows[0].municipality == "0301")
    }

    /// Values chosen to stress shortest round-trip text: 0.1+0.2, subnormal-ish tiny, huge, negative zero's
    /// sibling -1e-300, a value with 17 significant digits.
    @Test func readOfRenderRoundTripsExactly() throws {
        let rows = [
            IndicatorRow(
                indicator: "a.x", municipality: "5001", year: 2019, value: 0.1 + 0.2, n: 3, se: 1e-5, ciLow: -1e-300,
                ciHigh: 1.7976931348623157e308),
            IndicatorRow(indicator: "a.x", municipality: "5006", year: 2020, value: 1.0 / 3.0, n: 0),
            IndicatorRow(
                indicator: "b, \"quoted\"\nname", municipality: "Tromsø, \"by\"", year: 2021, value: 123456789.12345678,
                n: 7),
        ]
        let text = IndicatorCSV.render(rows)
        let back = try IndicatorCSV.parse(text: text, path: "r.csv")
        #expect(back == rows.canonicallySorted())
        // Bit-exact, not merely ==.
        for (a, b) in zip(back, rows.canonicallySorted()) { #expect(a.value.bitPattern == b.value.bitPattern) }
    }

    @Test func roundTripWithBreakdownColumn() throws {
        let rows = [
            IndicatorRow(
                indicator: "custom.by_channel", municipality: "5001", year: 2022, breakdown: "web", value: 0.5, n: 10),
            IndicatorRow(
                indicator: "custom.by_channel", municipality: "5001", year: 2022, breakdown: "", value: 0.25, n: 20),
        ]
        let rendered = IndicatorCSV.render(rows)
        let back = try IndicatorCSV.parse(text: rendered, path: "r.csv")
        #expect(back == rows.canonicallySorted())
    }

    /// METHODS r2 §1: `df` and `flag` follow `ci_high`; flags in the order low_n;df_lt_8;imputed.
    @Test func dfAndFlagRoundTrip() throws {
        let rows = [
            IndicatorRow(
                indicator: "survey.t.index", municipality: "5001", year: 2024, value: 50, n: 3, se: 20, ciLow: -36,
                ciHigh: 136, df: 2, flags: [.dfBelow8, .lowN]),
            IndicatorRow(indicator: "survey.t.index", municipality: "5006", year: 2024, value: 40, n: 9, se: 0, df: 0),
        ]
        let text = IndicatorCSV.render(rows)
        #expect(text.hasPrefix("indicator,municipality,year,value,n,se,ci_low,ci_high,df,flag\n"))
        #expect(text.contains("survey.t.index,5001,2024,50.0,3,20.0,-36.0,136.0,2,low_n;df_lt_8\n"))
        #expect(text.contains("survey.t.index,5006,2024,40.0,9,0.0,,,0,\n"))
        #expect(try IndicatorCSV.parse(text: text, path: "r.csv") == rows)
        // A file from before revision 2 (no df, flag) still reads.
        let old = try IndicatorCSV.parse(text: Self.header + "a,5001,2019,1,1,,,\n", path: "o.csv")
        #expect(old.first?.df == nil && old.first?.flags == [])
        #expect {
            _ = try IndicatorCSV.parse(
                text: "indicator,municipality,year,value,n,se,ci_low,ci_high,df,flag\na,5001,2019,1,1,,,,2,tiny_n\n",
                path: "f.csv")
        } throws: { error in
            (error as? Diagnostic)?.description
                == "f.csv:2: field 'flag': \"tiny_n\" is not a list of flags (low_n, df_lt_8, imputed, separated by ';')"
        }
    }

    @Test func toleratesWhitespaceCRLFQuotesBOMBlankLinesAndColumnOrder() throws {
        let text =
            "\u{FEFF}value , indicator,municipality ,year,n,se,ci_low,ci_high\r\n"
            + "  0.5 ,\"survey.x\" , \"0301\",2019, 12 ,,,\r\n"
            + "\r\n"
            + "1e-05,\"multi\r\nline\",\"a \"\"b\"\"\",2020,3,0.1,0,1\r\n"
        let rows = try IndicatorCSV.parse(text: text, path: "w.csv")
        #expect(
            rows == [
                IndicatorRow(indicator: "survey.x", municipality: "0301", year: 2019, value: 0.5, n: 12),
                IndicatorRow(
                    indicator: "multi\r\nline", municipality: "a \"b\"", year: 2020, value: 1e-5, n: 3, se: 0.1,
                    ciLow: 0, ciHigh: 1),
            ])
    }

    @Test(arguments: [
        // (text after the header, expected diagnostic)
        ("a,5001,2019,abc,1,,,\n", "b.csv:2: field 'value': \"abc\" is not a number"),
        ("a,5001,2019,nan,1,,,\n", "b.csv:2: field 'value': \"nan\" is not a number"),
        ("a,5001,2019,0x1p3,1,,,\n", "b.csv:2: field 'value': \"0x1p3\" is not a number"),
        ("a,5001,2019,,1,,,\n", "b.csv:2: field 'value': is empty, expected a number"),
        ("a,5001,2019,1,1,,,\na,5001,20x9,1,1,,,\n", "b.csv:3: field 'year': \"20x9\" is not a whole number"),
        ("a,5001,2019,1,2.5,,,\n", "b.csv:2: field 'n': \"2.5\" is not a whole number"),
        ("a,5001,2019,1,-1,,,\n", "b.csv:2: field 'n': -1 is negative"),
        ("a,5001,2019,1,1,x,,\n", "b.csv:2: field 'se': \"x\" is not a number"),
        ("a,5001,2019,1,1,,\n", "b.csv:2: expected 8 fields, found 7"),
        ("a,5001,2019,1,1,,,,\n", "b.csv:2: expected 8 fields, found 9"),
        (",5001,2019,1,1,,,\n", "b.csv:2: field 'indicator': is empty"),
        (
            "a,,2019,1,1,,,\n",
            "b.csv:2: field 'municipality': is empty (only composite summary rows have no municipality)"
        ),
        ("\"a\nb\",5001,2019,1,1,,,\nc,\"open,2019,1,1,,,\n", "b.csv:4: a quote opened on line 4 is never closed"),
        (
            "a,50\"01,2019,1,1,,,\n",
            "b.csv:2: a quote inside an unquoted field (quote the whole field and write the quote as \"\")"
        ),
        (
            "a,5001,2019,1,1,,,\nb,1,2,3,4,,,\na,5001,2019,2,1,,,\n",
            "b.csv:4: duplicate row for indicator 'a', municipality '5001', year 2019 (first on line 2)"
        ),
    ])
    func malformedRowsNameTheLine(body: String, expected: String) {
        #expect {
            _ = try IndicatorCSV.parse(text: Self.header + body, path: "b.csv")
        } throws: { error in
            (error as? Diagnostic)?.description == expected
        }
    }

    @Test(arguments: [
        (
            "indicator,municipality,year,value,n,se,ci_low,ci_high,weight\n",
            "h.csv:1: unknown column 'weight' in the header (expected indicator,municipality,year[,breakdown],value,n,se,ci_low,ci_high[,df,flag])"
        ),
        (
            "indicator,municipality,year,value,n,se,ci_low\n",
            "h.csv:1: the header lacks 'ci_high' (found: indicator,municipality,year,value,n,se,ci_low)"
        ),
        (
            "indicator,municipality,year,value,value,n,se,ci_low,ci_high\n",
            "h.csv:1: column 'value' appears twice in the header"
        ),
        (
            "",
            "h.csv:1: empty file: expected the header indicator,municipality,year[,breakdown],value,n,se,ci_low,ci_high[,df,flag]"
        ),
    ])
    func badHeaders(text: String, expected: String) {
        #expect {
            _ = try IndicatorCSV.parse(text: text, path: "h.csv")
        } throws: { error in
            (error as? Diagnostic)?.description == expected
        }
    }

    /// A composite's yearly summary row (METHODS §6: the mean rank shift) has an empty municipality.
    @Test func compositeSummaryRowMayLackAMunicipality() throws {
        let rows = try IndicatorCSV.parse(
            text: Self.header + "composite.x.shift.a,,2019,0.5,4,,,\n", path: "b.csv")
        #expect(rows.map(\.municipality) == [""])
        #expect(rows.map(\.value) == [0.5])
    }

    @Test func readFromDiskAndMissingFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("apen-csv-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("b.csv").path
        try Data((Self.header + "a,5001,2019,1.5,2,,,\n").utf8).write(to: URL(fileURLWithPath: path))
        #expect(try IndicatorCSV.read(path: path).map(\.value) == [1.5])
        let missing = dir.appendingPathComponent("none.csv").path
        #expect {
            _ = try IndicatorCSV.read(path: missing)
        } throws: { error in
            let d = error as? Diagnostic
            return d?.location.path == missing && d?.message.hasPrefix("cannot read the file") == true
        }
    }
}

extension IndicatorCSVReadingTests {
    /// SplitMix64 (Steele, Lea & Flood 2014), so the random round trip is the same on every run.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// "\r\n" is one Swift Character equal to neither "\r" nor "\n": `quote` must look at the
    /// UTF-8 bytes, or a field whose only special character is a CRLF is written unquoted and
    /// the file breaks.
    @Test func crlfAloneIsQuotedByRender() throws {
        let row = IndicatorRow(
            indicator: "a", municipality: "5001", year: 2020, breakdown: "web\r\nmail", value: 1, n: 1)
        #expect(IndicatorCSV.quote("web\r\nmail") == "\"web\r\nmail\"")
        #expect(try IndicatorCSV.parse(text: IndicatorCSV.render([row]), path: "r.csv") == [row])
    }

    /// The reader ignores blanks around unquoted fields, so `render` quotes a text with a leading
    /// or trailing space or tab, and read ∘ render stays exact.
    @Test func edgeBlanksAreQuotedByRender() throws {
        let row = IndicatorRow(indicator: "a", municipality: "5001", year: 2020, breakdown: " web", value: 1, n: 1)
        #expect(IndicatorCSV.quote(" web") == "\" web\"")
        #expect(IndicatorCSV.quote("web\t") == "\"web\t\"")
        #expect(try IndicatorCSV.parse(text: IndicatorCSV.render([row]), path: "r.csv") == [row])
    }

    /// 2,000 random rows with awkward text (commas, quotes, CR/LF, spaces inside quotes, æøå, emoji)
    /// and awkward doubles (random bit patterns): read ∘ render is the identity, bit for bit.
    @Test func randomRowsRoundTrip() throws {
        var g = SplitMix64(state: 20_261_130)
        // "\r\n" comes with a comma: `render` does not yet quote a field whose only special
        // character is a CRLF (see crlfAloneIsNotQuotedByRender).
        let alphabet: [String] = ["a", "Z", "0", ",", "\"", "\n", "\r\n,", " ", "\t", "ø", "Å", "🙂", ".", "_", "-"]
        func text(_ min: Int) -> String {
            let n = Int.random(in: min...8, using: &g)
            var s = (0..<n).map { _ in alphabet.randomElement(using: &g)! }.joined()
            // Unquoted fields are trimmed, and render quotes only when needed: a value whose
            // edges are blank would not survive, so keep edges non-blank (as ids and codes are).
            while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
            while let l = s.last, l == " " || l == "\t" { s.removeLast() }
            return s.isEmpty && min > 0 ? "x" : s
        }
        func double() -> Double {
            while true {
                let d = Double(bitPattern: g.next())
                if d.isFinite { return d }
            }
        }
        var seen = Set<String>()
        var rows: [IndicatorRow] = []
        while rows.count < 2000 {
            let r = IndicatorRow(
                indicator: text(1), municipality: text(1), year: Int.random(in: 1900...2100, using: &g),
                breakdown: Bool.random(using: &g) ? "" : text(0), value: double(),
                n: Int.random(in: 0...1_000_000, using: &g),
                se: Bool.random(using: &g) ? nil : double(), ciLow: Bool.random(using: &g) ? nil : double(),
                ciHigh: Bool.random(using: &g) ? nil : double())
            guard seen.insert("\(r.indicator)\u{0}\(r.municipality)\u{0}\(r.year)\u{0}\(r.breakdown)").inserted else {
                continue
            }
            rows.append(r)
        }
        let rendered = IndicatorCSV.render(rows)
        let back = try IndicatorCSV.parse(text: rendered, path: "r.csv")
        let sorted = rows.canonicallySorted()
        #expect(back.count == sorted.count)
        for (a, b) in zip(back, sorted) {
            #expect(a == b)
            #expect(a.value.bitPattern == b.value.bitPattern || a.value == 0)
        }
    }
}
