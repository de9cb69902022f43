import ApenCore

/// One table's columns resolved for a custom indicator: typed storage and compiled predicates,
/// ready to be scanned in parallel chunks.
struct CustomTablePlan: Sendable {
    /// A column whose values are counted by `distinct`: text via global indices, numbers by bit
    /// pattern (−0 as 0), dates by day number.
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
    }

    /// The breakdown value of each row as a global index: through the dictionary for text,
    /// precomputed per row for numbers and dates.
    enum Breakdown: Sendable {
        case text(codes: [Int32], global: [Int32])
        case perRow([Int32])

        @inline(__always) func index(_ r: Int) -> Int32 {
            switch self {
            case .text(let codes, let global):
                let c = codes[r]
                return c < 0 ? -1 : global[Int(c)]
            case .perRow(let v): return v[r]
            }
        }
    }

    /// Where a row's year comes from (METHODS §1 "Group").
    enum Years: Sendable {
        case number([Double])
        /// Dates with a day → year table over the column's range of days (`base` = first day).
        case date([Int32], table: [Int16], base: Int32)
        /// Dates spread over too many years for a table: civil conversion per row.
        case dateCivil([Int32])

        init(_ column: Column) {
            switch column {
            case .number(let v): self = .number(v)
            case .date(let v):
                var lo = Int32.max
                var hi = Int32.min
                for d in v where d != Column.missingDay {
                    lo = min(lo, d)
                    hi = max(hi, d)
                }
                if lo > hi {
                    self = .date(v, table: [], base: 0)
                } else if Int(hi) - Int(lo) < 1 << 20 {
                    self = .date(v, table: (lo...hi).map { Int16(Day(raw: $0).year) }, base: lo)
                } else {
                    self = .dateCivil(v)
                }
            case .text: preconditionFailure("year column checked to be a number or a date")
            }
        }

        /// The row's year, or `nil` when missing or not a whole year in 1…9999.
        @inline(__always) func year(_ r: Int) -> Int32? {
            switch self {
            case .number(let v):
                let y = v[r]
                guard y >= 1, y <= 9999, y == y.rounded() else { return nil }
                return Int32(y)
            case .date(let v, let table, let base):
                let d = v[r]
                return d == Column.missingDay ? nil : Int32(table[Int(d - base)])
            case .dateCivil(let v):
                let d = v[r]
                return d == Column.missingDay ? nil : Int32(Day(raw: d).year)
            }
        }

        /// The smallest and largest year of the rows, or `nil` when no row has one.
        var range: ClosedRange<Int>? {
            var lo = Int32.max
            var hi = Int32.min
            let count: Int
            switch self {
            case .number(let v): count = v.count
            case .date(let v, _, _), .dateCivil(let v): count = v.count
            }
            for r in 0..<count {
                if let y = year(r) {
                    lo = min(lo, y)
                    hi = max(hi, y)
                }
            }
            return lo > hi ? nil : Int(lo)...Int(hi)
        }
    }

    let measure: CustomIndicator.Measure
    let municipalityCodes: [Int32]
    let municipalityGlobal: [Int32]
    let years: Years
    let yearRange: ClosedRange<Int>?
    let filter: CustomPredicate
    let of: CustomPredicate?
    let per: CustomPredicate?
    let values: [Double]?
    let weights: [Double]?
    let distinct: KeyColumn?
    let breakdown: Breakdown?
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
        guard let yearColumn = table.columns[yc], yearColumn.type != .text else {
            throw Diagnostic(location, "source '\(table.source)' has no number or date column '\(yc)' for the year")
        }
        years = Years(yearColumn)
        yearRange = years.range
        filter = try def.filter.map { try CustomExpression.parse($0).compile(for: table) } ?? .always
        let conditionOf = def.measure == .share || def.measure == .ratio
        of = try conditionOf ? def.of.map { try CustomExpression.parse($0).compile(for: table) } : nil
        per = try def.measure == .ratio ? def.per.map { try CustomExpression.parse($0).compile(for: table) } : nil
        let numeric = [.mean, .weightedMean, .quantile].contains(def.measure)
        values = numeric ? def.of.flatMap { table.numbers($0) } : nil
        weights = def.measure == .weightedMean ? def.weight.flatMap { table.numbers($0) } : nil
        weightName = def.weight ?? ""
        if def.measure == .distinct, let column = def.of.flatMap({ table.columns[$0] }) {
            switch column {
            case .text(let t): distinct = .text(codes: t.codes, global: globals.map(t.dictionary, into: .distinct))
            case .number(let v): distinct = .number(v)
            case .date(let v): distinct = .date(v)
            }
        } else {
            distinct = nil
        }
        switch def.by.flatMap({ table.columns[$0] }) {
        case .text(let t)?: breakdown = .text(codes: t.codes, global: globals.map(t.dictionary, into: .breakdown))
        case let column?: breakdown = .perRow(globals.breakdownIndices(column))
        case nil: breakdown = nil
        }
    }

    /// Accumulates the rows `rows` into cells numbered by `space`.
    /// - Throws: `Diagnostic` for a negative weight (weighted_mean).
    func accumulate(rows: Range<Int>, space: CustomSlotSpace, denseLimit: Int) throws -> CustomCells {
        var cells = CustomCells(space: space, denseLimit: denseLimit)
        for r in rows {
            let code = municipalityCodes[r]
            guard code >= 0, let year = years.year(r) else {
                cells.skippedRows += 1
                continue
            }
            let slot = space.group(municipality: municipalityGlobal[Int(code)], year: year)
            let g = cells.index(slot)
            var b = -1
            if let breakdown {
                let v = breakdown.index(r)
                if v >= 0 { b = cells.index(space.breakdown(group: slot, value: v)) }
            }
            guard filter.matches(r) else { continue }
            try add(row: r, to: g, in: &cells)
            if b >= 0 { try add(row: r, to: b, in: &cells) }
        }
        cells.dropLookup()
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
            let x = values![r]
            let w = weights![r]
            if !x.isNaN && !w.isNaN {
                guard w >= 0 else {
                    throw Diagnostic(location, "weight column '\(weightName)' has a negative value (\(w))")
                }
                cells.cells[i].values.append(x)
                cells.cells[i].weights.append(w)
            }
        case .distinct:
            if let k = distinct!.key(r) { cells.cells[i].distinct.append(k) }
        }
    }
}
