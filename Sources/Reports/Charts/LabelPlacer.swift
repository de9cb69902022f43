/// Chooses which labels to draw so that none overlap.
///
/// Labels are offered in priority order (focus municipalities first, then the rest in
/// drawing order); each is kept only when its interval on the axis, widened by `gap`, does
/// not meet an interval already kept. Greedy and deterministic.
///
/// ```swift
/// var p = LabelPlacer(gap: 1)
/// p.place(0...10)   // true
/// p.place(5...15)   // false: overlaps
/// ```
struct LabelPlacer: Sendable {
    private(set) var kept: [ClosedRange<Double>] = []
    let gap: Double

    init(gap: Double = 1) { self.gap = gap }

    /// Keeps `span` and returns true when it overlaps no kept span.
    mutating func place(_ span: ClosedRange<Double>) -> Bool {
        for k in kept where span.lowerBound < k.upperBound + gap && k.lowerBound < span.upperBound + gap {
            return false
        }
        kept.append(span)
        return true
    }

    /// Spreads label centres `ys` (sorted ascending) apart to at least `spacing`, within
    /// `lo...hi`, keeping their order: the usual direct-label layout for line ends.
    static func spread(_ ys: [Double], spacing: Double, lo: Double, hi: Double) -> [Double] {
        guard !ys.isEmpty else { return [] }
        var out = ys
        for i in 1..<max(1, out.count) where out[i] < out[i - 1] + spacing { out[i] = out[i - 1] + spacing }
        if let last = out.last, last > hi {
            out[out.count - 1] = hi
            if out.count > 1 {
                for i in stride(from: out.count - 2, through: 0, by: -1) where out[i] > out[i + 1] - spacing {
                    out[i] = out[i + 1] - spacing
                }
            }
        }
        if let first = out.first, first < lo {
            let shift = lo - first
            out = out.map { $0 + shift }
        }
        return out
    }
}
