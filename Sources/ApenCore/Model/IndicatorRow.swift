/// One output row: `indicator,municipality,year[,breakdown],value,n,se,ci_low,ci_high` (METHODS.md §1).
public struct IndicatorRow: Sendable, Hashable, Codable {
    public var indicator: String
    public var municipality: String
    public var year: Int
    /// Breakdown value (e.g. a channel) for `by:` custom indicators; empty on ordinary rows.
    public var breakdown: String
    public var value: Double
    public var n: Int
    public var se: Double?
    public var ciLow: Double?
    public var ciHigh: Double?

    public init(
        indicator: String, municipality: String, year: Int, breakdown: String = "",
        value: Double, n: Int, se: Double? = nil, ciLow: Double? = nil, ciHigh: Double? = nil
    ) {
        self.indicator = indicator
        self.municipality = municipality
        self.year = year
        self.breakdown = breakdown
        self.value = value
        self.n = n
        self.se = se
        self.ciLow = ciLow
        self.ciHigh = ciHigh
    }

    /// The METHODS §1 order: indicator, municipality (UTF-8 byte order), year (numeric), breakdown.
    public static func canonicalOrder(_ a: IndicatorRow, _ b: IndicatorRow) -> Bool {
        if a.indicator != b.indicator { return a.indicator.utf8.lexicographicallyPrecedes(b.indicator.utf8) }
        if a.municipality != b.municipality {
            return a.municipality.utf8.lexicographicallyPrecedes(b.municipality.utf8)
        }
        if a.year != b.year { return a.year < b.year }
        return a.breakdown.utf8.lexicographicallyPrecedes(b.breakdown.utf8)
    }
}

extension Array where Element == IndicatorRow {
    /// Sorted in the METHODS §1 order.
    public func canonicallySorted() -> [IndicatorRow] { sorted(by: IndicatorRow.canonicalOrder) }
}
