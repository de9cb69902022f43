import ApenCore

/// One numbering of a text column's values across several tables, for identity only
/// (distinct participants, initiatives): the numbers are not an order. With one table the
/// table's own codes are used unchanged, so the common case costs nothing.
struct TextUnion: Sendable {
    /// Per table: code → shared id. Empty for a table without the column.
    let maps: [[Int32]]
    let identity: Bool
    let count: Int

    init(_ columns: [TextColumn?]) {
        let present = columns.compactMap { $0 }
        if columns.count == 1, let only = present.first {
            identity = true
            maps = [[]]
            count = only.dictionary.count
            return
        }
        identity = false
        var index: [String: Int32] = [:]
        var maps: [[Int32]] = []
        for c in columns {
            guard let c else {
                maps.append([])
                continue
            }
            maps.append(
                c.dictionary.map { s in
                    if let i = index[s] { return i }
                    let i = Int32(index.count)
                    index[s] = i
                    return i
                })
        }
        self.maps = maps
        self.count = index.count
    }

    /// The shared id of `code` in table `table`; −1 for a missing cell.
    @inline(__always)
    func id(table: Int, code: Int32) -> Int32 {
        if code < 0 { return -1 }
        return identity ? code : maps[table][Int(code)]
    }
}
