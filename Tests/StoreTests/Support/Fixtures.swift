import ApenCore

@testable import Store

/// Small hand-made values shared by the store tests.
enum Sample {
    static let started = "2026-01-05T08:00:00Z"
    static let finished = "2026-01-05T08:00:03Z"

    /// Rows with doubles that are easy to lose in a text or REAL round trip: a third, the
    /// smallest subnormal, the largest finite double, a negative zero, and a value with no
    /// interval. Given out of the METHODS §1 order on purpose.
    static let indicatorRows: [IndicatorRow] = [
        IndicatorRow(
            indicator: "survey.index", municipality: "5001", year: 2019, value: 1.0 / 3.0, n: 412,
            se: 0.012_345_678_901_234_5, ciLow: 0.309_131_257_586_793, ciHigh: 0.357_535_409_079_873_6),
        IndicatorRow(
            indicator: "foi.granted_share", municipality: "0301", year: 2020, value: Double.leastNonzeroMagnitude, n: 3),
        IndicatorRow(
            indicator: "survey.index", municipality: "0301", year: 2019, value: -0.0, n: 7, se: 0.1,
            ciLow: -0.196, ciHigh: 0.196),
        IndicatorRow(
            indicator: "engagement.participants", municipality: "5001", year: 2018,
            breakdown: "digital", value: 1.797_693_134_862_315_7e308, n: 10),
        IndicatorRow(indicator: "engagement.participants", municipality: "5001", year: 2018, value: 0.1, n: 10),
    ]

    /// The same rows in the METHODS §1 order, worked out by hand: indicator first
    /// ("engagement…" < "foi…" < "survey…"), then municipality bytes ("0301" < "5001"),
    /// then year, then breakdown ("" < "digital").
    static let canonicalIndices = [4, 3, 1, 2, 0]

    static func stages(key: String, action: StageAction = .ran) -> [StageRecord] {
        [
            StageRecord(stage: "ingest.survey", key: "k-ingest", action: action, reason: "first run"),
            StageRecord(stage: "indicators", key: key, action: action, reason: "first run"),
        ]
    }
}

/// Bit-for-bit equality of two rows' doubles (so -0.0 ≠ 0.0 and NaN payloads would count).
func bitIdentical(_ a: IndicatorRow, _ b: IndicatorRow) -> Bool {
    func bits(_ x: Double?) -> UInt64? { x?.bitPattern }
    return a.indicator == b.indicator && a.municipality == b.municipality && a.year == b.year
        && a.breakdown == b.breakdown && a.n == b.n && a.value.bitPattern == b.value.bitPattern
        && bits(a.se) == bits(b.se) && bits(a.ciLow) == bits(b.ciLow) && bits(a.ciHigh) == bits(b.ciHigh)
}
