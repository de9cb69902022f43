import ApenCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads one large file on several Dispatch workers, giving exactly what a single-threaded
/// `Ingestor.readTable` gives: the same table (codes in first-seen order), the same rejected
/// rows with the same line numbers, the same counts.
///
/// The file is cut into byte ranges at guessed record boundaries — just after the first LF at
/// or after each `i × size / n` — and each range is parsed by its own libcsv parser and
/// `RowProcessor` (the header record is handed to every processor first, so each binds the
/// same columns). A guess is wrong only when that LF is inside a quoted field; then the range
/// before it does not end between records (libcsv is still inside a record), which its reader
/// reports. Results are taken in range order: a range whose end was not a record boundary is
/// parsed again together with the next range, until the end is one. Line numbers are counted
/// per range from 1 and shifted by the line breaks of the ranges before.
///
/// Ranges go in batches of `jobs` (at most 16): a batch is parsed in parallel, then its text
/// cells — kept as bytes by the workers — are interned in file order by `ChunkJoin`, one
/// column per worker. Interning once, in order, is what makes the codes those of a single
/// read; doing it per range and merging the dictionaries afterwards cost more CPU than the
/// parse saved. Raw bytes are held for one batch at a time, so memory does not grow with the
/// file beyond the table itself.
///
/// Anything unusual — a header problem, an unreadable range, a field over the size limit, a
/// file ending inside quotes — returns `nil`, and the caller reads the file single-threaded,
/// which reports the problem exactly as it always has.
enum ParallelReader {
    /// What parsing one range found.
    struct Part {
        var range: Range<Int>
        /// The range's rows; the file's text columns are empty, their cells are in `raw`.
        var table: Table
        var raw: [String: RawTextColumn]
        var counts: RangeCounts
        var endedBetweenRecords: Bool
    }

    /// A finished parallel read.
    struct Outcome {
        var table: Table
        var summary: IngestSummary
        /// Ranges parsed in parallel.
        var ranges: Int
        /// Cuts that fell inside a record, repaired by parsing two ranges again as one.
        var reparsed: Int
    }

    /// How a file is cut: its header record and the byte ranges to parse.
    struct Layout: Sendable {
        var plan: ColumnPlan
        var delimiter: UInt8
        var header: [[UInt8]]
        var headerLine: Int
        var ranges: [Range<Int>]
        var size: Int
    }

    /// The header and the ranges of about `rangeBytes` of `options.path`, or `nil` when the
    /// file is small, `jobs < 2`, or anything needs the single-threaded path's exact error.
    static func layout(_ options: IngestOptions, jobs: Int, rangeBytes: Int) throws -> Layout? {
        guard jobs > 1, rangeBytes > 0 else { return nil }
        let size = fileSize(options.path)
        guard size >= 2 * rangeBytes else { return nil }
        let plan = try ColumnPlan(options)
        try Ingestor.checkDeclaredDelimiter(options)
        let delimiter: UInt8
        let header: [[UInt8]]
        let headerLine: Int
        // The header must end within the first `probe` bytes; no cut is made before them.
        let probe = min(rangeBytes, 1 << 20)
        do {
            let reader = try CSVReader(path: options.path, blockSize: probe, range: 0..<probe)
            delimiter = try Ingestor.resolveDelimiter(options, head: reader.head)
            guard let first = try firstRecord(reader, delimiter: delimiter) else { return nil }
            (header, headerLine) = first
        }
        var bounds = [0]
        let count = min(size / rangeBytes, 4096)
        for i in 1..<count {
            let guess = max(i * (size / count), probe)
            if let cut = firstByteAfterLF(options.path, from: guess, before: size), cut > bounds.last! {
                bounds.append(cut)
            }
        }
        bounds.append(size)
        let ranges = (0..<bounds.count - 1).map { bounds[$0]..<bounds[$0 + 1] }
        guard ranges.count > 1 else { return nil }
        return Layout(
            plan: plan, delimiter: delimiter, header: header, headerLine: headerLine, ranges: ranges, size: size)
    }

    /// Parses `ranges` in batches of `jobs` (at most 16) on workers and hands each range's
    /// result to `accept` in file order, once its start is known to be a record boundary: a
    /// range that ended inside a record is parsed again together with the next one. Returns
    /// how many ranges were parsed again.
    static func inOrder<P: Sendable>(
        _ ranges: [Range<Int>], size: Int, jobs: Int, parse: @escaping @Sendable (Range<Int>) throws -> P,
        range: (P) -> Range<Int>, endedBetweenRecords: (P) -> Bool, accept: (P) throws -> Void
    ) throws -> Int {
        var reparsed = 0
        // The start of the next range to parse: a record boundary, known by induction.
        var next = 0
        var index = 0  // into `ranges`: the first range not yet parsed
        while index < ranges.count {
            let batch = Array(ranges[index..<min(index + min(jobs, 16), ranges.count)])
            index += batch.count
            var starts = batch.map(\.lowerBound)
            starts[0] = next  // a range whose end was inside a record is carried over
            let bounds = zip(starts, batch).map { $0..<$1.upperBound }
            var tentative = Parallel.map(count: bounds.count, jobs: bounds.count) { i in
                Result { try parse(bounds[i]) }
            }
            // In order: when range j is reached its start is a record boundary, so its
            // result (or error) is the real one. One that ended inside a record is parsed
            // again with the next range (whose result, from a wrong start, is dropped);
            // the last of a batch is carried into the next batch instead.
            var j = 0
            while j < tentative.count {
                let part = try tentative[j].get()
                if !endedBetweenRecords(part) {
                    reparsed += 1
                    if j + 1 < tentative.count {
                        let merged = range(part).lowerBound..<bounds[j + 1].upperBound
                        tentative[j + 1] = Result { try parse(merged) }
                        j += 1
                        continue
                    }
                    // Last of the batch (not of the file: that one ends at the end of file).
                    next = range(part).lowerBound
                    break
                }
                next = range(part).upperBound
                try accept(part)
                j += 1
            }
        }
        guard next == size else { throw ParallelReadAbandoned() }  // cannot happen: the last range ends the file
        return reparsed
    }

    /// Reads `options.path` with up to `jobs` workers in ranges of about `rangeBytes`, or
    /// returns `nil` when the file is small, `jobs < 2`, or anything needs the
    /// single-threaded path's exact error.
    static func read(_ options: IngestOptions, jobs: Int, rangeBytes: Int = 8 << 20) -> Outcome? {
        do {
            guard let layout = try layout(options, jobs: jobs, rangeBytes: rangeBytes) else { return nil }
            let codec = TextCodec(encoding: options.encoding)
            let parse: @Sendable (Range<Int>) throws -> Part = { range in
                try parsePart(
                    options, plan: layout.plan, delimiter: layout.delimiter, header: layout.header,
                    headerLine: layout.headerLine, range: range)
            }
            // Batches of `jobs` ranges: parsed in parallel, then joined (columns in parallel),
            // so raw text bytes are held for one batch only and memory stays flat.
            var join = ChunkJoin(source: options.source, kind: options.kind, codec: codec)
            var tally = RangeTally()
            let reparsed = try inOrder(
                layout.ranges, size: layout.size, jobs: jobs, parse: parse, range: \.range,
                endedBetweenRecords: \.endedBetweenRecords
            ) { part in
                join.append(part.table, raw: part.raw, jobs: jobs)
                tally.add(part.counts)
            }
            return Outcome(
                table: join.finish(), summary: tally.summary(options, delimiter: layout.delimiter),
                ranges: layout.ranges.count, reparsed: reparsed)
        } catch {
            return nil
        }
    }

    /// Parses one range: range 0 as the single-threaded read does (byte-order mark, header),
    /// later ranges with the header record handed to the processor first.
    static func parsePart(
        _ options: IngestOptions, plan: ColumnPlan, delimiter: UInt8, header: [[UInt8]], headerLine: Int,
        range: Range<Int>
    ) throws -> Part {
        let reader = try CSVReader(path: options.path, range: range)
        var processor = RowProcessor(options: options, plan: plan, delimiter: delimiter, chunkRows: Int.max)
        processor.keepsRawText = true
        processor.rawTextReserve = range.count
        if range.lowerBound > 0 {
            var record = RecordBuffer()
            defer { record.deallocate() }
            for field in header {
                field.withUnsafeBufferPointer { record.append($0.baseAddress, $0.count) }
            }
            guard processor.handle(record, line: headerLine, deliver: { _ in }) else {
                throw ParallelReadAbandoned()
            }
        }
        let nextLine = try reader.run(delimiter: delimiter) { record, line in
            processor.handle(record, line: line, deliver: { _ in })
        }
        if processor.failure != nil || processor.deliveryError != nil || processor.headerLine == nil {
            throw ParallelReadAbandoned()
        }
        let raw = processor.takeRawTexts()
        return Part(
            range: range, table: processor.takeChunk(), raw: raw, counts: RangeCounts(processor, nextLine: nextLine),
            endedBetweenRecords: reader.endedBetweenRecords)
    }

    /// The fields of the first record in the reader's range and its line, if it ends there.
    static func firstRecord(_ reader: CSVReader, delimiter: UInt8) throws -> ([[UInt8]], Int)? {
        var found: ([[UInt8]], Int)?
        try reader.run(delimiter: delimiter) { record, line in
            found = ((0..<record.count).map { Array(record.field($0)) }, line)
            return false
        }
        return found
    }

    /// The offset just after the first LF at or after `from`, if there is one before `limit`.
    static func firstByteAfterLF(_ path: String, from: Int, before limit: Int) -> Int? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var offset = from
        while offset < limit {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(offset)) }
            if n <= 0 { return nil }
            if let i = buffer[0..<n].firstIndex(of: 0x0A) {
                let cut = offset + (i - buffer.startIndex) + 1
                return cut < limit ? cut : nil
            }
            offset += n
        }
        return nil
    }

    static func fileSize(_ path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return Int(info.st_size)
    }
}

/// Thrown inside a parallel read to fall back to the single-threaded path.
struct ParallelReadAbandoned: Error {}

/// What reading one range counted: its rejected rows (lines counted from the range's start),
/// rows read and accepted, and the line breaks it spans.
struct RangeCounts: Sendable {
    var rejected: [RejectedRow]
    var unknownPopulation: [String]
    var rowsRead: Int
    var accepted: Int
    /// Line breaks in the range (the line after its last record, minus 1).
    var lines: Int

    /// The counts of a range's processor; `nextLine` is the line after the range's last record.
    init(_ processor: borrowing RowProcessor, nextLine: Int) {
        rejected = processor.rejected
        unknownPopulation = processor.unknownPopulation
        rowsRead = processor.rowsRead
        accepted = processor.accepted
        lines = nextLine - 1
    }
}

/// The bookkeeping of a read in byte ranges, in file order: each range's rejected rows moved to
/// the physical lines of the whole file, and the counts added up. The table read and the fold
/// share it.
struct RangeTally {
    private(set) var rejected: [RejectedRow] = []
    private(set) var unknownPopulation: [String] = []
    private(set) var rowsRead = 0
    private(set) var accepted = 0
    /// Lines before the next range.
    private var base = 0

    /// Adds the next range's counts.
    mutating func add(_ counts: RangeCounts) {
        for var row in counts.rejected {
            row.line += base
            rejected.append(row)
        }
        unknownPopulation += counts.unknownPopulation
        rowsRead += counts.rowsRead
        accepted += counts.accepted
        base += counts.lines
    }

    /// The read's summary, with the delimiter used.
    func summary(_ options: IngestOptions, delimiter: UInt8) -> IngestSummary {
        var summary = IngestSummary(
            source: options.source, path: options.path, rowsRead: rowsRead, accepted: accepted, rejected: rejected,
            maxRejected: options.maxRejected, delimiter: delimiter)
        summary.unknownPopulation = unknownPopulation
        return summary
    }
}
