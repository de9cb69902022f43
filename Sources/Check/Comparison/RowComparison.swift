import ApenCore

/// One row of a check: the baseline row, the new row, the tolerance applied, and the result.
public struct RowComparison: Sendable, Hashable {
    public var key: RowKey
    /// The baseline row; `nil` when the row was ``RowStatus/added``.
    public var baseline: IndicatorRow?
    /// The new row; `nil` when the row is ``RowStatus/missing``.
    public var current: IndicatorRow?
    /// The tolerance that applied to this indicator, and its rule.
    public var tolerance: ResolvedTolerance
    public var status: RowStatus
    public var verdict: Verdict

    public init(
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
    public var delta: Double? {
        guard let b = baseline, let c = current else { return nil }
        return c.value - b.value
    }

    /// (new − old) / |old| (a fraction: 0.01 is 1 %); `nil` when the row is not in both or
    /// when old is 0 (no relative change is defined).
    public var relativeDelta: Double? {
        guard let b = baseline, let d = delta, b.value != 0 else { return nil }
        return d / b.value.magnitude
    }
}
