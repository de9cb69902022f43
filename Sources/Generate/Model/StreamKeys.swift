import ApenCore

// Stable numbers for seeding the generator's random streams (one per municipality and kind).

extension Municipality {
    /// A stable number per municipality for seeding streams (its digits, or a hash of other codes).
    var streamKey: UInt64 {
        if let n = UInt64(code) { return n }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a
        for b in code.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return h
    }
}

extension SourceKind {
    /// A stable number per kind for seeding streams.
    var streamKey: UInt64 {
        switch self {
        case .survey: return 1
        case .engagement: return 2
        case .publications: return 3
        case .accessRequests: return 4
        case .population: return 5
        case .table: return 6
        }
    }
}
