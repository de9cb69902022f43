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
struct Xoshiro256: Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    init(seed: UInt64) {
        var sm = SplitMix64(seed: seed)
        s0 = sm.next()
        s1 = sm.next()
        s2 = sm.next()
        s3 = sm.next()
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = Xoshiro256.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Xoshiro256.rotl(s3, 45)
        return result
    }

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
