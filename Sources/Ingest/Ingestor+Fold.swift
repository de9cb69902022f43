import ApenCore

extension Ingestor {
    /// Folds a file's accepted rows into a state without building its table: each chunk of
    /// at most `chunkRows` rows is handed to `fold` and dropped.
    ///
    /// A CSV file of at least 16 MiB is cut into the byte ranges of `readTable(_:jobs:)` and
    /// each range is folded into its own state (`initial()`) on a worker; the states are then
    /// combined with `merge` in file order, so a `merge` that is associative gives the same
    /// state for any `jobs`. Rejected rows, their physical lines and the counts are exactly
    /// those of `read` (the same `RowProcessor`); a file the parallel path cannot take, and any
    /// error (also one `fold` throws), goes to the single-threaded `read`, which reports it.
    /// Municipality numbers are not harmonised here (`harmoniseTo` must be `nil`).
    ///
    /// ```swift
    /// let (total, summary) = try Ingestor.fold(
    ///     options, jobs: 4, initial: { 0 }, fold: { $0 += $1.rowCount }, merge: { $0 += $1 })
    /// ```
    /// - Throws: as `read`, and what `fold` or `merge` throw.
    package static func fold<State: Sendable>(
        _ options: IngestOptions, jobs: Int, chunkRows: Int = 65536, initial: @escaping @Sendable () -> State,
        fold: @escaping @Sendable (inout State, Table) throws -> Void, merge: (inout State, State) throws -> Void
    ) throws -> (State, IngestSummary) {
        try self.fold(
            options, jobs: jobs, rangeBytes: parallelMinimumBytes / 2, chunkRows: chunkRows, initial: initial,
            fold: fold, merge: merge)
    }

    /// `fold` with a chosen range size (tests cut small files into many ranges).
    static func fold<State: Sendable>(
        _ options: IngestOptions, jobs: Int, rangeBytes: Int, chunkRows: Int, initial: @escaping @Sendable () -> State,
        fold: @escaping @Sendable (inout State, Table) throws -> Void, merge: (inout State, State) throws -> Void
    ) throws -> (State, IngestSummary) {
        precondition(options.harmoniseTo == nil, "fold does not harmonise municipality numbers")
        if options.format == .csv,
            let folded = try? ParallelReader.fold(
                options, jobs: jobs, rangeBytes: rangeBytes, chunkRows: chunkRows, initial: initial, fold: fold,
                merge: merge)
        {
            return folded
        }
        var state = initial()
        let summary = try read(options, chunkRows: chunkRows) { try fold(&state, $0) }
        return (state, summary)
    }
}

extension ParallelReader {
    /// One range folded into a state.
    struct FoldedPart<State: Sendable>: Sendable {
        var range: Range<Int>
        var state: State
        var counts: RangeCounts
        var endedBetweenRecords: Bool
    }

    /// `Ingestor.fold` on workers, or `nil` when the file is not for the parallel path.
    /// - Throws: any error of a range; the caller then reads single-threaded.
    static func fold<State: Sendable>(
        _ options: IngestOptions, jobs: Int, rangeBytes: Int, chunkRows: Int, initial: @escaping @Sendable () -> State,
        fold: @escaping @Sendable (inout State, Table) throws -> Void, merge: (inout State, State) throws -> Void
    ) throws -> (State, IngestSummary)? {
        guard let layout = try layout(options, jobs: jobs, rangeBytes: rangeBytes) else { return nil }
        let parse: @Sendable (Range<Int>) throws -> FoldedPart<State> = { range in
            let reader = try CSVReader(path: options.path, range: range)
            var processor = RowProcessor(
                options: options, plan: layout.plan, delimiter: layout.delimiter, chunkRows: chunkRows)
            if range.lowerBound > 0 {
                var record = RecordBuffer()
                defer { record.deallocate() }
                for field in layout.header {
                    field.withUnsafeBufferPointer { record.append($0.baseAddress, $0.count) }
                }
                guard processor.handle(record, line: layout.headerLine, deliver: { _ in }) else {
                    throw ParallelReadAbandoned()
                }
            }
            var state = initial()
            let nextLine = try reader.run(delimiter: layout.delimiter) { record, line in
                processor.handle(record, line: line, deliver: { try fold(&state, $0) })
            }
            if processor.failure != nil || processor.deliveryError != nil || processor.headerLine == nil {
                throw ParallelReadAbandoned()
            }
            // Every range folds at least one table (maybe empty), as `read` delivers one.
            let deliveredBefore = processor.chunksDelivered
            let last = processor.takeChunk()
            if last.rowCount > 0 || deliveredBefore == 0 { try fold(&state, last) }
            return FoldedPart(
                range: range, state: state, counts: RangeCounts(processor, nextLine: nextLine),
                endedBetweenRecords: reader.endedBetweenRecords)
        }
        var total: State?
        var tally = RangeTally()
        _ = try inOrder(
            layout.ranges, size: layout.size, jobs: jobs, parse: parse, range: \.range,
            endedBetweenRecords: \.endedBetweenRecords
        ) { part in
            if total == nil {
                total = part.state
            } else {
                try merge(&total!, part.state)
            }
            tally.add(part.counts)
        }
        guard let total else { return nil }
        let summary = tally.summary(options, delimiter: layout.delimiter)
        return (total, summary)
    }
}
