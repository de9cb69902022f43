import ApenCore

/// A group (municipality, year) of a partial state.
package struct PartialGroupKey: Hashable, Sendable {
    package var municipality: String
    package var year: Int

    package init(municipality: String, year: Int) {
        self.municipality = municipality
        self.year = year
    }
}

extension GroupIndex {
    /// The groups of a partial state, numbered in the canonical order.
    init(_ keys: some Collection<PartialGroupKey>, ungroupedRows: Int) {
        self.init(groups: keys.map { (municipality: $0.municipality, year: $0.year) }, ungroupedRows: ungroupedRows)
    }

    /// The key of group `g`.
    func partialKey(_ g: Int) -> PartialGroupKey {
        PartialGroupKey(municipality: municipalities[keys[g].municipality], year: keys[g].year)
    }
}

/// The rows of a chunk numbered by their group (municipality, year), with one integer look-up
/// per row: a partial state adds each row to a small array of chunk-local accumulators and
/// merges those into its groups once per chunk, so no string is hashed per row.
struct ChunkGroups {
    /// The chunk's groups, in order of first appearance (local group numbers).
    private(set) var keys: [PartialGroupKey] = []
    /// Per row of the range (`rows.lowerBound` is index 0): its local group, or −1 when the
    /// row has no municipality or no year.
    private(set) var groupOfRow: [Int32]
    /// Rows without a municipality or a year.
    private(set) var ungrouped = 0

    /// - Parameters:
    ///   - municipality: the chunk's municipality column.
    ///   - years: the year of each row of the range, `years[0]` that of `rows.lowerBound`
    ///     (`GroupIndex.missingYear` = missing).
    ///   - rows: the rows to number.
    init(municipality: TextColumn, years: [Int32], rows: Range<Int>) {
        precondition(years.count == rows.count, "one year per row")
        groupOfRow = [Int32](repeating: -1, count: rows.count)
        var lo = Int32.max
        var hi = Int32.min
        for y in years where y != GroupIndex.missingYear {
            lo = min(lo, y)
            hi = max(hi, y)
        }
        guard lo <= hi else {
            ungrouped = rows.count
            return
        }
        let span = Int(hi) - Int(lo) + 1
        let slots = municipality.dictionary.count * span
        // Slot = municipality code · span + year offset: a dense table when small, else a dictionary.
        var dense = slots <= 1 << 20 ? [Int32](repeating: -1, count: slots) : []
        var sparse: [Int: Int32] = [:]
        for r in rows {
            let m = municipality.codes[r]
            let y = years[r - rows.lowerBound]
            guard m >= 0, y != GroupIndex.missingYear else {
                ungrouped += 1
                continue
            }
            let slot = Int(m) * span + Int(y - lo)
            var g = dense.isEmpty ? (sparse[slot] ?? -1) : dense[slot]
            if g < 0 {
                g = Int32(keys.count)
                keys.append(PartialGroupKey(municipality: municipality.dictionary[Int(m)], year: Int(y)))
                if dense.isEmpty { sparse[slot] = g } else { dense[slot] = g }
            }
            groupOfRow[r - rows.lowerBound] = g
        }
    }
}

extension ChunkGroups {
    /// The rows of `rows` of `table` by group, the year that of the date column `dateColumn`;
    /// `nil` when the table lacks the municipality or the date column.
    init?(_ table: Table, dateColumn: String, rows: Range<Int>) {
        guard let municipality = table.text("municipality"), let days = table.days(dateColumn) else { return nil }
        let years = GroupIndex.years(ofDays: rows == days.indices ? days : Array(days[rows]))
        self.init(municipality: municipality, years: years, rows: rows)
    }
}

/// Folds each table into a state of its own source on `jobs` workers, in row chunks merged in
/// row order, and the sources' states one after another: the partial of a family's tables.
func foldTables<State: Sendable>(
    _ tables: [Table], jobs: Int, empty: State, initial: (Table) -> State,
    fold: @escaping @Sendable (inout State, Table, Range<Int>) -> Void, merge: (inout State, State, Bool) -> Void
) -> State {
    var total = empty
    for t in tables {
        let rows = Parallel.chunks(rowCount: t.rowCount)
        let chunks = rows.isEmpty ? [0..<0] : rows  // an empty table still tells its columns
        let first = initial(t)
        let parts = Parallel.map(count: chunks.count, jobs: max(1, jobs)) { i -> State in
            var state = first
            fold(&state, t, chunks[i])
            return state
        }
        var source = parts[0]
        for part in parts.dropFirst() { merge(&source, part, true) }
        merge(&total, source, false)
    }
    return total
}

/// Counts per distinct integer value (a lag or a number of working days): what an exact
/// quantile needs of a list, in memory that grows with the distinct values, not the records.
/// Adding two histograms adds counts, so any order or grouping of merges gives the same one.
package struct Histogram: Sendable, Equatable {
    private(set) var counts: [Int32: Int] = [:]
    /// Values added (with repeats).
    private(set) var total = 0

    mutating func add(_ value: Int32) {
        counts[value, default: 0] += 1
        total += 1
    }

    mutating func merge(_ other: Histogram) {
        counts.merge(other.counts, uniquingKeysWith: +)
        total += other.total
    }

    /// Values ≤ `limit`.
    func count(atMost limit: Int32) -> Int {
        counts.reduce(0) { $0 + ($1.key <= limit ? $1.value : 0) }
    }

    /// Every value with its repeats, ascending: the sorted list `Quantile.type7` reads.
    func sortedValues() -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(total)
        for (value, n) in counts.sorted(by: { $0.key < $1.key }) {
            out.append(contentsOf: repeatElement(Double(value), count: n))
        }
        return out
    }
}
