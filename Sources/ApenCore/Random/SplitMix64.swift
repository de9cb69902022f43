/// SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference `splitmix64.c`), used only to
/// expand a 64-bit seed into the 256-bit state of ``Xoshiro256StarStar``, as Vigna recommends.
///
/// ```swift
/// var s = SplitMix64(seed: 1)
/// s.next()   // 0x910a2dec89025cc1
/// ```
package struct SplitMix64: Sendable, Hashable {
    package private(set) var state: UInt64

    package init(seed: UInt64) { state = seed }

    /// The next output: state += 0x9E3779B97F4A7C15, then two xor-shift-multiply rounds.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
