/// Compensated (Neumaier) summation in the order given.
///
/// Callers put the terms in a canonical order first (sorted by value or by a stable key),
/// so a sum depends only on the multiset of terms — not on input row order or on the
/// number of worker threads (METHODS.md §1, Determinism).
struct StableSum {
    private(set) var sum = 0.0
    private var compensation = 0.0

    mutating func add(_ x: Double) {
        let t = sum + x
        if abs(sum) >= abs(x) {
            compensation += (sum - t) + x
        } else {
            compensation += (x - t) + sum
        }
        sum = t
    }

    var value: Double { sum + compensation }

    /// The compensated sum of `values` sorted ascending: independent of the input order.
    static func ofSorted(_ values: [Double]) -> Double {
        var s = StableSum()
        for v in values.sorted() { s.add(v) }
        return s.value
    }
}
