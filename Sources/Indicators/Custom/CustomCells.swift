import ApenCore

/// What a cell has seen: rows matching `where`, hits of `of`/`per`, values, distinct keys.
struct CustomCell: Sendable {
    var matched = 0
    var hits = 0
    var perHits = 0
    var values: [Double] = []
    var weights: [Double] = []
    /// Keys of `distinct` values; unique within a chunk once `compactDistinct()` ran, may repeat across chunks.
    var distinct: [UInt64] = []

    mutating func merge(_ o: CustomCell) {
        matched += o.matched
        hits += o.hits
        perHits += o.perHits
        values += o.values
        weights += o.weights
        distinct += o.distinct
    }

    /// Sorts `distinct` and removes repeats (sorting small per-cell arrays is cheaper than hashing).
    mutating func compactDistinct() {
        distinct.sort()
        var w = 0
        for k in distinct.indices where k == 0 || distinct[k] != distinct[k - 1] {
            distinct[w] = distinct[k]
            w += 1
        }
        distinct.removeLast(distinct.count - w)
    }
}

/// Cells of one chunk of rows, or of all chunks once merged, keyed by `CustomSlotSpace` slots.
struct CustomCells: Sendable {
    /// Slot → cell index + 1 (0 = no cell yet) when the slot space is small (`isDense`), …
    private var dense: [Int32] = []
    /// … else a hash.
    private var sparse: [Int: Int] = [:]
    private let isDense: Bool
    private(set) var keys: [Int] = []
    var cells: [CustomCell] = []
    /// Rows without a municipality or a usable year.
    var skippedRows = 0
    let space: CustomSlotSpace

    /// - Parameter denseLimit: the largest slot space given a dense table (4 bytes a slot).
    init(space: CustomSlotSpace, denseLimit: Int) {
        self.space = space
        isDense = space.count <= denseLimit
        if isDense { dense = [Int32](repeating: 0, count: space.count) }
    }

    /// The index of `slot`'s cell, creating it when new.
    @inline(__always) mutating func index(_ slot: Int) -> Int {
        if isDense {
            let k = dense[slot]
            if k > 0 { return Int(k) - 1 }
            dense[slot] = Int32(cells.count + 1)
        } else {
            if let k = sparse[slot] { return k }
            sparse[slot] = cells.count
        }
        keys.append(slot)
        cells.append(CustomCell())
        return cells.count - 1
    }

    /// Frees the lookup table of a finished chunk (its cells are only merged from now on), and
    /// makes its `distinct` keys unique.
    mutating func dropLookup() {
        for i in cells.indices where !cells[i].distinct.isEmpty { cells[i].compactDistinct() }
        dense = []
        sparse = [:]
    }

    /// Adds another chunk's cells. Value order is irrelevant: values are sorted before use.
    mutating func merge(_ other: CustomCells) {
        skippedRows += other.skippedRows
        for (k, slot) in other.keys.enumerated() {
            let i = index(slot)
            cells[i].merge(other.cells[k])
        }
    }

    /// The indicator rows of every cell with a defined value, and warnings for the others.
    func rows(_ def: CustomIndicator, globals: CustomGlobals, jobs: Int) throws
        -> IndicatorOutputRows
    {
        let measure = def.measure
        let p = def.p ?? 0.5
        let snapshot = cells
        let chunkSize = 1024
        let chunks = stride(from: 0, to: snapshot.count, by: chunkSize).map { $0..<min($0 + chunkSize, snapshot.count) }
        let results = Parallel.map(count: chunks.count, jobs: jobs) { c in
            chunks[c].map { CustomCells.value(measure, snapshot[$0], p: p) }
        }.flatMap { $0 }

        var out = IndicatorOutputRows()
        var undefined: [(text: String, group: RunWarning.Group)] = []
        for (i, slot) in keys.enumerated() {
            let key = space.decode(slot)
            let municipality = globals.municipalities.strings[key.municipality]
            // METHODS r2 §1 "Breakdowns": `column=value`, as the built-in breakdowns write it.
            let breakdown = key.breakdown.map { "\(def.by ?? "")=" + globals.breakdowns.strings[$0] } ?? ""
            guard let (value, n) = results[i] else {
                undefined.append(
                    (
                        "\(municipality) \(key.year)" + (key.breakdown == nil ? "" : " [\(breakdown)]"),
                        RunWarning.Group(
                            municipality, year: key.year, breakdown: key.breakdown == nil ? nil : breakdown)
                    ))
                continue
            }
            out.rows.append(
                IndicatorRow(
                    indicator: def.id, municipality: municipality, year: key.year, breakdown: breakdown, value: value,
                    n: n))
        }
        out.rows.sort(by: IndicatorRow.canonicalOrder)
        let here = SourceLocation(path: "custom '\(def.id)'")
        if !undefined.isEmpty {
            undefined.sort { $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
            let shown = undefined.prefix(10).map(\.text).joined(separator: "; ")
            let more = undefined.count > 10 ? "; and \(undefined.count - 10) more" : ""
            out.warnings.append(
                Diagnostic(
                    here, "no value for \(undefined.count) group(s) (\(shown)\(more)): \(Self.reason(measure).english)",
                    severity: .warning,
                    warning: RunWarning(
                        .noValue, source: here.path, indicator: def.id,
                        groups: undefined.map(\.group), reason: Self.reason(measure))))
        }
        if skippedRows > 0 {
            out.warnings.append(
                Diagnostic(
                    here, "\(skippedRows) row(s) without a municipality or a valid year were skipped",
                    severity: .warning,
                    warning: RunWarning(.rowsWithoutGroup, source: here.path, indicator: def.id, count: skippedRows)))
        }
        return out
    }

    private static func reason(_ m: CustomIndicator.Measure) -> RunWarning.Reason {
        switch m {
        case .count, .distinct: return .customNoRows
        case .share: return .customNoneWhere
        case .ratio: return .customNonePer
        case .mean, .quantile: return .customNoValues
        case .weightedMean: return .customNoWeights
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
            var d = c
            d.compactDistinct()
            return (Double(d.distinct.count), d.distinct.count)
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
            var sw = 0.0
            var swx = 0.0
            for i in order {
                sw += c.weights[i]
                swx += c.weights[i] * c.values[i]
            }
            guard sw > 0 else { return nil }
            return (swx / sw, order.count)
        }
    }
}
