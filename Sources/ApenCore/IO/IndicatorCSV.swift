/// The indicator results file of METHODS.md §1:
/// `indicator,municipality,year[,breakdown],value,n,se,ci_low,ci_high,df,flag`.
///
/// The `breakdown` column is written only when some row has a breakdown. Numbers use
/// `NumberText.shortest`; empty `se`/`ci_*` mean "no standard error or interval", an empty
/// `df` "no t interval", an empty `flag` "no reliability flag".
public enum IndicatorCSV {
    public static let header = [
        "indicator", "municipality", "year", "value", "n", "se", "ci_low", "ci_high", "df", "flag",
    ]

    /// The CSV text of `rows` in METHODS §1 order (sorted here), LF line ends.
    public static func render(_ rows: [IndicatorRow]) -> String {
        let sorted = rows.canonicallySorted()
        let withBreakdown = sorted.contains { !$0.breakdown.isEmpty }
        var out =
            withBreakdown
            ? "indicator,municipality,year,breakdown,value,n,se,ci_low,ci_high,df,flag\n"
            : header.joined(separator: ",") + "\n"
        for r in sorted {
            var fields = [quote(r.indicator), quote(r.municipality), String(r.year)]
            if withBreakdown { fields.append(quote(r.breakdown)) }
            fields.append(NumberText.shortest(r.value))
            fields.append(String(r.n))
            for x in [r.se, r.ciLow, r.ciHigh] { fields.append(x.map(NumberText.shortest) ?? "") }
            fields.append(r.df.map(String.init) ?? "")
            fields.append(r.flags.text)
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }

    /// RFC 4180 quoting, only where needed: a comma, quote, CR or LF in the text, or a space
    /// or tab at either end (the reader trims those outside quotes).
    ///
    /// Looks at bytes, not characters: `"\r\n"` is one `Character`, and a quote followed by a
    /// combining mark is another, so a character test misses both (found by fuzzing,
    /// docs/hardening.md).
    package static func quote(_ s: String) -> String {
        let u = s.utf8
        let blank = { (b: UInt8) in b == 0x20 || b == 0x09 }
        guard
            u.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
                || u.first.map(blank) == true || u.last.map(blank) == true
        else { return s }
        var out: [UInt8] = [0x22]
        out.reserveCapacity(u.count + 2)
        for b in u {
            if b == 0x22 { out.append(0x22) }
            out.append(b)
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }
}
