import ApenCore

/// What reading one source file found: rows read, accepted and rejected (METHODS §7).
///
/// A source fails when its rejected share is greater than `maxRejected`; `read` returns the
/// summary either way, after listing every bad row, and the caller decides (see
/// `limitDiagnostic`).
///
/// ```swift
/// let (table, summary) = try Ingestor.readTable(options)
/// if let failure = summary.limitDiagnostic { throw failure }
/// ```
public struct IngestSummary: Sendable, Hashable {
    public var source: String
    public var path: String
    /// Data rows (records after the header; empty lines are not rows).
    public var rowsRead: Int
    public var accepted: Int
    /// Every rejected row, in file order.
    public var rejected: [RejectedRow]
    public var maxRejected: Double
    /// The delimiter used (declared or sniffed), as a byte.
    public var delimiter: UInt8

    public init(
        source: String, path: String, rowsRead: Int, accepted: Int, rejected: [RejectedRow],
        maxRejected: Double, delimiter: UInt8
    ) {
        self.source = source
        self.path = path
        self.rowsRead = rowsRead
        self.accepted = accepted
        self.rejected = rejected
        self.maxRejected = maxRejected
        self.delimiter = delimiter
    }

    /// Rejected rows / data rows read; 0 for a file without data rows.
    public var rejectedShare: Double { rowsRead == 0 ? 0 : Double(rejected.count) / Double(rowsRead) }

    /// The rejected share is within the declared limit (`rejectedShare <= maxRejected`).
    public var withinLimit: Bool { rejectedShare <= maxRejected }

    /// The error that fails the source when the share is over the limit, else `nil`.
    public var limitDiagnostic: Diagnostic? {
        if withinLimit { return nil }
        return Diagnostic(
            SourceLocation(path: path),
            "\(rejected.count) of \(rowsRead) rows rejected (share \(NumberText.shortest(rejectedShare))), "
                + "more than max_rejected \(CellValidator.plain(maxRejected)) allows")
    }
}
