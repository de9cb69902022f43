/// The identity of a result row: (indicator, municipality, year, breakdown), METHODS.md §1.
public struct RowKey: Sendable, Hashable, CustomStringConvertible {
    public var indicator: String
    public var municipality: String
    public var year: Int
    public var breakdown: String

    public init(indicator: String, municipality: String, year: Int, breakdown: String = "") {
        self.indicator = indicator
        self.municipality = municipality
        self.year = year
        self.breakdown = breakdown
    }

    /// The key of `row`.
    public init(_ row: IndicatorRow) {
        self.init(indicator: row.indicator, municipality: row.municipality, year: row.year, breakdown: row.breakdown)
    }

    /// `survey.transparency.index 5001 2019` (and ` [breakdown]` when there is one).
    public var description: String {
        "\(indicator) \(municipality) \(year)" + (breakdown.isEmpty ? "" : " [\(breakdown)]")
    }

    /// The METHODS §1 order: indicator, municipality (UTF-8 byte order), year (numeric), breakdown.
    public static func canonicalOrder(_ a: RowKey, _ b: RowKey) -> Bool {
        comparison(
            (a.indicator, a.municipality, a.year, a.breakdown), (b.indicator, b.municipality, b.year, b.breakdown))
            < 0
    }

    /// The one definition of the order of result rows, as a three-way comparison of the key's
    /// parts (negative, zero for the same key, positive); `IndicatorRow` sorts with it too.
    static func comparison(
        _ a: (indicator: String, municipality: String, year: Int, breakdown: String),
        _ b: (indicator: String, municipality: String, year: Int, breakdown: String)
    ) -> Int {
        func bytes(_ x: String, _ y: String) -> Int {
            if x == y { return 0 }
            return x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1
        }
        let i = bytes(a.indicator, b.indicator)
        if i != 0 { return i }
        let m = bytes(a.municipality, b.municipality)
        if m != 0 { return m }
        if a.year != b.year { return a.year < b.year ? -1 : 1 }
        return bytes(a.breakdown, b.breakdown)
    }
}
