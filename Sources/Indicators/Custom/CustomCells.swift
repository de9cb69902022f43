import ApenCore

/// A (municipality, year) group, or a (municipality, year, breakdown value) cell with `by:`.
struct CustomCellKey: Hashable, Sendable {
    var municipality: Int32
    var year: Int32
    /// The breakdown value's key (see `CustomTablePlan.KeyColumn`), or `nil` for the ordinary group.
    var breakdown: UInt64?

    init(municipality: Int32, year: Int32, breakdown: UInt64? = nil) {
        self.municipality = municipality
        self.year = year
        self.breakdown = breakdown
    }
}

/// What a cell has seen: rows matching `where`, hits of `of`/`per`, values, distinct keys.
struct CustomCell: Sendable {
    var matched = 0
    var hits = 0
    var perHits = 0
    var values: [Double] = []
    var weights: [Double] = []
    var distinct: Set<UInt64> = []

    mutating func merge(_ o: CustomCell) {
        matched += o.matched
        hits += o.hits
        perHits += o.perHits
        values += o.values
        weights += o.weights
        distinct.formUnion(o.distinct)
    }
}

/// Cells of one chunk of rows, or of all chunks once merged.
struct CustomCells: Sendable {
    private var lookup: [CustomCellKey: Int] = [:]
    private(set) var keys: [CustomCellKey] = []
    var cells: [CustomCell] = []
    /// Rows without a municipality or a usable year.
    var skippedRows = 0

    /// The index of `key`'s cell, creating it when new.
    mutating func index(_ key: CustomCellKey) -> Int {
        if let i = lookup[key] { return i }
        let i = cells.count
        lookup[key] = i
        keys.append(key)
        cells.append(CustomCell())
        return i
    }

    /// Adds another chunk's cells. Value order is irrelevant: values are sorted before use.
    mutating func merge(_ other: CustomCells) {
        skippedRows += other.skippedRows
        for (k, key) in other.keys.enumerated() {
            let i = index(key)
            cells[i].merge(other.cells[k])
        }
    }

    /// The indicator rows of every cell with a defined value, and warnings for the others.
    func rows(_ def: CustomIndicator, globals: CustomGlobals, breakdownType: ColumnType?, jobs: Int) throws
        -> IndicatorOutputRows
    {
        let measure = def.measure
        let p = def.p ?? 0.5
        let snapshot = cells
        let chunkSize = 1024
        let chunks = stride(from: 0, to: snapshot.count, by: chunkSize).map { $0..<min($0 + chunkSize, snapshot.count) }
        let results = try CustomParallel.map(count: chunks.count, jobs: jobs) { c in
            chunks[c].map { CustomCells.value(measure, snapshot[$0], p: p) }
        }.flatMap { $0 }

        var out = IndicatorOutputRows()
        var undefined: [String] = []
        for (i, key) in keys.enumerated() {
            let municipality = globals.municipalities.strings[Int(key.municipality)]
            let breakdown = key.breakdown.map { Self.label($0, type: breakdownType, globals: globals) } ?? ""
            guard let (value, n) = results[i] else {
                undefined.append("\(municipality) \(key.year)" + (key.breakdown == nil ? "" : " [\(breakdown)]"))
                continue
            }
            out.rows.append(
                IndicatorRow(indicator: def.id, municipality: municipality, year: Int(key.year), breakdown: breakdown, value: value, n: n))
        }
        out.rows.sort(by: IndicatorRow.canonicalOrder)
        let here = SourceLocation(path: "custom '\(def.id)'")
        if !undefined.isEmpty {
            undefined.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            let shown = undefined.prefix(10).joined(separator: "; ")
            let more = undefined.count > 10 ? "; and \(undefined.count - 10) more" : ""
            out.warnings.append(
                Diagnostic(
                    here, "no value for \(undefined.count) group(s) (\(shown)\(more)): \(Self.reason(measure))", severity: .warning))
        }
        if skippedRows > 0 {
            out.warnings.append(
                Diagnostic(here, "\(skippedRows) row(s) without a municipality or a valid year were skipped", severity: .warning))
        }
        return out
    }

    private static func reason(_ m: CustomIndicator.Measure) -> String {
        switch m {
        case .count, .distinct: return "no rows"
        case .share: return "no rows match 'where' (the denominator is 0)"
        case .ratio: return "no rows match 'per' (the denominator is 0)"
        case .mean, .quantile: return "no non-missing values of 'of' among the rows matching 'where'"
        case .weightedMean: return "no rows with both 'of' and 'weight', or the weights sum to 0"
        }
    }

    /// The value and n of one cell (docs/custom-indicators.md), or `nil` when undefined.
    ///
    /// Sums run over values sorted ascending, so the result does not depend on row order or jobs.
    static func value(_ m: CustomIndicator.Measure, _ c: CustomCell, p: Double) -> (Double, Int)? {
        switch m {
        case .count:
            return (Double(c.matched), c.matched)
        case .distinct:
            return (Double(c.distinct.count), c.distinct.count)
        case .share:
            guard c.matched > 0 else { return nil }
            return (Double(c.hits) / Double(c.matched), c.matched)
        case .ratio:
            guard c.perHits > 0 else { return nil }
            return (Double(c.hits) / Double(c.perHits), c.perHits)
        case .mean:
            guard !c.values.isEmpty else { return nil }
            let sorted = c.values.sorted()
            var sum = 0.0
            for x in sorted { sum += x }
            return (sum / Double(sorted.count), sorted.count)
        case .quantile:
            guard let q = Quantile.type7(c.values, p: p) else { return nil }
            return (q, c.values.count)
        case .weightedMean:
            guard !c.values.isEmpty else { return nil }
            let order = c.values.indices.sorted {
                (c.values[$0], c.weights[$0]) < (c.values[$1], c.weights[$1])
            }
            var sw = 0.0, swx = 0.0
            for i in order {
                sw += c.weights[i]
                swx += c.weights[i] * c.values[i]
            }
            guard sw > 0 else { return nil }
            return (swx / sw, order.count)
        }
    }

    /// The text of a breakdown value: the text itself, a number (integers without `.0`), a date.
    static func label(_ key: UInt64, type: ColumnType?, globals: CustomGlobals) -> String {
        switch type {
        case .number?:
            let x = Double(bitPattern: key)
            if x == x.rounded(), abs(x) < 9.0e15 { return String(Int64(x)) }
            return NumberText.shortest(x)
        case .date?:
            return Day(raw: Int32(bitPattern: UInt32(truncatingIfNeeded: key))).description
        default:
            return globals.breakdowns.strings[Int(key)]
        }
    }
}
