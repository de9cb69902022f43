import ApenCore

/// Plumbing shared by the families: required columns, per-value classification, rows, and
/// the merge of per-group results into rows and warnings.
extension BuiltinIndicators {
    /// Rows in canonical order and one warning per (indicator, reason) listing the groups.
    static func merge(_ results: [GroupResult], index: GroupIndex, sources: [Table], extra: [Diagnostic] = [])
        throws -> IndicatorOutput
    {
        try merge(results, index: index, path: sourcePath(sources), extra: extra)
    }

    /// `merge` for results computed without tables (partial states): `path` names the sources.
    static func merge(_ results: [GroupResult], index: GroupIndex, path: String, extra: [Diagnostic] = [])
        throws -> IndicatorOutput
    {
        if let error = results.lazy.compactMap(\.error).first { throw error }
        var rows: [IndicatorRow] = []
        var order: [String] = []
        var groups: [String: [Int]] = [:]
        var skips: [String: (indicator: String, reason: RunWarning.Reason)] = [:]
        for (g, r) in results.enumerated() {
            rows += r.rows
            for s in r.skipped {
                let key = "\(s.indicator): no value (\(s.reason.english)) for"
                if groups[key] == nil {
                    order.append(key)
                    skips[key] = s
                }
                groups[key, default: []].append(g)
            }
        }
        var warnings = extra
        if index.ungroupedRows > 0 {
            warnings.append(
                Diagnostic(
                    SourceLocation(path: path),
                    "\(index.ungroupedRows) row(s) without a municipality or year were left out", severity: .warning,
                    warning: RunWarning(.rowsWithoutGroup, source: path, count: index.ungroupedRows)))
        }
        for key in order.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let gs = groups[key]!
            warnings.append(
                Diagnostic(
                    SourceLocation(path: path),
                    "\(key) \(gs.map(index.label).joined(separator: ", "))", severity: .warning,
                    warning: RunWarning(
                        .noValue, source: path, indicator: skips[key]!.indicator,
                        groups: gs.map {
                            RunWarning.Group(
                                index.municipalities[index.keys[$0].municipality], year: index.keys[$0].year)
                        },
                        reason: skips[key]!.reason)))
        }
        return IndicatorOutput(rows: rows.canonicallySorted(), warnings: warnings)
    }

    /// METHODS.md §1: an absent optional column is unknown, not empty. When no table of the
    /// family has `column`, the indicators of `ids` that need it are dropped from `wanted` (no
    /// row for any group) with one warning per indicator naming the column. When only some
    /// tables lack it, the family skips the groups with rows from those tables
    /// (`AbsentColumn.reason`), so a group is never computed as if the cells were empty.
    static func dropAbsent(_ column: String, needs ids: [String], tables: [Table], wanted: inout Set<String>)
        -> [Diagnostic]
    {
        guard !tables.isEmpty, tables.allSatisfy({ $0.columns[column] == nil }) else { return [] }
        return dropAbsent(column, needs: ids, path: sourcePath(tables), wanted: &wanted)
    }

    /// `dropAbsent` once it is known that no source has `column`; `path` names the sources.
    static func dropAbsent(_ column: String, needs ids: [String], path: String, wanted: inout Set<String>)
        -> [Diagnostic]
    {
        var warnings: [Diagnostic] = []
        for id in ids where wanted.contains(id) {
            wanted.remove(id)
            warnings.append(
                Diagnostic(
                    SourceLocation(path: path, field: column),
                    "\(id): no value for any group: the file has no '\(column)' column (an absent column is unknown, not empty)",
                    severity: .warning,
                    warning: RunWarning(.columnAbsent, source: path, indicator: id, column: column)))
        }
        return warnings
    }

    static func sourcePath(_ tables: [Table]) -> String {
        tables.map(\.source).joined(separator: ",")
    }

    /// The row of a group, filled from the group index.
    static func row(
        _ id: String, _ index: GroupIndex, _ g: Int, value: Double, n: Int,
        se: Double? = nil, interval: (low: Double, high: Double)? = nil
    ) -> IndicatorRow {
        IndicatorRow(
            indicator: id, municipality: index.municipalities[index.keys[g].municipality],
            year: index.keys[g].year, value: value, n: n, se: se,
            ciLow: interval?.low, ciHigh: interval?.high)
    }

    /// A column every table of the kind must have (METHODS.md §1).
    static func required<T>(_ table: Table, _ name: String, _ get: (Table) -> T?) throws -> T {
        if let c = get(table) { return c }
        throw missingColumn(name, source: table.source, kind: table.kind, columns: table.columns.keys.sorted())
    }

    /// The error of `required`: `columns` are the table's column names, sorted.
    static func missingColumn(_ name: String, source: String, kind: SourceKind, columns: [String]) -> Diagnostic {
        Diagnostic(
            SourceLocation(path: source, field: name),
            "required \(kind.rawValue) column '\(name)' is missing or has the wrong type (columns: \(columns.joined(separator: ", ")))"
        )
    }

    /// The error of `required` for `table`.
    static func missingColumn(_ table: Table, _ name: String) -> Diagnostic {
        missingColumn(name, source: table.source, kind: table.kind, columns: table.columns.keys.sorted())
    }

    /// The first of `columns` that `table` lacks or has with another type, with `required`'s
    /// error for it: what a partial state keeps to throw at finish, where the table path would
    /// have thrown.
    static func firstMissing(
        _ table: Table, _ columns: [(name: String, type: ColumnType)]
    ) -> (column: String, error: Diagnostic)? {
        guard let c = columns.first(where: { table.columns[$0.name]?.type != $0.type }) else { return nil }
        return (c.name, missingColumn(table, c.name))
    }

    /// Per-code flags of a text column's dictionary (one evaluation per distinct value).
    static func classify<T>(_ column: TextColumn?, _ f: (String) -> T) -> [T] {
        column?.dictionary.map(f) ?? []
    }
}
