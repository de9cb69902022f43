import ApenCore

/// A shared, sorted vocabulary for one text column across several tables.
///
/// Dictionary codes depend on the order in which values first appear, so they cannot be used
/// as sort keys without making results depend on row order. A `TextRank` maps every table's
/// codes to the rank of the text in UTF-8 byte order instead; a missing cell maps to the rank
/// of the empty string.
struct TextRank: Sendable {
    /// The distinct texts, in UTF-8 byte order (with "" first when some cell was missing).
    let names: [String]
    /// Per table: code → rank (index into `names`); the missing code −1 is looked up at `missing`.
    let maps: [[Int32]]
    let missing: Int32

    init(_ columns: [TextColumn?]) {
        var all = Set<String>()
        var hasMissing = false
        for c in columns {
            guard let c else { continue }  // a table without the column: never looked up
            all.formUnion(c.dictionary)
            if !hasMissing, c.codes.contains(-1) { hasMissing = true }
        }
        if hasMissing { all.insert("") }
        let names = all.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var index: [String: Int32] = [:]
        for (i, s) in names.enumerated() { index[s] = Int32(i) }
        self.names = names
        self.missing = index[""] ?? -1
        self.maps = columns.map { c in c.map { $0.dictionary.map { index[$0]! } } ?? [] }
    }

    /// The rank of the cell at `row` of table `table` (whose column is `codes`).
    @inline(__always)
    func rank(table: Int, code: Int32) -> Int32 {
        code < 0 ? missing : maps[table][Int(code)]
    }
}
