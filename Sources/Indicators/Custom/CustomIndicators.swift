import ApenCore

/// Custom declarative indicators (docs/custom-indicators.md): a measure over the rows of one
/// source's tables, grouped by (municipality, year) and optionally by a breakdown column.
///
/// Measures (n = the units the value summarises, METHODS §1):
/// - `count` — rows matching `where`; n = that count (a group with none is 0).
/// - `distinct` — distinct non-missing values of column `of` among rows matching `where`; n = value.
/// - `share` — rows matching `of` / rows matching `where`; n = the denominator.
/// - `mean` — mean of number column `of` over matching rows where it is not missing; n = those rows.
/// - `weighted_mean` — Σwx/Σw over matching rows with both `of` and `weight` present; n = those rows.
/// - `quantile` — type-7 quantile `p` (METHODS §1) of column `of`; n = non-missing values.
/// - `ratio` — rows matching `of` / rows matching `per` (both among rows matching `where`);
///   n = the denominator.
///
/// Undefined values (an empty denominator, no values) give no row and a warning.
///
/// ```swift
/// var def = CustomIndicator(id: "publication.decision_open_share", source: "publications", measure: .share)
/// def.of = "access == 'open'"
/// def.filter = "record_type == 'decision'"
/// let out = try CustomIndicators.compute(def, tables: [journal], jobs: 4)
/// ```
package enum CustomIndicators {
    /// The column a source kind's year comes from (METHODS §1 "Group").
    package static func yearColumn(for kind: SourceKind) -> String {
        switch kind {
        case .survey, .population, .table: return "year"
        case .engagement: return "date"
        case .publications: return "registered"
        case .accessRequests: return "received"
        }
    }

    /// Checks a definition against the column types of its source, before reading data.
    ///
    /// Reports every problem: expressions that do not parse, unknown columns (with a
    /// did-you-mean), a literal of the wrong type, a missing or unused `of`/`weight`/`p`/`per`,
    /// `p` outside [0, 1], a non-number column where a number is needed.
    /// - Returns: the problems, empty when the definition is valid.
    package static func validate(_ def: CustomIndicator, columns: [String: ColumnType]) -> [CustomIndicatorIssue] {
        var issues: [CustomIndicatorIssue] = []
        func issue(_ field: String, _ message: String) {
            issues.append(CustomIndicatorIssue(field: field, error: CustomExpressionError(column: 1, message)))
        }
        func condition(_ field: String, _ text: String?) {
            guard let text else { return }
            do {
                try CustomExpression.parse(text).check(columns: columns)
            } catch {
                issues.append(CustomIndicatorIssue(field: field, error: error))
            }
        }
        func column(_ field: String, _ name: String?, number: Bool) {
            guard let name else { return }
            guard let t = columns[name] else {
                issue(field, CustomDidYouMean.unknown("column", name, among: columns.keys))
                return
            }
            if number && t != .number {
                issue(
                    field,
                    "column '\(name)' holds \(t == .date ? "dates" : "text"); \(def.measure.rawValue) needs a number column"
                )
            }
        }
        let m = def.measure
        condition("where", def.filter)
        switch m {
        case .share, .ratio:
            if def.of == nil { issue("of", "\(m.rawValue) needs 'of' (the condition counted)") }
            condition("of", def.of)
        case .distinct:
            if def.of == nil { issue("of", "distinct needs 'of' (the column whose values are counted)") }
            column("of", def.of, number: false)
        case .mean, .weightedMean, .quantile:
            if def.of == nil { issue("of", "\(m.rawValue) needs 'of' (a number column)") }
            column("of", def.of, number: true)
        case .count:
            if def.of != nil { issue("of", "count does not use 'of'; put the condition in 'where'") }
        }
        if m == .weightedMean {
            if def.weight == nil { issue("weight", "weighted_mean needs 'weight' (a number column)") }
            column("weight", def.weight, number: true)
        } else if def.weight != nil {
            issue("weight", "only weighted_mean uses 'weight'")
        }
        if m == .quantile {
            if let p = def.p {
                if !(p >= 0 && p <= 1) { issue("p", "p must be between 0 and 1, found \(p)") }
            } else {
                issue("p", "quantile needs 'p' (between 0 and 1, e.g. 0.5 for the median)")
            }
        } else if def.p != nil {
            issue("p", "only quantile uses 'p'")
        }
        if m == .ratio {
            if def.per == nil { issue("per", "ratio needs 'per' (the denominator condition)") }
            condition("per", def.per)
        } else if def.per != nil {
            issue("per", "only ratio uses 'per'")
        }
        column("by", def.by, number: false)
        return issues
    }

    /// Computes a custom indicator over one table.
    /// - Throws: as ``compute(_:tables:jobs:)``.
    package static func compute(_ def: CustomIndicator, table: Table, jobs: Int) throws -> IndicatorOutputRows {
        try compute(def, tables: [table], jobs: jobs)
    }

    /// Computes a custom indicator over the tables of one source (all of the same kind).
    ///
    /// A canonical column of the source kind that a file did not have (e.g. `channel`) is
    /// missing on every row of that table, with a warning; any other unknown column is an error.
    /// Groups are the (municipality, year) pairs present in the tables' rows, before `where`
    /// is applied; with `by:`, also (municipality, year, breakdown value) for every non-missing
    /// breakdown value present. Rows lacking a municipality or year are skipped with a warning.
    /// Results are bit-identical for any `jobs` and any row order (values are sorted per group
    /// before summing).
    ///
    /// - Returns: rows in METHODS §1 order (ordinary rows have an empty breakdown) and warnings.
    /// - Throws: `DiagnosticList` for an invalid definition (see ``validate(_:columns:)``),
    ///   `Diagnostic` for tables of different kinds, a missing group column, or a negative weight.
    /// - Complexity: O(rows) plus O(v log v) per group for sorting its v values.
    ///
    /// Over a survey source (`survey` given), `mean` and `share` are design-based (METHODS.md
    /// §2): weighted domain estimates with the Taylor SE, design df, a t interval (Korn–Graubard
    /// for a share) and reliability flags below `minN`.
    package static func compute(
        _ def: CustomIndicator, tables: [Table], jobs: Int, survey: SurveySettings? = nil, minN: Int = 5
    ) throws -> IndicatorOutputRows {
        try compute(
            def, tables: tables, jobs: jobs, denseLimit: 1 << 18, chunkSize: 1 << 16, survey: survey, minN: minN)
    }

    /// `chunkSize`: rows per unit of parallel work (fixed, never derived from `jobs`; tests make
    /// it small to cross chunk borders with little data).
    /// `denseLimit`: the largest slot space that gets a dense slot table per chunk (tests pass 0
    /// to exercise the hashed path).
    static func compute(
        _ def: CustomIndicator, tables: [Table], jobs: Int, denseLimit: Int, chunkSize: Int,
        survey: SurveySettings? = nil, minN: Int = 5
    ) throws -> IndicatorOutputRows {
        let here = SourceLocation(path: "custom '\(def.id)'")
        guard let kind = tables.first?.kind else { return IndicatorOutputRows() }
        for t in tables where t.kind != kind {
            throw Diagnostic(
                here, "tables of source '\(def.source)' have different kinds (\(kind.rawValue), \(t.kind.rawValue))")
        }
        var plans: [CustomTablePlan] = []
        var prepared: [Table] = []
        var globals = CustomGlobals()
        var absentWarnings: [Diagnostic] = []
        for original in tables {
            let (t, absent) = withAbsentColumns(def, original)
            prepared.append(t)
            for name in absent where !(t.kind == .survey && name == "weight") {
                absentWarnings.append(
                    Diagnostic(
                        here,
                        "a table of source '\(def.source)' has no column '\(name)'; it is missing on all its \(t.rowCount) rows",
                        severity: .warning,
                        warning: RunWarning(
                            .customColumnAbsent, source: def.source, indicator: def.id, column: name, count: t.rowCount)
                    ))
            }
            let issues = validate(def, columns: t.columns.mapValues(\.type))
            if !issues.isEmpty {
                throw DiagnosticList(
                    issues.map { Diagnostic(SourceLocation(path: here.path, field: $0.field), $0.error.description) })
            }
            plans.append(try CustomTablePlan(def, table: t, globals: &globals, location: here))
        }
        if kind == .survey, let survey, def.measure == .mean || def.measure == .share {
            var out = try surveyDomains(
                def, tables: prepared, plans: plans, globals: globals, settings: survey, minN: minN,
                location: here)
            out.warnings = absentWarnings + out.warnings
            return out
        }
        let years = plans.compactMap(\.yearRange)
        let space = try CustomSlotSpace(
            municipalities: globals.municipalities.strings.count,
            years: (years.map(\.lowerBound).min() ?? 0)...(years.map(\.upperBound).max() ?? 0),
            breakdowns: def.by == nil ? 0 : globals.breakdowns.strings.count, location: here)
        // Accumulate per fixed-size chunk of each table, in parallel; merge in chunk order.
        var work: [(plan: Int, rows: Range<Int>)] = []
        for (k, t) in tables.enumerated() {
            for r in Parallel.chunks(rowCount: t.rowCount, size: chunkSize) { work.append((k, r)) }
        }
        let capturedPlans = plans
        let capturedWork = work
        let partials = try Parallel.map(count: work.count, jobs: jobs) { i in
            try capturedPlans[capturedWork[i].plan].accumulate(
                rows: capturedWork[i].rows, space: space, denseLimit: denseLimit)
        }
        var merged = CustomCells(space: space, denseLimit: max(denseLimit, denseLimit == 0 ? 0 : 1 << 22))
        for p in partials { merged.merge(p) }
        var out = try merged.rows(def, globals: globals, jobs: jobs)
        out.warnings = absentWarnings + out.warnings
        return out
    }

    /// Every column name the definition reads (expressions that do not parse contribute none).
    static func referencedColumns(_ def: CustomIndicator) -> [String] {
        var names: [String] = []
        for text in [def.filter, def.measure == .share || def.measure == .ratio ? def.of : nil, def.per] {
            if let text, let e = try? CustomExpression.parse(text) { names += e.columns }
        }
        if def.measure != .share && def.measure != .ratio, let of = def.of { names.append(of) }
        names += [def.weight, def.by].compactMap { $0 }
        return names
    }

    /// The table with an all-missing column for every canonical column of its kind that the
    /// definition reads but the file did not have (optional columns are only materialised when
    /// present), so that such a column behaves as missing everywhere instead of being unknown —
    /// except a survey's `weight`, which is 1 for everyone (METHODS §1).
    static func withAbsentColumns(_ def: CustomIndicator, _ table: Table) -> (Table, [String]) {
        var t = table
        var absent: [String] = []
        for name in referencedColumns(def) where t.columns[name] == nil {
            guard let type = t.kind.columnType(name) else { continue }
            switch type {
            case .text: t.columns[name] = .text(TextColumn(codes: [Int32](repeating: -1, count: t.rowCount)))
            case .number:
                // METHODS §1: a survey file with no weight column has weight 1 for everyone.
                let fill: Double = t.kind == .survey && name == "weight" ? 1 : .nan
                t.columns[name] = .number([Double](repeating: fill, count: t.rowCount))
            case .date: t.columns[name] = .date([Int32](repeating: Column.missingDay, count: t.rowCount))
            }
            absent.append(name)
        }
        return (t, absent)
    }
}
