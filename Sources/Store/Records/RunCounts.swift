/// The totals a finished run reports: data rows read, rows rejected, indicator rows written.
public struct RunCounts: Sendable, Hashable, Codable {
    public var rowsRead: Int
    public var rowsRejected: Int
    public var indicators: Int

    public init(rowsRead: Int, rowsRejected: Int, indicators: Int) {
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
        self.indicators = indicators
    }
}
