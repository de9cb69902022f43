import ApenCore

extension Ingestor {
    /// Reads the whole file into one table using up to `jobs` Dispatch workers — exactly what
    /// `readTable(_:)` returns, for any `jobs`.
    ///
    /// A file of at least 16 MiB is cut at record boundaries into ranges of about 8 MiB
    /// parsed in parallel; their tables are joined in file order (text codes stay in
    /// first-seen order), rejected rows keep their exact physical lines, and a quoted field
    /// spanning a cut is handled by parsing the two ranges again as one. Smaller files,
    /// `jobs < 2`, and any file with a problem that stops reading (an open quote at the end, a
    /// bad header, an unreadable file) take the single-threaded path, which reports it.
    ///
    /// ```swift
    /// let (table, summary) = try Ingestor.readTable(options, jobs: 4)
    /// ```
    /// - Throws: as `read`.
    package static func readTable(_ options: IngestOptions, jobs: Int) throws -> (Table, IngestSummary) {
        try readTable(options, jobs: jobs, rangeBytes: parallelMinimumBytes / 2)
    }

    /// Files of at least this many bytes are read in parallel by `readTable(_:jobs:)` (16 MiB).
    package static let parallelMinimumBytes = 16 << 20

    /// `readTable(_:jobs:)` with a chosen range size (tests cut small files into many ranges).
    static func readTable(_ options: IngestOptions, jobs: Int, rangeBytes: Int) throws -> (Table, IngestSummary) {
        if options.format == .csv, let outcome = ParallelReader.read(options, jobs: jobs, rangeBytes: rangeBytes) {
            var summary = outcome.summary
            return finish(outcome.table, &summary, options)
        }
        return try readTable(options)
    }
}
