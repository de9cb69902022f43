import ApenCore

/// Accepted rows per (municipality, year) of a table, for the report's data-quality section.
///
/// Stored in a stage summary as `{"<municipality>|<year>": rows}`, the form stores written by
/// earlier versions hold; that text exists only in ``encode(to:)`` and ``init(from:)``.
package struct TableCoverage: Sendable, Hashable, Codable {
    /// A municipality and a year; ordered by municipality (bytewise), then year.
    package struct Group: Sendable, Hashable, Comparable {
        package var municipality: String
        package var year: Int

        package static func < (a: Group, b: Group) -> Bool {
            a.municipality != b.municipality
                ? a.municipality.utf8.lexicographicallyPrecedes(b.municipality.utf8) : a.year < b.year
        }
    }

    /// Rows per group.
    package var rows: [Group: Int]

    init(rows: [Group: Int] = [:]) { self.rows = rows }

    /// The groups with their rows, in ``Group`` order.
    var sorted: [(group: Group, rows: Int)] {
        rows.sorted { $0.key < $1.key }.map { (group: $0.key, rows: $0.value) }
    }

    /// Counts `t`'s rows per group. The year comes from the column METHODS.md §1 names for the kind.
    static func of(_ t: Table) -> TableCoverage {
        guard let muni = t.text("municipality") else { return TableCoverage() }
        var counts: [Int64: Int] = [:]  // municipality code << 20 | year
        func add(_ row: Int, _ year: Int) {
            let code = Int64(muni.codes[row])
            guard code >= 0 else { return }
            counts[code << 20 | Int64(year), default: 0] += 1
        }
        let dateColumn: String
        switch t.kind {
        case .survey, .population, .table:
            guard let years = t.numbers("year") else { return TableCoverage() }
            for r in 0..<t.rowCount where years[r].isFinite { add(r, Int(years[r])) }
            return TableCoverage(counts, muni)
        case .engagement: dateColumn = "date"
        case .publications: dateColumn = "registered"
        case .accessRequests: dateColumn = "received"
        }
        guard let days = t.days(dateColumn) else { return TableCoverage() }
        var lastRaw = Int32.min
        var lastYear = 0
        for r in 0..<t.rowCount where days[r] != Column.missingDay {
            if days[r] != lastRaw { (lastRaw, lastYear) = (days[r], Day(raw: days[r]).year) }
            add(r, lastYear)
        }
        return TableCoverage(counts, muni)
    }

    private init(_ packed: [Int64: Int], _ muni: TextColumn) {
        var rows: [Group: Int] = [:]
        for (k, n) in packed {
            rows[Group(municipality: muni.dictionary[Int(k >> 20)], year: Int(k & 0xFFFFF))] = n
        }
        self.rows = rows
    }

    package init(from decoder: any Decoder) throws {
        let stored = try decoder.singleValueContainer().decode([String: Int].self)
        var rows: [Group: Int] = [:]
        for (key, n) in stored {
            let parts = key.split(separator: "|", omittingEmptySubsequences: false)
            guard parts.count == 2, let year = Int(parts[1]) else { continue }
            rows[Group(municipality: String(parts[0]), year: year)] = n
        }
        self.rows = rows
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(Dictionary(uniqueKeysWithValues: rows.map { ("\($0.key.municipality)|\($0.key.year)", $0.value) }))
    }
}
