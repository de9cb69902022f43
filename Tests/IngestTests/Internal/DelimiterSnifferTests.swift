import Testing

@testable import Ingest

@Suite struct DelimiterSnifferTests {
    @Test(arguments: [
        ("a,b,c\n1;2;3;4;5\n", false, UInt8(ascii: ",")),  // only the header line counts
        ("a;b;\"c,d,e,f\"\n", false, UInt8(ascii: ";")),  // commas inside quotes do not count
        ("a\tb\tc\r\n", false, UInt8(ascii: "\t")),
        ("a,b;c\n", false, UInt8(ascii: ",")),  // a tie goes to ','
        ("a;b\tc\n", false, UInt8(ascii: ";")),  // then ';'
        ("\n\r\na;b\n", false, UInt8(ascii: ";")),  // leading empty lines are skipped
        ("single\n", false, UInt8(ascii: ",")),
        ("a,b,c;d\n", true, UInt8(ascii: ";")),  // no ',' with a decimal comma
        ("single\n", true, UInt8(ascii: ";")),
        ("a;b", false, UInt8(ascii: ";")),  // no line end at all
    ])
    func sniff(head: String, decimalComma: Bool, expected: UInt8) {
        let bytes = Array(head.utf8)
        let result = bytes.withUnsafeBytes { DelimiterSniffer.sniff($0, decimalComma: decimalComma) }
        #expect(result.delimiter == expected)
    }
}
