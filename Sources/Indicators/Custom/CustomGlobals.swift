import ApenCore

/// Text values interned across all tables of a source, so that rows from different tables
/// (each with its own dictionary) group together: municipalities, breakdown and `distinct` values.
struct CustomGlobals: Sendable {
    private(set) var municipalities = CustomInterner()
    private(set) var breakdowns = CustomInterner()
    private(set) var distinctValues = CustomInterner()

    enum Space { case municipality, breakdown, distinct }

    /// The global breakdown index of every row of a number or date column (−1 missing), interning
    /// each distinct value's label once: integers without `.0`, other numbers in shortest form,
    /// dates as `YYYY-MM-DD`.
    mutating func breakdownIndices(_ column: Column) -> [Int32] {
        var cache: [UInt64: Int32] = [:]
        func index(_ bits: UInt64, _ label: () -> String) -> Int32 {
            if let k = cache[bits] { return k }
            let k = breakdowns.intern(label())
            cache[bits] = k
            return k
        }
        switch column {
        case .number(let v):
            return v.map { x in
                guard !x.isNaN else { return -1 }
                let y = x == 0 ? 0 : x
                return index(y.bitPattern) {
                    y == y.rounded() && abs(y) < 9.0e15 ? String(Int64(y)) : NumberText.shortest(y)
                }
            }
        case .date(let v):
            return v.map { d in
                d == Column.missingDay ? -1 : index(UInt64(UInt32(bitPattern: d))) { Day(raw: d).description }
            }
        case .text(let t):
            let global = map(t.dictionary, into: .breakdown)
            return t.codes.map { $0 < 0 ? -1 : global[Int($0)] }
        }
    }

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
