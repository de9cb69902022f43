import ApenCore

/// Rows computed by a custom indicator or a composite index, with the warnings of the run
/// (skipped groups, METHODS §1 "Undefined values").
///
/// ```swift
/// let out = try CompositeIndex.compute(def, rows: rows, jobs: 4)
/// out.warnings.forEach { print($0) }
/// ```
public struct IndicatorOutputRows: Sendable, Hashable {
    /// Rows in the METHODS §1 order.
    public var rows: [IndicatorRow]
    /// Warnings (severity `.warning`): groups with no value and why.
    public var warnings: [Diagnostic]

    public init(rows: [IndicatorRow] = [], warnings: [Diagnostic] = []) {
        self.rows = rows
        self.warnings = warnings
    }
}
