import ApenCore

/// The rows of several tables bucketed by group `(municipality, year)` (METHODS.md §1).
///
/// Groups are numbered in the canonical output order (municipality in UTF-8 byte order, then
/// year), and each group's members are stored contiguously (a counting sort: no per-row
/// strings or dictionaries). Rows whose municipality or year is missing belong to no group
/// and are counted in `ungroupedRows`.
struct GroupIndex: Sendable {
    /// Distinct municipalities, sorted.
    let municipalities: [String]
    /// Per group: index into `municipalities`, and year.
    let keys: [(municipality: Int, year: Int)]
    /// Members of group g are `memberTable[offsets[g]..<offsets[g+1]]` / `memberRow[…]`.
    let offsets: [Int]
    let memberTable: [Int32]
    let memberRow: [Int32]
    let ungroupedRows: Int

    var count: Int { keys.count }

    func members(_ g: Int) -> Range<Int> { offsets[g]..<offsets[g + 1] }

    func label(_ g: Int) -> String { "\(municipalities[keys[g].municipality])/\(keys[g].year)" }

    /// Missing year marker in `years`.
    static let missingYear = Int32.min

    /// - Parameters:
    ///   - municipality: each table's `municipality` column.
    ///   - years: each table's year per row (`missingYear` = missing).
    init(municipality columns: [TextColumn], years: [[Int32]]) {
        let rank = TextRank(columns)
        // A missing municipality gets no group (the "" rank is not used as a group).
        var minYear = Int32.max
        var maxYear = Int32.min
        for (t, ys) in years.enumerated() {
            let codes = columns[t].codes
            for r in ys.indices where ys[r] != GroupIndex.missingYear && codes[r] >= 0 {
                minYear = min(minYear, ys[r])
                maxYear = max(maxYear, ys[r])
            }
        }
        let nMuni = rank.names.count
        guard minYear <= maxYear else {
            municipalities = rank.names
            keys = []
            offsets = [0]
            memberTable = []
            memberRow = []
            ungroupedRows = years.reduce(0) { $0 + $1.count }
            return
        }
        let span = Int(maxYear) - Int(minYear) + 1
        // Slot = municipality rank · span + year offset: ascending slots are the canonical order.
        var slotOfRow: [[Int]] = []
        var ungrouped = 0
        for (t, ys) in years.enumerated() {
            let codes = columns[t].codes
            var slots = [Int](repeating: -1, count: ys.count)
            for r in ys.indices {
                let c = codes[r]
                guard c >= 0, ys[r] != GroupIndex.missingYear else {
                    ungrouped += 1
                    continue
                }
                slots[r] = Int(rank.rank(table: t, code: c)) * span + Int(ys[r] - minYear)
            }
            slotOfRow.append(slots)
        }
        // Slot → group number, densely when the grid is small, else through a sorted list.
        var groupOfSlot: (Int) -> Int
        var groupKeys: [(municipality: Int, year: Int)] = []
        if nMuni * span <= 1 << 22 {
            var used = [Bool](repeating: false, count: nMuni * span)
            for slots in slotOfRow { for s in slots where s >= 0 { used[s] = true } }
            var dense = [Int32](repeating: -1, count: nMuni * span)
            for s in used.indices where used[s] {
                dense[s] = Int32(groupKeys.count)
                groupKeys.append((s / span, s % span + Int(minYear)))
            }
            groupOfSlot = { Int(dense[$0]) }
        } else {
            var set = Set<Int>()
            for slots in slotOfRow { for s in slots where s >= 0 { set.insert(s) } }
            var map: [Int: Int] = [:]
            for s in set.sorted() {
                map[s] = groupKeys.count
                groupKeys.append((s / span, s % span + Int(minYear)))
            }
            groupOfSlot = { map[$0]! }
        }
        var counts = [Int](repeating: 0, count: groupKeys.count + 1)
        var groupOfRow: [[Int32]] = []
        for slots in slotOfRow {
            var g = [Int32](repeating: -1, count: slots.count)
            for r in slots.indices where slots[r] >= 0 {
                let group = groupOfSlot(slots[r])
                g[r] = Int32(group)
                counts[group + 1] += 1
            }
            groupOfRow.append(g)
        }
        for i in 1..<counts.count { counts[i] += counts[i - 1] }
        var fill = counts
        var mt = [Int32](repeating: 0, count: counts.last!)
        var mr = [Int32](repeating: 0, count: counts.last!)
        for (t, gs) in groupOfRow.enumerated() {
            for r in gs.indices where gs[r] >= 0 {
                let g = Int(gs[r])
                mt[fill[g]] = Int32(t)
                mr[fill[g]] = Int32(r)
                fill[g] += 1
            }
        }
        municipalities = rank.names
        keys = groupKeys
        offsets = counts
        memberTable = mt
        memberRow = mr
        ungroupedRows = ungrouped
    }

    /// An index of groups without member rows (for results computed from partial states):
    /// `groups` distinct, in any order; they are numbered in the canonical order.
    init(groups: [(municipality: String, year: Int)], ungroupedRows: Int) {
        let names = Set(groups.map(\.municipality)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var rank: [String: Int] = [:]
        for (i, name) in names.enumerated() { rank[name] = i }
        municipalities = names
        keys = groups.map { (municipality: rank[$0.municipality]!, year: $0.year) }.sorted {
            $0.municipality != $1.municipality ? $0.municipality < $1.municipality : $0.year < $1.year
        }
        offsets = [Int](repeating: 0, count: groups.count + 1)
        memberTable = []
        memberRow = []
        self.ungroupedRows = ungroupedRows
    }

    /// Years of a date column (days since 1970), `missingYear` for a missing day.
    static func years(ofDays days: [Int32]) -> [Int32] {
        var lo = Int32.max
        var hi = Int32.min
        for d in days where d != Column.missingDay {
            lo = min(lo, d)
            hi = max(hi, d)
        }
        guard lo <= hi else { return [Int32](repeating: missingYear, count: days.count) }
        // Dates span few years: one civil conversion per distinct day, then a table look-up per row.
        if Int(hi) - Int(lo) < 1 << 20 {
            let table = (lo...hi).map { Int32(Day(raw: $0).year) }
            return days.map { $0 == Column.missingDay ? missingYear : table[Int($0 - lo)] }
        }
        return days.map { $0 == Column.missingDay ? missingYear : Int32(Day(raw: $0).year) }
    }

    /// Years of a number column; a value that is not a whole number is missing.
    static func years(ofNumbers values: [Double]) -> [Int32] {
        values.map { v in
            guard v.isFinite, v == v.rounded(), abs(v) < 1e6 else { return missingYear }
            return Int32(v)
        }
    }
}
