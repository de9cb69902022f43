import ApenCore

extension SplitMix64 {
    /// One 64-bit stream key from several keys (seed, kind, municipality, year): each key is
    /// folded in by a SplitMix64 step, so nearby keys give unrelated streams.
    static func mix(_ keys: UInt64...) -> UInt64 {
        var h: UInt64 = 0x6A09_E667_F3BC_C908
        for k in keys {
            var s = SplitMix64(seed: h ^ k)
            h = s.next()
        }
        return h
    }
}
