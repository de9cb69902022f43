/// `check:` — tolerances against a committed baseline (see docs/check.md).
///
/// A row passes when |new − old| ≤ `abs` or |new − old| ≤ `rel`·|old| (either declared bound
/// suffices); a tolerance with neither bound, or an indicator no rule matches when there is no
/// `default`, requires exact equality. The rule for an indicator is the most specific one
/// (``ToleranceTable``).
///
/// ```swift
/// var config = CheckConfiguration(baseline: "reports/baseline/example.csv",
///     tolerances: [("default", .init(abs: 1e-9)), ("survey.*", .init(rel: 0.005))])
/// config.added = .fail
/// ```
package struct CheckConfiguration: Sendable, Hashable {
    /// What a `missing`, `added` or `n changed` row does to the outcome: fail the check or only warn.
    package enum Policy: String, Sendable, Hashable { case fail, warn }
    /// Bounds on |new − old|: absolute, relative to |old|, or both (either suffices).
    package struct Tolerance: Sendable, Hashable {
        package var abs: Double?
        package var rel: Double?
        package init(abs: Double? = nil, rel: Double? = nil) {
            self.abs = abs
            self.rel = rel
        }
    }
    /// Resolved against the pipeline file's folder.
    package var baseline: String
    /// Glob on indicator id → tolerance, in file order; `default` under the key `"default"`.
    package var tolerances: [(pattern: String, tolerance: Tolerance)]
    /// `missing:` — a row in the baseline but not in the new results.
    package var missing: Policy = .fail
    /// `added:` — a row in the new results but not in the baseline.
    package var added: Policy = .warn
    /// `n_changed:` — a row whose value is within tolerance but whose `n` (METHODS §1: the number
    /// of units the value summarises) differs from the baseline. Warn by default: the number
    /// did not move more than the study allows, but it now rests on other units.
    package var changedN: Policy = .warn

    package init(baseline: String, tolerances: [(pattern: String, tolerance: Tolerance)]) {
        self.baseline = baseline
        self.tolerances = tolerances
    }

    package static func == (a: CheckConfiguration, b: CheckConfiguration) -> Bool {
        a.baseline == b.baseline && a.missing == b.missing && a.added == b.added && a.changedN == b.changedN
            && a.tolerances.map(\.pattern) == b.tolerances.map(\.pattern)
            && a.tolerances.map(\.tolerance) == b.tolerances.map(\.tolerance)
    }
    package func hash(into h: inout Hasher) {
        h.combine(baseline)
        h.combine(missing)
        h.combine(added)
        h.combine(changedN)
        for t in tolerances {
            h.combine(t.pattern)
            h.combine(t.tolerance)
        }
    }
}
