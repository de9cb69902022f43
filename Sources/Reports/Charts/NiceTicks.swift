import Foundation

/// Axis ticks at "nice" numbers (1, 2, 5 × 10ᵏ) that cover a data range.
///
/// Paul Heckbert's labelling algorithm ("Nice numbers for graph labels", *Graphics Gems*,
/// 1990): round the range to a nice number, divide by (count − 1), round the step to a nice
/// number, and widen the range outward to multiples of the step. Tick values are computed as
/// integer multiples of the step, so `0.1 × 3` prints as `0,3` and never drifts.
///
/// ```swift
/// let t = NiceTicks(min: 3, max: 97, count: 5)   // 0, 20, 40, 60, 80, 100
/// ```
struct NiceTicks: Sendable, Hashable {
    /// The widened axis range: the first and last tick.
    let lower: Double
    let upper: Double
    let step: Double
    /// Decimals needed to print every tick exactly (0 for steps ≥ 1).
    let fractionDigits: Int
    let values: [Double]

    init(min lo: Double, max hi: Double, count: Int = 5) {
        var a = Swift.min(lo, hi)
        var b = Swift.max(lo, hi)
        if !(a.isFinite && b.isFinite) {
            a = 0
            b = 1
        }
        if a == b {
            // A single value: show a unit range around it (or [0, 1] for zero).
            let pad = a == 0 ? 1 : Swift.abs(a) * 0.1
            a -= pad
            b += pad
        }
        let range = NiceTicks.nice(b - a, round: false)
        let step = NiceTicks.nice(range / Double(Swift.max(1, count - 1)), round: true)
        let first = (a / step).rounded(.down)
        let last = (b / step).rounded(.up)
        self.step = step
        self.lower = first * step
        self.upper = last * step
        let exp = Int((log10(step)).rounded(.down))
        self.fractionDigits = Swift.max(0, -exp)
        var vs: [Double] = []
        var k = first
        while k <= last + 0.5 {
            vs.append(k * step)
            k += 1
        }
        self.values = vs
    }

    /// The nice number near `x`: 1, 2, 5 or 10 × 10ᵏ (rounded, or the next one up).
    static func nice(_ x: Double, round: Bool) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let exp = (log10(x)).rounded(.down)
        let f = x / pow10(Int(exp))
        let nf: Double
        if round {
            nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10
        } else {
            nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10
        }
        return nf * pow10(Int(exp))
    }

    /// 10ᵏ by repeated multiplication (exact for the small k of axis steps).
    static func pow10(_ k: Int) -> Double {
        var r = 1.0
        if k >= 0 { for _ in 0..<k { r *= 10 } } else { for _ in 0 ..< -k { r /= 10 } }
        return r
    }
}
