import ApenCore

/// The survey mean of METHODS.md §2: a weighted mean with a Taylor-linearised standard error
/// for a stratified, clustered, with-replacement design without finite-population correction —
/// what R `survey::svymean` reports for `svydesign(ids=~psu, strata=~stratum, weights=~w)` and
/// samplics' `TaylorEstimator("mean")`.
///
/// With ȳ = Σwᵢyᵢ / Σwᵢ and zᵢ = wᵢ(yᵢ − ȳ)/Σw, summed within stratum h over each PSU to
/// z_hj (j = 1…n_h): SE² = Σ_h n_h/(n_h − 1)·Σ_j (z_hj − z̄_h)². Without strata there is one
/// stratum; without PSUs every respondent is its own PSU (SE² = n/(n−1)·Σzᵢ²). PSU codes
/// are nested in strata (the same PSU code in two strata is two PSUs).
///
/// The terms are sorted by (stratum, PSU, y, w) before summing, so the result depends only
/// on the respondents, not on their order (METHODS.md §1, Determinism).
///
/// ```swift
/// let e = try SurveyEstimator.mean(y: [1, 0, 1, 1], w: [2, 1, 1, 1])
/// // e?.mean == 0.8, e?.se ≈ 0.2166  (no design: SE² = 4/3·Σzᵢ² = 4/3·0.0352)
/// ```
public enum SurveyEstimator {
    /// A point estimate with its standard error (nil for n < 2) and the number of units.
    public struct Estimate: Sendable, Hashable {
        public var mean: Double
        public var se: Double?
        public var n: Int

        /// The 95 % normal interval ȳ ± 1.959963984540054·SE (R's `confint` default), or nil.
        public var interval: (low: Double, high: Double)? {
            guard let se else { return nil }
            let half = SurveyEstimator.z975 * se
            return (mean - half, mean + half)
        }
    }

    /// A stratum with a single PSU under `LonelyPSU.fail`; `stratum` is the caller's code.
    public struct SingletonStratum: Error, Sendable, Hashable {
        public var stratum: Int
    }

    /// The 0.975 quantile of the standard normal distribution.
    public static let z975 = 1.959963984540054

    /// The weighted mean of `y` with its Taylor standard error.
    ///
    /// Respondents whose `y` is NaN have no score and are left out of the design too (strata,
    /// PSUs and n_h count only respondents with a score — METHODS.md §2, samplics' convention).
    ///
    /// - Parameters:
    ///   - y: the values (NaN = no value).
    ///   - w: positive finite weights, one per value.
    ///   - strata: stratum codes, or nil for one stratum.
    ///   - psu: PSU codes (nested in strata), or nil when every respondent is its own PSU.
    ///   - lonely: what a stratum with one PSU contributes (`fail`, `remove`: 0, `adjust`:
    ///     (z_h1 − z̄)² with z̄ the mean of all PSU totals).
    /// - Returns: nil when no value is present.
    /// - Throws: `SingletonStratum` for a stratum with a single PSU when `lonely` is `.fail` (n ≥ 2).
    public static func mean(
        y: [Double], w: [Double], strata: [Int]? = nil, psu: [Int]? = nil, lonely: LonelyPSU = .fail
    ) throws(SingletonStratum) -> Estimate? {
        precondition(y.count == w.count, "y and w differ in length")
        var records: [DesignRecord] = []
        records.reserveCapacity(y.count)
        for i in y.indices where !y[i].isNaN {
            records.append(DesignRecord(stratum: strata?[i] ?? 0, psu: psu?[i] ?? -1, y: y[i], w: w[i]))
        }
        return try estimate(&records, lonely: lonely)
    }

    /// One respondent of the design: `psu == -1` means "its own PSU".
    struct DesignRecord: Sendable {
        var stratum: Int
        var psu: Int
        var y: Double
        var w: Double

        static func canonical(_ a: DesignRecord, _ b: DesignRecord) -> Bool {
            if a.stratum != b.stratum { return a.stratum < b.stratum }
            if a.psu != b.psu { return a.psu < b.psu }
            if a.y != b.y { return a.y < b.y }
            return a.w < b.w
        }
    }

    /// The estimator over records (sorted here into the canonical order).
    static func estimate(_ records: inout [DesignRecord], lonely: LonelyPSU) throws(SingletonStratum) -> Estimate? {
        guard !records.isEmpty else { return nil }
        records.sort(by: DesignRecord.canonical)
        var sw = StableSum()
        var swy = StableSum()
        for r in records {
            sw.add(r.w)
            swy.add(r.w * r.y)
        }
        let totalW = sw.value
        let mean = swy.value / totalW
        let n = records.count
        guard n >= 2 else { return Estimate(mean: mean, se: nil, n: n) }

        // PSU totals of z, grouped by stratum (records are sorted by stratum, then PSU).
        var strata: [(code: Int, totals: [Double])] = []
        var i = 0
        while i < n {
            let s = records[i].stratum
            var totals: [Double] = []
            while i < n, records[i].stratum == s {
                let p = records[i].psu
                var t = StableSum()
                repeat {
                    let r = records[i]
                    t.add(r.w * (r.y - mean) / totalW)
                    i += 1
                } while i < n && records[i].stratum == s && p != -1 && records[i].psu == p
                totals.append(t.value)
            }
            strata.append((s, totals))
        }

        var variance = StableSum()
        var grandMean: Double?
        for (code, totals) in strata {
            let nh = totals.count
            if nh == 1 {
                switch lonely {
                case .fail: throw SingletonStratum(stratum: code)
                case .remove: continue
                case .adjust:
                    if grandMean == nil {
                        var all = StableSum()
                        var count = 0
                        for s in strata {
                            for t in s.totals {
                                all.add(t)
                                count += 1
                            }
                        }
                        grandMean = all.value / Double(count)
                    }
                    let d = totals[0] - grandMean!
                    variance.add(d * d)
                }
                continue
            }
            var st = StableSum()
            for t in totals { st.add(t) }
            let zbar = st.value / Double(nh)
            var ss = StableSum()
            for t in totals { ss.add((t - zbar) * (t - zbar)) }
            variance.add(Double(nh) / Double(nh - 1) * ss.value)
        }
        return Estimate(mean: mean, se: max(0, variance.value).squareRoot(), n: n)
    }
}
