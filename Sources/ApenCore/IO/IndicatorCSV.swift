/// The indicator results file of METHODS.md §1:
/// `indicator,municipality,year[,breakdown],value,n,se,ci_low,ci_high`.
///
/// The `breakdown` column is written only when some row has a breakdown. Numbers use
/// `NumberText.shortest`; empty `se`/`ci_*` mean "no standard error or interval".
public enum IndicatorCSV {
    public static let header = ["indicator", "municipality", "year", "value", "n", "se", "ci_low", "ci_high"]

    /// The CSV text of `rows` in METHODS §1 order (sorted here), LF line ends.
    public static func render(_ rows: [IndicatorRow]) -> String {
        let sorted = rows.canonicallySorted()
        let withBreakdown = sorted.contains { !$0.breakdown.isEmpty }
        var out = withBreakdown
            ? "indicator,municipality,year,breakdown,value,n,se,ci_low,ci_high\n"
            : header.joined(separator: ",") + "\n"
        for r in sorted {
            var fields = [quote(r.indicator), quote(r.municipality), String(r.year)]
            if withBreakdown { fields.append(quote(r.breakdown)) }
            fields.append(NumberText.shortest(r.value))
            fields.append(String(r.n))
            for x in [r.se, r.ciLow, r.ciHigh] { fields.append(x.map(NumberText.shortest) ?? "") }
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }

    /// RFC 4180 quoting, only where needed: a comma, quote, CR or LF in the text (tested on
    /// UTF-8 bytes: Swift sees CRLF as one `Character`), or blanks at either end (readers
    /// trim unquoted fields).
    public static func quote(_ s: String) -> String {
        let bytes = s.utf8
        let special = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        let padded = bytes.first.map { $0 == 32 || $0 == 9 } == true || bytes.last.map { $0 == 32 || $0 == 9 } == true
        guard special || padded else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
