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
    /// The one definition of the order of result rows (`IndicatorRow.canonicalOrder` uses it).
    public static func canonicalOrder(_ a: RowKey, _ b: RowKey) -> Bool {
        if a.indicator != b.indicator { return a.indicator.utf8.lexicographicallyPrecedes(b.indicator.utf8) }
        if a.municipality != b.municipality {
            return a.municipality.utf8.lexicographicallyPrecedes(b.municipality.utf8)
        }
        if a.year != b.year { return a.year < b.year }
        return a.breakdown.utf8.lexicographicallyPrecedes(b.breakdown.utf8)
    }
}
