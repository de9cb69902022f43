import ApenCore

/// The rows a computation produced and the warnings it raised (skipped groups, unknown
/// population), both in a deterministic order: rows in METHODS.md §1 order.
public struct IndicatorOutput: Sendable, Equatable {
    public var rows: [IndicatorRow]
    public var warnings: [Diagnostic]

    public init(rows: [IndicatorRow] = [], warnings: [Diagnostic] = []) {
        self.rows = rows
        self.warnings = warnings
    }
}
