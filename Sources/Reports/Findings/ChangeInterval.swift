import ApenCore

/// The 95 % interval of a change between two independent years (METHODS.md §9), and whether
/// it is *clear*: the interval excludes 0.
///
/// - ``tDifference(value:se:df:previousValue:previousSE:previousDF:)`` — estimates with an SE
///   (survey index and agree share, custom indicators with an SE): d ± t_{0.975, df}·√(SE² +
///   SE_prev²), df = min(df, df_prev); a row without df counts as infinitely many (the normal
///   quantile when neither has one).
/// - ``newcombe(count:n:previousCount:previousN:)`` — shares of counted units: Newcombe's
///   hybrid score interval (1998, method 10) from the two Wilson intervals, as statsmodels'
///   `confint_proportions_2indep(method="newcomb")`.
///
/// ```swift
/// ChangeInterval.newcombe(count: 3, n: 12, previousCount: 1, previousN: 12)
/// // d = 0.1667, [−0.1485, 0.4612]: not clear
/// ```
struct ChangeInterval: Sendable, Hashable {
    enum Method: String, Sendable {
        case tDifference = "t_difference"
        case newcombe
    }

    /// v − v_prev.
    var change: Double
    var low: Double
    var high: Double
    var method: Method
    /// The degrees of freedom of a t interval (nil for the normal quantile or Newcombe).
    var df: Int?
    /// Half the interval's width: q·√(SE² + SE_prev²) for the t interval, (U − L)/2 for Newcombe's.
    var halfWidth: Double

    /// The interval lies wholly above or wholly below 0.
    var isClear: Bool { low > 0 || high < 0 }

    /// |d| over the interval's half-width, the order in which clear changes are stated
    /// (infinite for a non-zero change with a zero-width interval).
    var strength: Double {
        halfWidth > 0 ? abs(change) / halfWidth : (change == 0 ? 0 : .infinity)
    }

    /// z_{0.975}: the 95 % two-sided normal quantile (Φ⁻¹(0.975)).
    static let z975 = 1.959963984540054

    /// The 95 % Wilson score interval of x successes in n trials (n ≥ 1).
    static func wilson(count x: Int, n: Int) -> (low: Double, high: Double) {
        let nn = Double(n)
        let p = Double(x) / nn
        let z2 = z975 * z975
        let denominator = 1 + z2 / nn
        let centre = (p + z2 / (2 * nn)) / denominator
        let half = z975 * (p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot() / denominator
        return (centre - half, centre + half)
    }

    /// Newcombe's hybrid score interval of p − p_prev, p = x/n, p_prev = x_prev/n_prev (n, n_prev ≥ 1).
    static func newcombe(count x: Int, n: Int, previousCount x0: Int, previousN n0: Int) -> ChangeInterval {
        let p = Double(x) / Double(n)
        let p0 = Double(x0) / Double(n0)
        let (l, u) = wilson(count: x, n: n)
        let (l0, u0) = wilson(count: x0, n: n0)
        let d = p - p0
        let low = d - ((p - l) * (p - l) + (u0 - p0) * (u0 - p0)).squareRoot()
        let high = d + ((u - p) * (u - p) + (p0 - l0) * (p0 - l0)).squareRoot()
        return ChangeInterval(change: d, low: low, high: high, method: .newcombe, df: nil, halfWidth: (high - low) / 2)
    }

    /// The t interval of v − v_prev for two independent estimates; nil when a df is below 1
    /// (an SE without an interval, METHODS §2).
    static func tDifference(
        value v: Double, se: Double, df: Int?, previousValue v0: Double, previousSE se0: Double, previousDF df0: Int?
    ) -> ChangeInterval? {
        if let df, df < 1 { return nil }
        if let df0, df0 < 1 { return nil }
        let dfs = [df, df0].compactMap { $0 }
        let joint = dfs.min()
        let q = joint.map { StudentT.quantile975(df: $0) } ?? z975
        let d = v - v0
        let half = q * (se * se + se0 * se0).squareRoot()
        return ChangeInterval(
            change: d, low: d - half, high: d + half, method: .tDifference, df: joint, halfWidth: half)
    }
}
