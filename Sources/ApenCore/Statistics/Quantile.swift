/// Quantiles by linear interpolation between order statistics (METHODS.md §1; R type 7,
/// numpy `linear`, DuckDB `quantile_cont`).
///
/// For sorted x₀…xₙ₋₁ and p: h = (n−1)p, q = x⌊h⌋ + (h−⌊h⌋)(x⌊h⌋+1 − x⌊h⌋).
package enum Quantile {
    /// The type-7 quantile of already sorted values; `nil` for an empty array.
    ///
    /// - Precondition: `sorted` is ascending and `p` is in [0, 1].
    package static func type7(sorted x: [Double], p: Double) -> Double? {
        precondition((0...1).contains(p), "quantile probability outside [0, 1]")
        guard !x.isEmpty else { return nil }
        let h = Double(x.count - 1) * p
        let lo = Int(h.rounded(.down))
        let frac = h - Double(lo)
        if lo + 1 >= x.count || frac == 0 { return x[lo] }
        return x[lo] + frac * (x[lo + 1] - x[lo])
    }

    /// The type-7 quantile of unsorted values (sorts a copy).
    /// - Complexity: O(n log n).
    package static func type7(_ values: [Double], p: Double) -> Double? {
        type7(sorted: values.sorted(), p: p)
    }

    /// Median = type-7 quantile 0.5.
    package static func median(_ values: [Double]) -> Double? { type7(values, p: 0.5) }
}
