/// The totals a finished run reports: data rows read, rows rejected, indicator rows written.
public struct RunCounts: Sendable, Hashable, Codable {
    /// Data rows read from every source (header excluded).
    public var rowsRead: Int
    /// Rows rejected under METHODS §7.
    public var rowsRejected: Int
    /// Indicator rows the run produced or reused.
    public var indicators: Int

    public init(rowsRead: Int, rowsRejected: Int, indicators: Int) {
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.indicators = indicators
    }
}
