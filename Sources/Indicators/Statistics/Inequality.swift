/// Inequality of activity (METHODS.md §3, `engagement.gini`).
///
/// The Gini coefficient with x sorted ascending, i = 1…n:
/// G = 2·Σ i·x₍ᵢ₎ / (n·Σx) − (n+1)/n. 0 when everyone is equally active; it tends to 1
/// when a few people do everything.
///
/// ```swift
/// Inequality.gini([1, 1, 1, 5])   // 2·(1+2+3+20)/(4·8) − 5/4 = 52/32 − 40/32 = 0.375
/// ```
package enum Inequality {
    /// The Gini coefficient of non-negative values; nil when n < 2, Σx = 0, or a value is
    /// negative or not finite. Sums run over the sorted values, so the order of `x` does not matter.
    package static func gini(_ x: [Double]) -> Double? {
        guard x.count >= 2, x.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return nil }
        let sorted = x.sorted()
        var weighted = StableSum()
        var total = StableSum()
        for (k, v) in sorted.enumerated() {
            weighted.add(Double(k + 1) * v)
            total.add(v)
        }
        guard total.value > 0 else { return nil }
        let n = Double(sorted.count)
        return 2 * weighted.value / (n * total.value) - (n + 1) / n
    }

    /// The Gini coefficient of counts already sorted ascending, with exact integer sums
    /// (used for actions per participant, where Σ i·x fits easily in 64 bits).
    static func gini(sortedCounts x: [Int]) -> Double? {
        guard x.count >= 2 else { return nil }
        var weighted = 0
        var total = 0
        for (k, v) in x.enumerated() {
            weighted += (k + 1) * v
            total += v
        }
        guard total > 0 else { return nil }
        let n = Double(x.count)
        return 2 * Double(weighted) / (n * Double(total)) - (n + 1) / n
    }
}
