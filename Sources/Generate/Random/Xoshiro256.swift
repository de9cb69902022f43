import ApenCore

/// xoshiro256** (Blackman & Vigna 2018), seeded by SplitMix64 as its authors recommend.
///
/// The generator behind every synthetic value. Each (kind, municipality, year) group gets its
/// own stream, so a municipality's rows do not depend on which other municipalities or years
/// are generated, and the kinds can be written in parallel with identical bytes.
///
/// ```swift
/// var rng = Xoshiro256(seed: 7)
/// let u = rng.uniform()          // [0, 1)
/// let k = rng.below(10)          // 0..<10
/// ```
typealias Xoshiro256 = Xoshiro256StarStar  // the one implementation, in ApenCore

/// Draws the generator needs on top of the raw stream.
extension Xoshiro256StarStar {
    /// A double uniform on [0, 1) from the top 53 bits.
    @inline(__always)
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// An integer uniform on 0..<n (n > 0), by Lemire's multiply-shift; the tiny bias for huge n is irrelevant here.
    @inline(__always)
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// True with probability p.
    @inline(__always)
    mutating func chance(_ p: Double) -> Bool { uniform() < p }

    /// An approximately standard normal value: the Irwin–Hall sum of four uniforms, rescaled
    /// to variance 1. Bounded (±3.46) and free of libm, so it is bit-identical everywhere;
    /// plenty for Likert latents and weights.
    @inline(__always)
    mutating func normal() -> Double {
        let s = uniform() + uniform() + uniform() + uniform()
        return (s - 2) * 1.7320508075688772  // sqrt(12/4)
    }

    /// An index drawn with the given cumulative weights (last element = total).
    mutating func pick(cumulative: [Double]) -> Int {
        let u = uniform() * cumulative[cumulative.count - 1]
        var lo = 0
        var hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
