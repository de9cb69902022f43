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
package struct IngestSummary: Sendable, Hashable {
    package var source: String
    package var path: String
    /// Data rows (records after the header; empty lines are not rows).
    package var rowsRead: Int
    package var accepted: Int
    /// Every rejected row, in file order.
    package var rejected: [RejectedRow]
    package var maxRejected: Double
    /// The delimiter used (declared or sniffed), as a byte.
    package var delimiter: UInt8
    /// Population rows skipped because their population is empty (unknown, e.g. `..`): their
    /// groups as `municipality year`, in file order.
    package var unknownPopulation: [String] = []
    /// JSON sources: optional columns whose path is in no record (left out of the table, so
    /// indicators treat them as absent, METHODS §1).
    package var absentColumns: [String] = []
    /// Numbers `harmonise_to` kept as written (split or unknown).
    package var harmonisation: [HarmonisationNote] = []

    package init(
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

    /// What the read found that does not stop it, as the run's warnings.
    package var warnings: [String] {
        var out: [String] = []
        if !unknownPopulation.isEmpty {
            let n = unknownPopulation.count
            out.append(
                "\(path): population unknown (empty) for \(n) group\(n == 1 ? "" : "s"), rows skipped: "
                    + unknownPopulation.joined(separator: ", "))
        }
        return out + harmonisation.map(\.message)
    }

    /// The same warnings as data, for the report (in its own language).
    package var runWarnings: [RunWarning] {
        var out: [RunWarning] = []
        if !unknownPopulation.isEmpty {
            out.append(
                RunWarning(
                    .populationUnknown, source: source,
                    groups: unknownPopulation.map { key in
                        let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
                        return RunWarning.Group(parts[0], year: parts.count > 1 ? Int(parts[1]) : nil)
                    }))
        }
        return out + harmonisation.map(\.runWarning)
    }

    /// Rejected rows / data rows read; 0 for a file without data rows.
    package var rejectedShare: Double { rowsRead == 0 ? 0 : Double(rejected.count) / Double(rowsRead) }

    /// The rejected share is within the declared limit (`rejectedShare <= maxRejected`).
    package var withinLimit: Bool { rejectedShare <= maxRejected }

    /// The error that fails the source when the share is over the limit, else `nil`.
    package var limitDiagnostic: Diagnostic? {
        if withinLimit { return nil }
        return Diagnostic(
            SourceLocation(path: path),
            "\(rejected.count) of \(rowsRead) rows rejected (share \(NumberText.shortest(rejectedShare))), "
                + "more than max_rejected \(CellValidator.plain(maxRejected)) allows")
    }
}
