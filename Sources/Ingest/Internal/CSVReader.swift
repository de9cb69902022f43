import ApenCore
internal import CCSV

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams the records of a CSV file through libcsv, with the physical line each starts on.
///
/// The file is read with `read(2)` in blocks of `blockSize` bytes and fed to `csv_parse`, so
/// memory does not grow with the file. libcsv is used in strict mode (a stray quote in an
/// unquoted field is still kept as text; a malformed quoted field fails the file, see
/// `parse(_:count:parser:context:)`), with `CSV_REPALL_NL` (every unquoted CR or LF ends a
/// row, even an empty one) and with no whitespace trimming, which lets the reader count lines
/// exactly as an editor does:
///
/// - a line break is LF, CRLF or a lone CR, inside quotes or not;
/// - a record starts on the line after the previous record's terminator;
/// - empty lines (no bytes between two line breaks) are skipped but counted.
///
/// A UTF-8 byte-order mark at the start of the file is dropped before parsing. A quote still
/// open at the end of the file is reported with the line the unfinished record starts on, and
/// so is a field longer than `maxFieldBytes` (checked after each block), which keeps memory
/// bounded when an open quote would otherwise pull the rest of a large file into one field.
final class CSVReader {
    /// What `run` reports for each record: the fields, and the line the record starts on.
    typealias Handler = (_ record: borrowing RecordBuffer, _ line: Int) -> Bool

    let path: String
    let blockSize: Int
    /// The longest field, and the longest record, accepted. Longer means, in practice, a quote
    /// left open that is swallowing the rest of the file (or a file without line breaks);
    /// stopping keeps memory bounded.
    let maxFieldBytes: Int
    private let fd: Int32
    private var block: UnsafeMutableRawBufferPointer
    /// Bytes of the first block, already read (the sniffer looks at them before parsing).
    private var pending: Int = 0
    private var pendingOffset: Int = 0
    private var firstReadLimit: Int = 0
    /// The file offset of the next `read`, and the offset where this reader's range ends.
    private var position: Int
    private let end: Int
    /// Whether the range ends where the file does (a whole-file reader always does).
    let reachesEndOfFile: Bool
    /// After `run`: the range ended between records (libcsv was not inside a record), so the
    /// next byte starts a record. Always `true` for a reader that reaches the end of the file.
    private(set) var endedBetweenRecords = true

    /// Opens `path` and reads its first block.
    /// - Throws: a `Diagnostic` naming the path when the file cannot be opened or read.
    ///
    /// With `range`, only those bytes are read (a chunk of a parallel read, see
    /// `ParallelReader`): a range not starting at 0 keeps a byte-order mark-like start as data,
    /// and a range ending before the file does stops without the end-of-file checks, leaving
    /// `endedBetweenRecords` to say whether the range's end was a record boundary.
    init(path: String, blockSize: Int = 1 << 20, maxFieldBytes: Int = 64 << 20, range: Range<Int>? = nil) throws {
        self.path = path
        self.blockSize = blockSize
        self.maxFieldBytes = maxFieldBytes
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw Diagnostic(SourceLocation(path: path), "cannot open the file: \(String(cString: strerror(errno)))")
        }
        self.fd = fd
        position = range?.lowerBound ?? 0
        end = range?.upperBound ?? Int.max
        if let range {
            var info = stat()
            reachesEndOfFile = fstat(fd, &info) == 0 && Int(info.st_size) <= range.upperBound
        } else {
            reachesEndOfFile = true
        }
        // At least 4 bytes, so the first read can see a whole byte-order mark.
        block = .allocate(byteCount: max(blockSize, 4), alignment: 16)
        do {
            pending = try fill(limit: block.count)
            firstReadLimit = block.count
        } catch {
            close(fd)
            block.deallocate()
            throw error
        }
        // Drop a UTF-8 byte-order mark (EF BB BF).
        if range == nil || range!.lowerBound == 0, pending >= 3, block[0] == 0xEF, block[1] == 0xBB, block[2] == 0xBF {
            pendingOffset = 3
        }
    }

    deinit {
        close(fd)
        block.deallocate()
    }

    /// The beginning of the file (after a byte-order mark), for sniffing the delimiter.
    var head: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(block)[pendingOffset..<pending])
    }

    /// Reads until `limit` bytes are in the block or the file ends; returns the bytes read.
    private func fill(limit: Int) throws -> Int {
        var n = 0
        let limit = min(limit, end - position)
        while n < limit {
            let r = pread(fd, block.baseAddress! + n, limit - n, off_t(position))
            if r < 0 {
                if errno == EINTR { continue }
                throw Diagnostic(
                    SourceLocation(path: path), "cannot read the file: \(String(cString: strerror(errno)))")
            }
            if r == 0 { break }
            n += r
            position += r
        }
        return n
    }

    /// Parses the whole file with `delimiter`, calling `handler` for every non-empty record.
    ///
    /// The handler returns `false` to stop reading (the rest of the file is skipped).
    /// - Returns: the line after the last record (the file's line count + 1 if it ends
    ///   with a line break).
    /// - Throws: a `Diagnostic` for an unreadable file, a quoted field followed by more text
    ///   after its closing quote, or a quote left open at the end.
    @discardableResult
    func run(delimiter: UInt8, handler: Handler) throws -> Int {
        try withoutActuallyEscaping(handler) { handler in
            // The parser lives on the heap: the callbacks reach it through a stable pointer.
            let parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
            parser.initialize(to: csv_parser())
            defer { parser.deallocate() }
            // Strict mode, so that a malformed quote stops the parser instead of being guessed
            // at (see `parse(_:count:parser:context:)`).
            let strict = UInt8(CSV_REPALL_NL | CSV_STRICT)
            guard csv_init(parser, strict) == 0 else {
                throw Diagnostic(SourceLocation(path: path), "cannot initialise the CSV parser (out of memory)")
            }
            defer { csv_free(parser) }
            csv_set_delim(parser, delimiter)
            // libcsv grows its field buffer by this many bytes at a time (default 128): a
            // 10 MB field then costs ~80,000 reallocations, quadratic under sanitizers.
            csv_set_blk_size(parser, 1 << 16)
            csv_set_space_func(parser) { _ in 0 }  // keep spaces: text is kept as written

            let context = UnsafeMutablePointer<ReaderContext>.allocate(capacity: 1)
            context.initialize(to: ReaderContext(handler: handler))
            defer {
                context.pointee.record.deallocate()
                context.deinitialize(count: 1)
                context.deallocate()
            }

            var filled = pending
            var offset = pendingOffset
            var limit = firstReadLimit
            while true {
                if filled > offset {
                    try parse(block.baseAddress! + offset, count: filled - offset, parser: parser, context: context)
                    if !context.pointee.stopped {
                        let limit =
                            maxFieldBytes % (1 << 20) == 0 ? "\(maxFieldBytes >> 20) MiB" : "\(maxFieldBytes) bytes"
                        if parser.pointee.entry_pos > maxFieldBytes {
                            throw Diagnostic(
                                SourceLocation(path: path, line: context.pointee.nextLine),
                                "a field in the record that starts on this line is longer than \(limit); "
                                    + "is a quote left open?")
                        }
                        if context.pointee.record.length > maxFieldBytes {
                            throw Diagnostic(
                                SourceLocation(path: path, line: context.pointee.nextLine),
                                "the record that starts on this line is longer than \(limit); does the file have line breaks?"
                            )
                        }
                    }
                }
                // A short read means the end of the file.
                if context.pointee.stopped || filled < limit { break }
                limit = blockSize
                filled = try fill(limit: limit)
                offset = 0
            }
            if context.pointee.stopped { return context.pointee.nextLine }
            if !reachesEndOfFile {
                // Not the end of the file: no end-of-file checks, and no `csv_fini` (which
                // would end a record the next range continues). libcsv's state 0 is ROW_NOT_BEGUN.
                endedBetweenRecords = parser.pointee.pstate == 0
                return context.pointee.nextLine
            }
            // An open quote at the end: libcsv's state FIELD_BEGUN (2) inside a quoted field.
            if parser.pointee.pstate == 2, parser.pointee.quoted != 0 {
                throw Diagnostic(
                    SourceLocation(path: path, line: context.pointee.nextLine),
                    "a quoted field that starts in the record on this line is never closed (the file ends inside quotes)"
                )
            }
            csv_fini(parser, readerField, readerRow, context)
            return context.pointee.nextLine
        }
    }
}

extension CSVReader {
    /// Feeds `count` bytes to the strict parser, settling each strict-mode stop.
    ///
    /// libcsv's lenient mode guesses at two kinds of stray quote. A quote inside a field that
    /// did not start with one (`5" screen`) is kept as a literal character, as spreadsheets
    /// and Python's csv module do; that guess is harmless and is kept here: the byte is fed
    /// once with strict mode off. But a quoted field whose closing quote is followed by more
    /// text (`"p"x`) makes lenient libcsv reopen the field, so it swallows the line breaks and
    /// the following rows up to the next quote — rows vanish into one field without a trace
    /// (METHODS §7: never silently dropped). That case, and any other strict error, fails
    /// the source, naming the line where the malformed record starts.
    /// - Throws: a `Diagnostic` for a malformed quote or another parse error.
    fileprivate func parse(
        _ start: UnsafeMutableRawPointer, count: Int, parser: UnsafeMutablePointer<csv_parser>,
        context: UnsafeMutablePointer<ReaderContext>
    ) throws {
        var offset = 0
        while offset < count, !context.pointee.stopped {
            let used = csv_parse(parser, start + offset, count - offset, readerField, readerRow, context)
            offset += used
            if offset == count || context.pointee.stopped { return }
            let location = SourceLocation(path: path, line: context.pointee.nextLine)
            // libcsv's states: 2 = FIELD_BEGUN, 3 = FIELD_MIGHT_HAVE_ENDED (after a quote in a quoted field).
            if parser.pointee.status == CSV_EPARSE, parser.pointee.pstate == 2, parser.pointee.quoted == 0 {
                let options = csv_get_opts(parser)
                _ = csv_set_opts(parser, UInt8(CSV_REPALL_NL))
                _ = csv_parse(parser, start + offset, 1, readerField, readerRow, context)
                _ = csv_set_opts(parser, UInt8(options))
                parser.pointee.status = 0
                offset += 1
                continue
            }
            if parser.pointee.status == CSV_EPARSE, parser.pointee.pstate == 3 {
                throw Diagnostic(
                    location,
                    "a quoted field in the record that starts on this line is followed by more text after its "
                        + "closing quote (a quote inside a quoted field must be doubled: \"\")")
            }
            let reason = String(cString: csv_strerror(csv_error(parser)))
            throw Diagnostic(location, "cannot parse the CSV: \(reason)")
        }
    }
}

/// libcsv field callback: copy the field, count the line breaks inside it.
///
/// Only a quoted field can hold CR or LF (unquoted, they end the row), but libcsv keeps its
/// `quoted` flag in a local variable while parsing, so every field is scanned; the scan is a
/// single compare per byte for ordinary text.
private func readerField(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    let ctx = context!.assumingMemoryBound(to: ReaderContext.self)
    if ctx.pointee.stopped { return }
    guard let bytes = data?.assumingMemoryBound(to: UInt8.self) else {
        ctx.pointee.record.append(nil, 0)
        return
    }
    ctx.pointee.record.append(bytes, length)
    var breaks = 0
    var i = 0
    while i < length {
        let b = bytes[i]
        if b <= 0x0D {
            if b == 0x0D {
                breaks += 1
            } else if b == 0x0A, i == 0 || bytes[i - 1] != 0x0D {
                breaks += 1
            }
        }
        i += 1
    }
    if breaks > 0 { ctx.pointee.record.innerLineBreaks += breaks }
}

/// libcsv row callback: `terminator` is the CR or LF that ended the row, or −1 at the end of file.
private func readerRow(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    let ctx = context!.assumingMemoryBound(to: ReaderContext.self)
    if ctx.pointee.stopped { return }
    if ctx.pointee.record.count == 0 {
        // An empty row: a blank line, or the LF of a CRLF whose CR ended the previous row.
        if terminator == 0x0A, ctx.pointee.lastWasCR {
            ctx.pointee.lastWasCR = false
        } else if terminator >= 0 {
            ctx.pointee.nextLine += 1
            ctx.pointee.lastWasCR = terminator == 0x0D
        }
        return
    }
    let line = ctx.pointee.nextLine
    let keepGoing = ctx.pointee.handler(ctx.pointee.record, line)
    ctx.pointee.nextLine = line + ctx.pointee.record.innerLineBreaks + (terminator >= 0 ? 1 : 0)
    ctx.pointee.lastWasCR = terminator == 0x0D
    ctx.pointee.record.reset()
    if !keepGoing { ctx.pointee.stopped = true }
}
