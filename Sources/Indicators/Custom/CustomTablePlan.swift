import ApenCore

/// One table's columns resolved for a custom indicator: typed storage and compiled predicates,
/// ready to be scanned in parallel chunks.
struct CustomTablePlan: Sendable {
    /// A column whose values are used as keys (breakdown, distinct): text via global indices,
    /// numbers by bit pattern (−0 as 0), dates by day number.
    enum KeyColumn: Sendable {
        case text(codes: [Int32], global: [Int32])
        case number([Double])
        case date([Int32])

        @inline(__always) func key(_ r: Int) -> UInt64? {
            switch self {
            case .text(let codes, let global):
                let c = codes[r]
                return c < 0 ? nil : UInt64(UInt32(bitPattern: global[Int(c)]))
            case .number(let v):
                let x = v[r]
                return x.isNaN ? nil : (x == 0 ? 0 : x).bitPattern
            case .date(let v):
                let d = v[r]
                return d == Column.missingDay ? nil : UInt64(UInt32(bitPattern: d))
            }
        }

        init(_ column: Column, globals: inout CustomGlobals, space: CustomGlobals.Space) {
            switch column {
            case .text(let t): self = .text(codes: t.codes, global: globals.map(t.dictionary, into: space))
            case .number(let v): self = .number(v)
            case .date(let v): self = .date(v)
            }
        }
    }

    enum Years: Sendable {
        case number([Double])
        case date([Int32])

        /// The row's year, or `nil` when missing or not a whole year in 1…9999.
        @inline(__always) func year(_ r: Int) -> Int32? {
            switch self {
            case .number(let v):
                let y = v[r]
                guard y >= 1, y <= 9999, y == y.rounded() else { return nil }
                return Int32(y)
            case .date(let v):
                let d = v[r]
                return d == Column.missingDay ? nil : Int32(Day(raw: d).year)
            }
        }
    }

    let measure: CustomIndicator.Measure
    let municipalityCodes: [Int32]
    let municipalityGlobal: [Int32]
    let years: Years
    let filter: CustomPredicate
    let of: CustomPredicate?
    let per: CustomPredicate?
    let values: [Double]?
    let weights: [Double]?
    let distinct: KeyColumn?
    let breakdown: KeyColumn?
    let breakdownType: ColumnType?
    let location: SourceLocation
    let weightName: String

    /// - Precondition: `def` validated against `table`'s columns.
    /// - Throws: `Diagnostic` when the table lacks its municipality or year column.
    init(_ def: CustomIndicator, table: Table, globals: inout CustomGlobals, location: SourceLocation) throws {
        self.location = location
        measure = def.measure
        guard let m = table.text("municipality") else {
            throw Diagnostic(location, "source '\(table.source)' has no text column 'municipality'")
        }
        municipalityCodes = m.codes
        municipalityGlobal = globals.map(m.dictionary, into: .municipality)
        let yc = CustomIndicators.yearColumn(for: table.kind)
        switch table.columns[yc] {
        case .number(let v)?: years = .number(v)
        case .date(let v)?: years = .date(v)
        default: throw Diagnostic(location, "source '\(table.source)' has no number or date column '\(yc)' for the year")
        }
        filter = try def.filter.map { try CustomExpression.parse($0).compile(for: table) } ?? .always
        let conditionOf = def.measure == .share || def.measure == .ratio
        of = try conditionOf ? def.of.map { try CustomExpression.parse($0).compile(for: table) } : nil
        per = try def.measure == .ratio ? def.per.map { try CustomExpression.parse($0).compile(for: table) } : nil
        let numeric = [.mean, .weightedMean, .quantile].contains(def.measure)
        values = numeric ? def.of.flatMap { table.numbers($0) } : nil
        weights = def.measure == .weightedMean ? def.weight.flatMap { table.numbers($0) } : nil
        weightName = def.weight ?? ""
        distinct = def.measure == .distinct
            ? def.of.flatMap { table.columns[$0] }.map { KeyColumn($0, globals: &globals, space: .distinct) } : nil
        let byColumn = def.by.flatMap { table.columns[$0] }
        breakdown = byColumn.map { KeyColumn($0, globals: &globals, space: .breakdown) }
        breakdownType = byColumn?.type
    }

    /// Accumulates the rows `rows` into cells keyed by (municipality, year[, breakdown]).
    /// - Throws: `Diagnostic` for a negative weight (weighted_mean).
    func accumulate(rows: Range<Int>) throws -> CustomCells {
        var cells = CustomCells()
        var lastKey: CustomCellKey?
        var lastIndex = 0
        for r in rows {
            let code = municipalityCodes[r]
            guard code >= 0, let year = years.year(r) else {
                cells.skippedRows += 1
                continue
            }
            let key = CustomCellKey(municipality: municipalityGlobal[Int(code)], year: year)
            let g: Int
            if key == lastKey {
                g = lastIndex
            } else {
                g = cells.index(key)
                lastKey = key
                lastIndex = g
            }
            var b: Int?
            if let breakdown, let bk = breakdown.key(r) {
                b = cells.index(CustomCellKey(municipality: key.municipality, year: year, breakdown: bk))
            }
            guard filter.matches(r) else { continue }
            try add(row: r, to: g, in: &cells)
            if let b { try add(row: r, to: b, in: &cells) }
        }
        return cells
    }

    @inline(__always) private func add(row r: Int, to i: Int, in cells: inout CustomCells) throws {
        cells.cells[i].matched += 1
        switch measure {
        case .count: break
        case .share:
            if of!.matches(r) { cells.cells[i].hits += 1 }
        case .ratio:
            if of!.matches(r) { cells.cells[i].hits += 1 }
            if per!.matches(r) { cells.cells[i].perHits += 1 }
        case .mean, .quantile:
            let x = values![r]
            if !x.isNaN { cells.cells[i].values.append(x) }
        case .weightedMean:
            let x = values![r], w = weights![r]
            if !x.isNaN && !w.isNaN {
                guard w >= 0 else {
                    throw Diagnostic(location, "weight column '\(weightName)' has a negative value (\(w))")
                }
                cells.cells[i].values.append(x)
                cells.cells[i].weights.append(w)
            }
        case .distinct:
            if let k = distinct!.key(r) { cells.cells[i].distinct.insert(k) }
        }
    }
}
