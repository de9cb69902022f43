import ApenCore

/// One row of a check: the baseline row, the new row, the tolerance applied, and the result.
package struct RowComparison: Sendable, Hashable {
    package var key: RowKey
    /// The baseline row; `nil` when the row was ``RowStatus/added``.
    package var baseline: IndicatorRow?
    /// The new row; `nil` when the row is ``RowStatus/missing``.
    package var current: IndicatorRow?
    /// The tolerance that applied to this indicator, and its rule.
    package var tolerance: ResolvedTolerance
    package var status: RowStatus
    package var verdict: Verdict

    package init(
        key: RowKey, baseline: IndicatorRow?, current: IndicatorRow?, tolerance: ResolvedTolerance,
        status: RowStatus, verdict: Verdict
    ) {
        self.key = key
        self.baseline = baseline
        self.current = current
        self.tolerance = tolerance
        self.status = status
        self.verdict = verdict
    }

    /// new − old, when the row is in both.
    package var delta: Double? {
        guard let b = baseline, let c = current else { return nil }
        return c.value - b.value
    }

    /// (new − old) / |old| (a fraction: 0.01 is 1 %); `nil` when the row is not in both or
    /// when old is 0 (no relative change is defined).
    package var relativeDelta: Double? {
        guard let b = baseline, let d = delta, b.value != 0 else { return nil }
        return d / b.value.magnitude
    }
}
