/// One output row: `indicator,municipality,year[,breakdown],value,n,se,ci_low,ci_high,df,flag`
/// (METHODS.md §1).
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
    /// Degrees of freedom of the row's t interval (survey estimates), nil where there is none.
    public var df: Int?
    /// Reliability flags (METHODS.md §1): a flagged row keeps its value; reports mark it.
    public var flags: IndicatorFlags

    public init(
        indicator: String, municipality: String, year: Int, breakdown: String = "",
        value: Double, n: Int, se: Double? = nil, ciLow: Double? = nil, ciHigh: Double? = nil,
        df: Int? = nil, flags: IndicatorFlags = []
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
        self.df = df
        self.flags = flags
    }

    /// The row's identity: (indicator, municipality, year, breakdown).
    public var key: RowKey {
        RowKey(indicator: indicator, municipality: municipality, year: year, breakdown: breakdown)
    }

    /// `canonicalOrder` as a three-way comparison: negative, zero (same key) or positive.
    static func canonicalComparison(_ a: IndicatorRow, _ b: IndicatorRow) -> Int {
        RowKey.comparison(
            (a.indicator, a.municipality, a.year, a.breakdown), (b.indicator, b.municipality, b.year, b.breakdown))
    }

    /// The METHODS §1 order of result rows (`RowKey.comparison`), without building keys.
    public static func canonicalOrder(_ a: IndicatorRow, _ b: IndicatorRow) -> Bool {
        canonicalComparison(a, b) < 0
    }
}

/// The reliability flags of METHODS.md §1, written `;`-separated in the `flag` column in
/// this order: `low_n` (n below the pipeline's `min_n`), `df_lt_8` (a survey interval on
/// fewer than 8 degrees of freedom, the NCHS presentation standard), `imputed` (a composite
/// built with an imputed component).
public struct IndicatorFlags: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let lowN = IndicatorFlags(rawValue: 1 << 0)
    public static let dfBelow8 = IndicatorFlags(rawValue: 1 << 1)
    public static let imputed = IndicatorFlags(rawValue: 1 << 2)

    /// Every flag with its column text, in the written order.
    public static let names: [(flag: IndicatorFlags, text: String)] = [
        (.lowN, "low_n"), (.dfBelow8, "df_lt_8"), (.imputed, "imputed"),
    ]

    /// The `flag` column text: empty, or the flags joined by `;` in the written order.
    public var text: String {
        Self.names.filter { contains($0.flag) }.map(\.text).joined(separator: ";")
    }

    /// Parses the `flag` column; nil for an unknown flag name.
    public init?(text: String) {
        var flags: IndicatorFlags = []
        for part in text.split(separator: ";", omittingEmptySubsequences: true) {
            guard let f = Self.names.first(where: { $0.text == part }) else { return nil }
            flags.insert(f.flag)
        }
        self = flags
    }

    /// The survey flags of a row: `low_n` when n < `minN`, `df_lt_8` when it has df < 8.
    public static func survey(n: Int, df: Int?, minN: Int) -> IndicatorFlags {
        var f: IndicatorFlags = n < minN ? .lowN : []
        if let df, df < 8 { f.insert(.dfBelow8) }
        return f
    }
}

extension Array where Element == IndicatorRow {
    /// Sorted in the METHODS §1 order; rows that tie keep their order (as a stable sort).
    ///
    /// Positions are sorted, not rows: a row is large (strings, optionals, flags), and moving
    /// rows was most of a value sort's time (7 % of a national run, in the report stage).
    public func canonicallySorted() -> [IndicatorRow] {
        let order = withUnsafeBufferPointer { rows in
            [Int](rows.indices).sorted { i, j in
                let c = IndicatorRow.canonicalComparison(rows[i], rows[j])
                return c != 0 ? c < 0 : i < j
            }
        }
        return order.map { self[$0] }
    }
}
