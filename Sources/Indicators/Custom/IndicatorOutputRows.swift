import ApenCore

/// Rows computed by a custom indicator or a composite index, with the warnings of the run
/// (skipped groups, METHODS §1 "Undefined values").
///
/// ```swift
/// let out = try CompositeIndex.compute(def, rows: rows, jobs: 4)
/// out.warnings.forEach { print($0) }
/// ```
package struct IndicatorOutputRows: Sendable, Hashable {
    /// Rows in the METHODS §1 order.
    package var rows: [IndicatorRow]
    /// Warnings (severity `.warning`): groups with no value and why.
    package var warnings: [Diagnostic]

    package init(rows: [IndicatorRow] = [], warnings: [Diagnostic] = []) {
        self.rows = rows
        self.warnings = warnings
    }
}
