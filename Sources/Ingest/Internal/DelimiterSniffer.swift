/// Picks the delimiter of a file from its header line (`IngestOptions.Delimiter.sniff`).
///
/// The header line is the first non-empty line. Among `,`, `;` and tab, the candidate that
/// occurs most often outside double quotes in it wins; ties go to the earlier of `,` `;` tab.
/// With a decimal comma declared, `,` is not a candidate. A header with none of them is a
/// single column: `,` (`;` with a decimal comma).
///
/// ```swift
/// DelimiterSniffer.sniff(head("kommune;år;\"a,b\"\n"), decimalComma: false)  // .semicolon
/// ```
enum DelimiterSniffer {
    struct Result: Equatable {
        var delimiter: UInt8
        /// Occurrences of `,`, `;` and tab outside quotes in the header line.
        var commas: Int
        var semicolons: Int
        var tabs: Int

        /// Commas and no other candidate: a header a declared decimal comma cannot be read with.
        var onlyCommas: Bool { commas > 0 && semicolons == 0 && tabs == 0 }
    }

    static func sniff(_ head: UnsafeRawBufferPointer, decimalComma: Bool) -> Result {
        var i = 0
        while i < head.count, head[i] == 0x0A || head[i] == 0x0D { i += 1 }
        var counts = [0, 0, 0]  // , ; tab
        var quoted = false
        while i < head.count {
            let c = head[i]
            if c == 0x22 {
                quoted.toggle()
            } else if !quoted {
                switch c {
                case 0x0A, 0x0D: i = head.count
                case 0x2C: counts[0] += 1
                case 0x3B: counts[1] += 1
                case 0x09: counts[2] += 1
                default: break
                }
            }
            i += 1
        }
        let candidates: [(delimiter: UInt8, count: Int)] =
            decimalComma
            ? [(UInt8(0x3B), counts[1]), (UInt8(0x09), counts[2])]
            : [(UInt8(0x2C), counts[0]), (UInt8(0x3B), counts[1]), (UInt8(0x09), counts[2])]
        var best = candidates[0]
        for c in candidates.dropFirst() where c.count > best.count { best = c }
        return Result(delimiter: best.delimiter, commas: counts[0], semicolons: counts[1], tabs: counts[2])
    }
}
