import ApenCore

/// Computes the built-in indicators of METHODS.md §2–§5 from ingested tables.
///
/// Each family pools every table of its source kind and reports per group
/// `(municipality, year)`. Groups are computed on `jobs` Dispatch workers and merged in
/// group order, and every sum runs over values in a canonical order, so the output is
/// bit-identical for any `jobs` and any order of input rows (METHODS.md §1).
///
/// A value that is undefined for a group (no scored respondent, n below the minimum, an
/// unknown population, a zero variance) gives no row; the groups skipped are listed in one
/// warning per indicator and reason.
///
/// ```swift
/// let out = try BuiltinIndicators.compute(.foi, inputs: IndicatorInputs(accessRequests: [requests]),
///                                         select: { _ in true }, jobs: 4)
/// print(IndicatorCSV.render(out.rows))
/// for w in out.warnings { print(w) }
/// ```
public enum BuiltinIndicators {
    /// The indicators of one family, rows in METHODS.md §1 order.
    ///
    /// - Parameters:
    ///   - family: which family to compute.
    ///   - inputs: the ingested tables; only those of the family's kind (and population) are read.
    ///   - select: whether a concrete indicator id is wanted (e.g. a glob match); unselected
    ///     indicators are not computed.
    ///   - jobs: worker threads (≥ 1); the result does not depend on it.
    /// - Throws: `Diagnostic` when a required column is missing from a table (naming it and the
    ///   columns found), or when a survey stratum has a single PSU under `lonely_psu: fail`
    ///   (naming the stratum, the indicator and the group).
    public static func compute(
        _ family: IndicatorFamily, inputs: IndicatorInputs, select: (String) -> Bool = { _ in true },
        jobs: Int = 1
    ) throws -> IndicatorOutput {
        let scales = BuiltinCatalogue.scaleNames(inputs.surveys)
        let wanted = Set(BuiltinCatalogue.ids(family: family, scales: scales).filter(select))
        guard !wanted.isEmpty else { return IndicatorOutput() }
        let jobs = max(1, jobs)
        switch family {
        case .survey: return try survey(inputs.surveys, wanted: wanted, jobs: jobs)
        case .engagement: return try engagement(inputs.engagement, population: inputs.population, wanted: wanted, jobs: jobs)
        case .publication: return try publication(inputs.publications, wanted: wanted, jobs: jobs)
        case .opendata: return try opendata(inputs.publications, wanted: wanted, jobs: jobs)
        case .foi: return try foi(inputs.accessRequests, wanted: wanted, jobs: jobs)
        }
    }

    /// Every family in `IndicatorFamily.allCases` order, rows merged in METHODS.md §1 order.
    /// - Throws: as `compute(_:inputs:select:jobs:)`, for the first family that fails.
    public static func computeAll(
        inputs: IndicatorInputs, select: (String) -> Bool = { _ in true }, jobs: Int = 1
    ) throws -> IndicatorOutput {
        var out = IndicatorOutput()
        for family in IndicatorFamily.allCases {
            let part = try compute(family, inputs: inputs, select: select, jobs: jobs)
            out.rows += part.rows
            out.warnings += part.warnings
        }
        out.rows = out.rows.canonicallySorted()
        return out
    }
}

// MARK: - Shared plumbing

/// What one group produced: rows, skipped indicators with a reason, or a fatal error.
struct GroupResult: Sendable {
    var rows: [IndicatorRow] = []
    var skipped: [(indicator: String, reason: String)] = []
    var error: Diagnostic?

    mutating func skip(_ indicator: String, _ reason: String) { skipped.append((indicator, reason)) }

    /// Adds a row, or skips it when a number is not finite (METHODS §1: never NaN or
    /// infinity in an output; validated inputs cannot produce one, so this is a safety net).
    mutating func add(_ row: IndicatorRow) {
        let numbers = [row.value, row.se, row.ciLow, row.ciHigh].compactMap { $0 }
        if numbers.allSatisfy(\.isFinite) {
            rows.append(row)
        } else {
            skip(row.indicator, "not a finite number")
        }
    }
}

extension BuiltinIndicators {
    /// Rows in canonical order and one warning per (indicator, reason) listing the groups.
    static func merge(_ results: [GroupResult], index: GroupIndex, sources: [Table], extra: [Diagnostic] = [])
        throws -> IndicatorOutput
    {
        if let error = results.lazy.compactMap(\.error).first { throw error }
        var rows: [IndicatorRow] = []
        var order: [String] = []
        var groups: [String: [String]] = [:]
        for (g, r) in results.enumerated() {
            rows += r.rows
            for s in r.skipped {
                let key = "\(s.indicator): no value (\(s.reason)) for"
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(index.label(g))
            }
        }
        let path = sourcePath(sources)
        var warnings = extra
        if index.ungroupedRows > 0 {
            warnings.append(Diagnostic(SourceLocation(path: path),
                "\(index.ungroupedRows) row(s) without a municipality or year were left out", severity: .warning))
        }
        for key in order.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            warnings.append(Diagnostic(SourceLocation(path: path),
                "\(key) \(groups[key]!.joined(separator: ", "))", severity: .warning))
        }
        return IndicatorOutput(rows: rows.canonicallySorted(), warnings: warnings)
    }

    static func sourcePath(_ tables: [Table]) -> String {
        tables.map(\.source).joined(separator: ",")
    }

    /// The row of a group, filled from the group index.
    static func row(_ id: String, _ index: GroupIndex, _ g: Int, value: Double, n: Int,
                    se: Double? = nil, interval: (low: Double, high: Double)? = nil) -> IndicatorRow {
        IndicatorRow(indicator: id, municipality: index.municipalities[index.keys[g].municipality],
                     year: index.keys[g].year, value: value, n: n, se: se,
                     ciLow: interval?.low, ciHigh: interval?.high)
    }

    /// A column every table of the kind must have (METHODS.md §1).
    static func required<T>(_ table: Table, _ name: String, _ get: (Table) -> T?) throws -> T {
        if let c = get(table) { return c }
        let found = table.columns.keys.sorted().joined(separator: ", ")
        throw Diagnostic(SourceLocation(path: table.source, field: name),
            "required \(table.kind.rawValue) column '\(name)' is missing or has the wrong type (columns: \(found))")
    }

    /// Per-code flags of a text column's dictionary (one evaluation per distinct value).
    static func classify<T>(_ column: TextColumn?, _ f: (String) -> T) -> [T] {
        column?.dictionary.map(f) ?? []
    }
}
