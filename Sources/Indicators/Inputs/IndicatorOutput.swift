import ApenCore

/// The rows a computation produced and the warnings it raised (skipped groups, unknown
/// population), both in a deterministic order: rows in METHODS.md §1 order.
package struct IndicatorOutput: Sendable, Equatable {
    package var rows: [IndicatorRow]
    package var warnings: [Diagnostic]

    package init(rows: [IndicatorRow] = [], warnings: [Diagnostic] = []) {
        self.rows = rows
        self.warnings = warnings
    }
}
