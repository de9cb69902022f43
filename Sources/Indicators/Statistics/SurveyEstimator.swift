import ApenCore

/// The survey mean of METHODS.md §2 (revision 2): a weighted mean of a *domain* with a
/// Taylor-linearised standard error over the whole wave's stratified, clustered,
/// with-replacement design, an optional finite-population correction, design degrees of
/// freedom and a t interval — what R `survey` 4.x reports for
/// `svymean(~y, subset(design, domain), na.rm = TRUE)` on
/// `svydesign(ids = ~psu, strata = ~stratum, weights = ~w, fpc = ~fpc, nest = TRUE)`, with
/// `degf()` of the subset design.
///
/// With ȳ_d = Σ_{i∈d} wᵢyᵢ / Ŵ_d and zᵢ = wᵢ(yᵢ − ȳ_d)/Ŵ_d for i ∈ d (0 for every other
/// respondent of the wave), summed within stratum h over each PSU to z_hj (j = 1…n_h, n_h the
/// PSUs of h in the wave, those without a member of d contributing 0):
/// SE² = Σ_h f_h·n_h/(n_h − 1)·Σ_j (z_hj − z̄_h)². Only the strata the domain touches
/// contribute, and the n_h − t_h untouched PSUs of a stratum contribute (n_h − t_h)·z̄_h², so
/// the cost is linear in the domain's own respondents.
///
/// The terms are sorted by (stratum, PSU, y, w) before summing, so the result depends only
/// on the respondents, not on their order (METHODS.md §1, Determinism).
///
/// ```swift
/// let e = try SurveyEstimator.mean(y: [1, 0, 1, 1], w: [2, 1, 1, 1])
/// // e?.mean == 0.8, e?.se ≈ 0.2166, e?.df == 3  (no design: SE² = 4/3·Σzᵢ²)
/// ```
package enum SurveyEstimator {
    /// A point estimate with its standard error (nil for n < 2), the number of units and the
    /// design degrees of freedom (nil for n < 2; may be 0, and then there is no interval).
    package struct Estimate: Sendable, Hashable {
        package var mean: Double
        package var se: Double?
        package var n: Int
        package var df: Int?

        /// The 95 % t interval ȳ ± t_{0.975, df}·SE, or nil (no SE, or df < 1).
        package var interval: (low: Double, high: Double)? {
            guard let se, let df, df >= 1 else { return nil }
            let half = StudentT.quantile975(df: df) * se
            return (mean - half, mean + half)
        }
    }

    /// A stratum with a single PSU in the wave under `LonelyPSU.fail`; `stratum` is the caller's code.
    package struct SingletonStratum: Error, Sendable, Hashable {
        package var stratum: Int
    }

    /// What a domain estimate needs to know of a stratum of its wave.
    struct Stratum: Sendable, Hashable {
        /// n_h: the PSUs of the stratum in the wave (every respondent row, scored or not).
        var psus: Int
        /// f_h: 1, or 1 − n_h/N_h under a finite-population correction.
        var f: Double
        var lonely: LonelyPSU
    }

    /// The weighted mean of the domain `y` with its Taylor standard error over the design of
    /// all rows (the wave).
    ///
    /// Respondents whose `y` is NaN are outside the domain but stay in the design: their
    /// PSUs count in n_h (METHODS.md §2, R's `na.rm = TRUE` on a subset design).
    ///
    /// - Parameters:
    ///   - y: the values (NaN = not in the domain).
    ///   - w: positive finite weights, one per value.
    ///   - strata: stratum codes, or nil for one stratum.
    ///   - psu: PSU codes (nested in strata), or nil when every respondent is its own PSU.
    ///   - fpc: per row, N_h (> 1) or the sampling fraction (≤ 1), constant within a stratum.
    ///   - lonely: what a stratum with one PSU contributes (`fail`, `remove`: 0, `adjust`:
    ///     (z_h1 − z̄)² with z̄ the mean of all PSU totals of the wave).
    /// - Returns: nil when no value is present.
    /// - Throws: `SingletonStratum` for a stratum with a single PSU when `lonely` is `.fail` (n ≥ 2).
    package static func mean(
        y: [Double], w: [Double], strata: [Int]? = nil, psu: [Int]? = nil, fpc: [Double]? = nil,
        lonely: LonelyPSU = .fail
    ) throws(SingletonStratum) -> Estimate? {
        precondition(y.count == w.count, "y and w differ in length")
        // The wave's design: PSUs per stratum over every row.
        var psusOf: [Int: Set<Int>] = [:]
        var rowsOf: [Int: Int] = [:]
        var fpcOf: [Int: Double] = [:]
        for i in y.indices {
            let s = strata?[i] ?? 0
            rowsOf[s, default: 0] += 1
            if let psu { psusOf[s, default: []].insert(psu[i]) }
            if let fpc { fpcOf[s] = fpc[i] }
        }
        var design: [Int: Stratum] = [:]
        for (s, rows) in rowsOf {
            let nh = psu == nil ? rows : psusOf[s]?.count ?? 0
            design[s] = Stratum(psus: nh, f: fpcOf[s].map { finiteCorrection($0, psus: nh) } ?? 1, lonely: lonely)
        }
        let wavePSUs = design.values.reduce(0) { $0 + $1.psus }
        var records: [DesignRecord] = []
        records.reserveCapacity(y.count)
        for i in y.indices where !y[i].isNaN {
            records.append(DesignRecord(stratum: strata?[i] ?? 0, psu: psu?[i] ?? -1, y: y[i], w: w[i]))
        }
        return try estimate(&records, wavePSUs: wavePSUs) { design[$0]! }
    }

    /// f_h of METHODS.md §2 from an `fpc` value: a sampling fraction (≤ 1) or N_h.
    static func finiteCorrection(_ fpc: Double, psus: Int) -> Double {
        fpc <= 1 ? 1 - fpc : 1 - Double(psus) / fpc
    }

    /// One respondent of the domain: `psu == -1` means "its own PSU".
    struct DesignRecord: Sendable {
        var stratum: Int
        var psu: Int
        var y: Double
        var w: Double
        /// The survey family's agreement bit (score above the midpoint), carried through the sort.
        var agrees = false

        static func canonical(_ a: DesignRecord, _ b: DesignRecord) -> Bool {
            if a.stratum != b.stratum { return a.stratum < b.stratum }
            if a.psu != b.psu { return a.psu < b.psu }
            if a.y != b.y { return a.y < b.y }
            return a.w < b.w
        }
    }

    /// The domain estimator over the domain's records (sorted here into the canonical order).
    ///
    /// - Parameters:
    ///   - records: the domain's respondents with a value.
    ///   - wavePSUs: the number of PSUs of the wave(s) the domain belongs to (for `adjust`).
    ///   - stratum: the wave's facts about a stratum code of `records`.
    ///   - presorted: the records are already in an order that depends only on the respondents
    ///     (e.g. the canonical order of the scores an agree variable derives from).
    static func estimate(
        _ records: inout [DesignRecord], wavePSUs: Int, presorted: Bool = false, stratum: (Int) -> Stratum
    ) throws(SingletonStratum) -> Estimate? {
        guard !records.isEmpty else { return nil }
        if !presorted { records.sort(by: DesignRecord.canonical) }
        var sw = StableSum()
        var swy = StableSum()
        for r in records {
            sw.add(r.w)
            swy.add(r.w * r.y)
        }
        let totalW = sw.value
        let mean = swy.value / totalW
        let n = records.count
        guard n >= 2 else { return Estimate(mean: mean, se: nil, n: n, df: nil) }

        // PSU totals of z, grouped by stratum (records are sorted by stratum, then PSU).
        var strata: [(code: Int, totals: [Double])] = []
        var touchedPSUs = 0
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
            touchedPSUs += totals.count
            strata.append((s, totals))
        }
        // A domain inside a single PSU: that PSU's total Σ_{i∈d} zᵢ is exactly 0 and so is
        // every other, so SE = 0 exactly (summing would leave rounding noise of ~1e-17).
        if touchedPSUs == 1 {
            if strata[0].totals.count == 1, stratum(strata[0].code).psus == 1, stratum(strata[0].code).lonely == .fail {
                throw SingletonStratum(stratum: strata[0].code)
            }
            return Estimate(mean: mean, se: 0, n: n, df: 0)
        }

        var variance = StableSum()
        var grandMean: Double?
        for (code, totals) in strata {
            let info = stratum(code)
            let nh = info.psus
            if nh == 1 {
                switch info.lonely {
                case .fail: throw SingletonStratum(stratum: code)
                case .remove: continue
                case .adjust:
                    // z̄: the mean of every PSU total of the wave (untouched PSUs are 0).
                    if grandMean == nil {
                        var all = StableSum()
                        for s in strata { for t in s.totals { all.add(t) } }
                        grandMean = all.value / Double(max(wavePSUs, 1))
                    }
                    let d = totals[0] - (grandMean ?? 0)
                    variance.add(info.f * d * d)
                }
                continue
            }
            var st = StableSum()
            for t in totals { st.add(t) }
            let zbar = st.value / Double(nh)
            var ss = StableSum()
            for t in totals { ss.add((t - zbar) * (t - zbar)) }
            // The n_h − t_h PSUs without a member of the domain: (0 − z̄)² each.
            let untouched = nh - totals.count
            if untouched > 0 { ss.add(Double(untouched) * zbar * zbar) }
            variance.add(info.f * Double(nh) / Double(nh - 1) * ss.value)
        }
        return Estimate(
            mean: mean, se: max(0, variance.value).squareRoot(), n: n, df: touchedPSUs - strata.count)
    }

    /// The Korn–Graubard interval of a survey share (METHODS.md §2, R's
    /// `svyciprop(method = "beta")`): a Clopper–Pearson interval on the effective sample size
    /// n_eff = p̂(1 − p̂)/SE²·(t_{0.975, n−1}/t_{0.975, df})². Where no unit or every unit of
    /// the domain has the attribute (`count` 0 or n), p̂ is 0 or 1 and n_eff = n (the NCHS
    /// rule). Nil without an SE, for df < 1, and for an SE of 0 at 0 < p̂ < 1.
    static func kornGraubard(_ e: Estimate, count: Int) -> (low: Double, high: Double)? {
        guard let se = e.se, let df = e.df, df >= 1, e.n >= 2 else { return nil }
        let n = Double(e.n)
        if count == 0 { return (0, Beta.quantile(0.975, a: 1, b: n)) }
        if count == e.n { return (Beta.quantile(0.025, a: n, b: 1), 1) }
        let p = e.mean
        guard se > 0 else { return nil }
        let ratio = StudentT.quantile975(df: e.n - 1) / StudentT.quantile975(df: df)
        let nEff = p * (1 - p) / (se * se) * ratio * ratio
        let a = nEff * p
        let b = nEff * (1 - p)
        let low = a > 0 ? Beta.quantile(0.025, a: a, b: b + 1) : 0
        let high = b > 0 ? Beta.quantile(0.975, a: a + 1, b: b) : 1
        return (min(max(low, 0), 1), min(max(high, 0), 1))
    }
}
