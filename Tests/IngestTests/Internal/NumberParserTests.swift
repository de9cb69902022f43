import Testing

@testable import Ingest

/// Runs `body` over the UTF-8 bytes of `text`.
func withBytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer(body)
}

@Suite struct NumberParserTests {
    // Expected values are Swift literals: the compiler rounds them correctly, independently
    // of the parser under test.
    @Test(arguments: [
        ("0", 0.0), ("42", 42), ("-3", -3), ("+3", 3), ("2.5", 2.5), (".5", 0.5), ("5.", 5),
        ("0.1", 0.1), ("-0.000123", -0.000123), ("1e-5", 1e-5), ("1E+3", 1000), ("  7\t", 7),
        ("0.30000000000000004", 0.30000000000000004),
        ("9007199254740993", 9_007_199_254_740_992),  // 2^53 + 1 rounds to even
        ("123456789012345678901234567890", 123456789012345678901234567890.0),
        ("1.7976931348623157e308", 1.7976931348623157e308), ("4.9e-324", Double.leastNonzeroMagnitude),
        ("0.000000000000000000000000000001", 1e-30), ("00012.50", 12.5),
    ])
    func pointNumbers(text: String, expected: Double) {
        #expect(withBytes(text) { NumberParser.parse($0, decimalComma: false) } == expected)
    }

    @Test(arguments: [("2,5", 2.5), ("-0,75", -0.75), ("1,5e2", 150), ("3", 3)])
    func commaNumbers(text: String, expected: Double) {
        #expect(withBytes(text) { NumberParser.parse($0, decimalComma: true) } == expected)
    }

    @Test(arguments: [
        "", " ", "-", "+", ".", "abc", "1e", "1e+", "1.2.3", "1,5", "0x10", "inf", "nan", "1 000", "12a", "--1",
        "٣",
    ])
    func notNumbers(text: String) {
        #expect(withBytes(text) { NumberParser.parse($0, decimalComma: false) } == nil)
    }

    @Test func pointIsNotADecimalSeparatorWithDecimalComma() {
        #expect(withBytes("2.5") { NumberParser.parse($0, decimalComma: true) } == nil)
    }

    @Test func overflowIsInfinite() {
        #expect(withBytes("1e400") { NumberParser.parse($0, decimalComma: false) } == .infinity)
        #expect(withBytes("-1e400") { NumberParser.parse($0, decimalComma: false) } == -.infinity)
        #expect(withBytes("1e-400") { NumberParser.parse($0, decimalComma: false) } == 0)
    }

    /// The fast path agrees bit for bit with the standard library's correctly rounded parser
    /// on 20,000 pseudo-random decimals (a fixed-seed xorshift, so failures reproduce).
    @Test func agreesWithStandardLibrary() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        for _ in 0..<20_000 {
            let intDigits = Int(next() % 12)
            let fracDigits = Int(next() % 12)
            var s = next() % 2 == 0 ? "" : "-"
            s += intDigits == 0 ? "0" : String(next() % 1_000_000_000_000).prefix(intDigits)
            if fracDigits > 0 { s += "." + String(String(next()).prefix(fracDigits)) }
            if next() % 4 == 0 { s += "e\(Int(next() % 40) - 20)" }
            let expected = Double(s)!
            let got = withBytes(s) { NumberParser.parse($0, decimalComma: false) }
            #expect(got?.bitPattern == expected.bitPattern, "\(s)")
        }
    }
}
