extension Municipality {
    /// A stable number per municipality for seeding streams (its digits, or a hash of other codes).
    var streamKey: UInt64 {
        if let n = UInt64(code) { return n }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for b in code.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }
}
