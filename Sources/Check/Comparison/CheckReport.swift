import ApenCore

/// The comparison of new indicator results with a baseline, row by row.
///
/// Every (indicator, municipality, year, breakdown) in either side gets one
/// ``RowComparison``:
/// - in both, value outside the tolerance → ``RowStatus/drift`` (fail);
/// - in both, value within tolerance but a different `n` → ``RowStatus/nChanged``
///   (``CheckConfiguration/changedN``, default warn);
/// - in both, value within tolerance, same `n` → ``RowStatus/ok``;
/// - only in the baseline → ``RowStatus/missing`` (``CheckConfiguration/missing``, default fail);
/// - only in the new results → ``RowStatus/added`` (``CheckConfiguration/added``, default warn).
///
/// `se`, `ci_low` and `ci_high` are not compared: they follow from the value, `n` and the
/// design, and a tolerance is declared on the value only.
///
/// Rows are kept sorted failures first, then warnings, then ok rows, each group in the
/// METHODS §1 order.
///
/// ```swift
/// let report = try CheckReport.compare(baseline: old, current: new, configuration: config)
/// print(report.summary.line)   // "3 checked, 1 drifted, 0 missing, 1 added, 0 n changed"
/// ```
package struct CheckReport: Sendable, Hashable {
    /// All rows, sorted failures first, then warnings, then by METHODS §1 order.
    package var rows: [RowComparison]
    package var summary: CheckSummary

    package init(rows: [RowComparison]) {
        self.rows = Self.sorted(rows)
        self.summary = CheckSummary(rows)
    }

    /// Failures, warnings, ok rows; each in METHODS §1 order (``RowKey/canonicalOrder(_:_:)``).
    ///
    /// Each distinct indicator, municipality and breakdown text is ranked once by its UTF-8
    /// bytes, and rows are sorted on integer tuples: comparing strings in every step of the
    /// sort costs seconds on a national-scale file (10⁵ rows).
    /// - Complexity: O(n log n) integer comparisons plus O(d log d) string comparisons for d
    ///   distinct texts.
    static func sorted(_ rows: [RowComparison]) -> [RowComparison] {
        func ranks(_ texts: [String]) -> [String: Int] {
            let distinct = Set(texts).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            return Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
        }
        let indicator = ranks(rows.map(\.key.indicator))
        let municipality = ranks(rows.map(\.key.municipality))
        let breakdown = ranks(rows.map(\.key.breakdown))
        let verdictRank: [Verdict: Int] = [.fail: 0, .warn: 1, .ok: 2]
        let keys = rows.map { r in
            (
                verdictRank[r.verdict]!, indicator[r.key.indicator]!, municipality[r.key.municipality]!, r.key.year,
                breakdown[r.key.breakdown]!
            )
        }
        return rows.indices.sorted { keys[$0] < keys[$1] }.map { rows[$0] }
    }

    /// True when no row failed (warnings allowed).
    package var passed: Bool { summary.failures == 0 }

    /// Compares `current` with `baseline` under `configuration`'s tolerances and policies.
    ///
    /// Row order in either input does not matter.
    ///
    /// - Parameters:
    ///   - baselineName, currentName: how the two sides are named in a duplicate-row error.
    /// - Throws: a ``Diagnostic`` when one side holds the same row key twice (the file reader
    ///   already rejects that with a line number; this guards rows built in memory).
    /// - Complexity: O((b + c) log(b + c)) for b baseline and c new rows.
    package static func compare(
        baseline: [IndicatorRow], current: [IndicatorRow], configuration: CheckConfiguration,
        baselineName: String = "baseline", currentName: String = "results"
    ) throws -> CheckReport {
        let table = ToleranceTable(configuration.tolerances)
        var resolved: [String: ResolvedTolerance] = [:]
        func tolerance(_ id: String) -> ResolvedTolerance {
            if let t = resolved[id] { return t }
            let t = table.resolve(id)
            resolved[id] = t
            return t
        }
        // One hash table (baseline key → index); the new rows probe it once each.
        var oldIndex: [RowKey: Int] = [:]
        oldIndex.reserveCapacity(baseline.count)
        for (i, b) in baseline.enumerated() {
            guard oldIndex.updateValue(i, forKey: RowKey(b)) == nil else {
                throw Diagnostic(SourceLocation(path: baselineName), "duplicate row \(RowKey(b))")
            }
        }
        var matched = [Bool](repeating: false, count: baseline.count)
        var addedKeys: Set<RowKey> = []
        var rows: [RowComparison] = []
        rows.reserveCapacity(max(baseline.count, current.count))
        for c in current {
            let key = RowKey(c)
            let t = tolerance(key.indicator)
            guard let i = oldIndex[key] else {
                guard addedKeys.insert(key).inserted else {
                    throw Diagnostic(SourceLocation(path: currentName), "duplicate row \(key)")
                }
                rows.append(
                    RowComparison(
                        key: key, baseline: nil, current: c, tolerance: t, status: .added,
                        verdict: Verdict(configuration.added)))
                continue
            }
            guard !matched[i] else { throw Diagnostic(SourceLocation(path: currentName), "duplicate row \(key)") }
            matched[i] = true
            let b = baseline[i]
            let status: RowStatus
            let verdict: Verdict
            if !t.tolerance.admits(old: b.value, new: c.value) {
                (status, verdict) = (.drift, .fail)
            } else if b.n != c.n {
                (status, verdict) = (.nChanged, Verdict(configuration.changedN))
            } else {
                (status, verdict) = (.ok, .ok)
            }
            rows.append(
                RowComparison(key: key, baseline: b, current: c, tolerance: t, status: status, verdict: verdict))
        }
        for (i, b) in baseline.enumerated() where !matched[i] {
            let key = RowKey(b)
            rows.append(
                RowComparison(
                    key: key, baseline: b, current: nil, tolerance: tolerance(key.indicator), status: .missing,
                    verdict: Verdict(configuration.missing)))
        }
        return CheckReport(rows: rows)
    }
}
