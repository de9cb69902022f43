/// Sebastiano Vigna's SplitMix64: a tiny 64-bit generator, used here to expand one seed into
/// independent seeds for each (kind, municipality, year) stream and to seed `Xoshiro256`.
///
/// Written from the published algorithm (Steele, Lea & Flood 2014; Vigna's reference constants),
/// so the same seed gives the same bytes on every platform — no `Foundation` random source.
///
/// ```swift
/// var s = SplitMix64(seed: 42)
/// let a = s.next()
/// ```
struct SplitMix64: Sendable {
    private(set) var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One well-mixed value from several keys (seed, kind, municipality, year): each key is
    /// folded in through a SplitMix64 step, so nearby keys give unrelated streams.
    static func mix(_ keys: UInt64...) -> UInt64 {
        var h: UInt64 = 0x6A09_E667_F3BC_C908
        for k in keys {
            var s = SplitMix64(seed: h ^ k)
            h = s.next()
        }
        return h
    }
}
