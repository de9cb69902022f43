import ApenCore

/// Rows per (municipality, year) of a table, for the report's data-quality section.
enum TableCoverage {
    /// `municipality|year` → rows. The year comes from the column METHODS.md §1 names for the kind.
    static func of(_ t: Table) -> [String: Int] {
        guard let muni = t.text("municipality") else { return [:] }
        var counts: [Int64: Int] = [:]
        func add(_ row: Int, _ year: Int) {
            let code = Int64(muni.codes[row])
            guard code >= 0 else { return }
            counts[code << 20 | Int64(year), default: 0] += 1
        }
        switch t.kind {
        case .survey, .population, .table:
            guard let years = t.numbers("year") else { return [:] }
            for r in 0..<t.rowCount where years[r].isFinite { add(r, Int(years[r])) }
        default:
            let column = ["engagement": "date", "publications": "registered", "access_requests": "received"][
                t.kind.rawValue]!
            guard let days = t.days(column) else { return [:] }
            var lastRaw = Int32.min
            var lastYear = 0
            for r in 0..<t.rowCount where days[r] != Column.missingDay {
                if days[r] != lastRaw { (lastRaw, lastYear) = (days[r], Day(raw: days[r]).year) }
                add(r, lastYear)
            }
        }
        var out: [String: Int] = [:]
        for (k, n) in counts { out["\(muni.dictionary[Int(k >> 20)])|\(k & 0xFFFFF)"] = n }
        return out
    }
}
