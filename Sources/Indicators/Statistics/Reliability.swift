/// Internal consistency of a scale (METHODS.md §2, `survey.<scale>.alpha`).
///
/// Cronbach's α = k/(k−1)·(1 − Σsⱼ²/s_T²) over complete cases, unweighted, with sample
/// variances (denominator n−1) and T the sum of the k items of a respondent.
///
/// ```swift
/// // items as columns: item 1 = [1, 2, 3], item 2 = [1, 3, 2]
/// Reliability.cronbachAlpha(items: [[1, 2, 3], [1, 3, 2]])
/// // s₁² = s₂² = 1, T = [2, 5, 5], s_T² = 3 → α = 2·(1 − 2/3) = 2/3
/// ```
package enum Reliability {
    /// Cronbach's α of `items` (one array per item, one value per respondent, NaN = missing).
    ///
    /// Respondents with any missing item are left out. nil when k < 2, fewer than 2 complete
    /// cases, or s_T² = 0. Sums run over sorted values, so respondent order does not matter.
    package static func cronbachAlpha(items: [[Double]]) -> Double? {
        alpha(items: items)?.alpha
    }

    /// α with the number of complete cases it used.
    static func alpha(items: [[Double]]) -> (alpha: Double, n: Int)? {
        let k = items.count
        guard k >= 2 else { return nil }
        let rows = items[0].count
        precondition(items.allSatisfy { $0.count == rows }, "items differ in length")
        var complete: [Int] = []
        for i in 0..<rows where items.allSatisfy({ !$0[i].isNaN }) { complete.append(i) }
        let n = complete.count
        guard n >= 2 else { return nil }
        var itemVariances: [Double] = []
        for item in items { itemVariances.append(sampleVariance(complete.map { item[$0] })) }
        let totals = complete.map { i -> Double in
            var t = StableSum()
            for item in items { t.add(item[i]) }
            return t.value
        }
        let totalVariance = sampleVariance(totals)
        guard totalVariance > 0 else { return nil }
        let sumItemVariances = StableSum.ofSorted(itemVariances)
        let kk = Double(k)
        return (kk / (kk - 1) * (1 - sumItemVariances / totalVariance), n)
    }

    /// Two-pass sample variance (n−1) over sorted values: independent of their order.
    static func sampleVariance(_ x: [Double]) -> Double {
        if let counts = WholeCounts(x) {
            // The same additions in the same order as over the sorted values, without sorting.
            var sum = StableSum()
            counts.forEachAscending { v in sum.add(v) }
            let mean = sum.value / Double(x.count)
            var ss = StableSum()
            counts.forEachAscending { v in ss.add((v - mean) * (v - mean)) }
            return ss.value / Double(x.count - 1)
        }
        let sorted = x.sorted()
        let mean = StableSum.ofSorted(sorted) / Double(sorted.count)
        var ss = StableSum()
        for v in sorted { ss.add((v - mean) * (v - mean)) }
        return ss.value / Double(sorted.count - 1)
    }
}

/// Values that are all whole numbers in a short range (Likert answers and their sums), counted
/// per value: visiting each value as often as it occurs, ascending, is the sorted sequence —
/// a counting sort, linear where sorting the doubles was most of α's time.
struct WholeCounts {
    private let low: Int
    private let counts: [Int]

    /// nil unless every value is a whole number (not −0) within ±10⁹ and they span at most 4,096.
    init?(_ x: [Double]) {
        guard let first = x.first else { return nil }
        var lo = first
        var hi = first
        for v in x {
            // −0 sorts equal to 0 but is another double: leave such inputs to the sort.
            guard v.rounded() == v, v != 0 || v.sign == .plus else { return nil }
            lo = min(lo, v)
            hi = max(hi, v)
        }
        guard lo >= -1e9, hi <= 1e9, hi - lo <= 4096 else { return nil }
        low = Int(lo)
        var counts = [Int](repeating: 0, count: Int(hi) - low + 1)
        for v in x { counts[Int(v) - low] += 1 }
        self.counts = counts
    }

    /// `body(v)` for every value, each as often as it occurs, ascending.
    func forEachAscending(_ body: (Double) -> Void) {
        for (i, c) in counts.enumerated() where c > 0 {
            let v = Double(low + i)
            for _ in 0..<c { body(v) }
        }
    }
}
