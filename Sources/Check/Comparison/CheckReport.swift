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
public struct CheckReport: Sendable, Hashable {
    /// All rows, sorted failures first, then warnings, then by METHODS §1 order.
    public var rows: [RowComparison]
    public var summary: CheckSummary

    public init(rows: [RowComparison]) {
        self.rows = rows.sorted {
            $0.verdict != $1.verdict ? $0.verdict < $1.verdict : RowKey.canonicalOrder($0.key, $1.key)
        }
        self.summary = CheckSummary(rows)
    }

    /// True when no row failed (warnings allowed).
    public var passed: Bool { summary.failures == 0 }

    /// Compares `current` with `baseline` under `configuration`'s tolerances and policies.
    ///
    /// Row order in either input does not matter.
    ///
    /// - Parameters:
    ///   - baselineName, currentName: how the two sides are named in a duplicate-row error.
    /// - Throws: a ``Diagnostic`` when one side holds the same row key twice (the file reader
    ///   already rejects that with a line number; this guards rows built in memory).
    /// - Complexity: O((b + c) log(b + c)) for b baseline and c new rows.
    public static func compare(
        baseline: [IndicatorRow], current: [IndicatorRow], configuration: CheckConfiguration,
        baselineName: String = "baseline", currentName: String = "results"
    ) throws -> CheckReport {
        let old = try index(baseline, name: baselineName)
        let new = try index(current, name: currentName)
        let table = ToleranceTable(configuration.tolerances)
        var resolved: [String: ResolvedTolerance] = [:]
        func tolerance(_ id: String) -> ResolvedTolerance {
            if let t = resolved[id] { return t }
            let t = table.resolve(id)
            resolved[id] = t
            return t
        }
        var rows: [RowComparison] = []
        rows.reserveCapacity(max(old.count, new.count))
        for (key, b) in old {
            let t = tolerance(key.indicator)
            guard let c = new[key] else {
                rows.append(RowComparison(
                    key: key, baseline: b, current: nil, tolerance: t, status: .missing,
                    verdict: Verdict(configuration.missing)))
                continue
            }
            let status: RowStatus
            let verdict: Verdict
            if !t.tolerance.admits(old: b.value, new: c.value) {
                (status, verdict) = (.drift, .fail)
            } else if b.n != c.n {
                (status, verdict) = (.nChanged, Verdict(configuration.changedN))
            } else {
                (status, verdict) = (.ok, .ok)
            }
            rows.append(RowComparison(key: key, baseline: b, current: c, tolerance: t, status: status, verdict: verdict))
        }
        for (key, c) in new where old[key] == nil {
            rows.append(RowComparison(
                key: key, baseline: nil, current: c, tolerance: tolerance(key.indicator), status: .added,
                verdict: Verdict(configuration.added)))
        }
        return CheckReport(rows: rows)
    }

    private static func index(_ rows: [IndicatorRow], name: String) throws -> [RowKey: IndicatorRow] {
        var out: [RowKey: IndicatorRow] = [:]
        out.reserveCapacity(rows.count)
        for r in rows {
            let key = RowKey(r)
            guard out.updateValue(r, forKey: key) == nil else {
                throw Diagnostic(SourceLocation(path: name), "duplicate row \(key)")
            }
        }
        return out
    }
}
