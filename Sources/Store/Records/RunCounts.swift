/// The totals a finished run reports: data rows read, rows rejected, indicator rows written.
package struct RunCounts: Sendable, Hashable, Codable {
    /// Data rows read from every source (header excluded).
    package var rowsRead: Int
    /// Rows rejected under METHODS §7.
    package var rowsRejected: Int
    /// Indicator rows the run produced or reused.
    package var indicators: Int

    package init(rowsRead: Int, rowsRejected: Int, indicators: Int) {
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.indicators = indicators
    }
}
