/// Text values interned across all tables of a source, so that rows from different tables
/// (each with its own dictionary) group together: municipalities, breakdown and `distinct` values.
struct CustomGlobals: Sendable {
    private(set) var municipalities = CustomInterner()
    private(set) var breakdowns = CustomInterner()
    private(set) var distinctValues = CustomInterner()

    enum Space { case municipality, breakdown, distinct }

    /// Maps a table dictionary's codes to global indices in `space`.
    mutating func map(_ dictionary: [String], into space: Space) -> [Int32] {
        switch space {
        case .municipality: return dictionary.map { municipalities.intern($0) }
        case .breakdown: return dictionary.map { breakdowns.intern($0) }
        case .distinct: return dictionary.map { distinctValues.intern($0) }
        }
    }
}

/// A string ↔ dense index table.
struct CustomInterner: Sendable {
    private(set) var strings: [String] = []
    private var index: [String: Int32] = [:]

    mutating func intern(_ s: String) -> Int32 {
        if let k = index[s] { return k }
        let k = Int32(strings.count)
        strings.append(s)
        index[s] = k
        return k
    }
}
