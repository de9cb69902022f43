/// xoshiro256** 1.0 (Blackman & Vigna 2018), the generator of the composite index's
/// Monte-Carlo weights (METHODS §6), seeded by four ``SplitMix64`` outputs.
///
/// Uniform doubles in [0, 1) take the top 53 bits: `Double(x >> 11) * 0x1.0p-53`
/// (Vigna's recommended conversion; METHODS does not fix one, docs/composite.md does).
///
/// ```swift
/// var g = Xoshiro256StarStar(seed: 42)
/// let u = g.nextUniform()   // 0 ≤ u < 1, the same on every machine
/// ```
package struct Xoshiro256StarStar: Sendable, Hashable {
    package private(set) var state: (UInt64, UInt64, UInt64, UInt64)

    /// State s0…s3 = the first four outputs of SplitMix64(seed).
    package init(seed: UInt64) {
        var sm = SplitMix64(seed: seed)
        state = (sm.next(), sm.next(), sm.next(), sm.next())
    }

    /// A generator with an explicit state (must not be all zero).
    package init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
        self.state = state
    }

    @inline(__always) private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// The next 64-bit output: rotl(s1·5, 7)·9, then the state transition.
    package mutating func next() -> UInt64 {
        var (s0, s1, s2, s3) = state
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        state = (s0, s1, s2, s3)
        return result
    }

    /// A uniform double in [0, 1): `Double(next() >> 11) * 0x1.0p-53`.
    package mutating func nextUniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    package static func == (a: Self, b: Self) -> Bool { a.state == b.state }

    package func hash(into h: inout Hasher) {
        h.combine(state.0)
        h.combine(state.1)
        h.combine(state.2)
        h.combine(state.3)
    }
}
