import ApenCore

/// Reads a source file into validated, typed columns, listing every rejected row.
///
/// One pass over the file in blocks (libcsv underneath; memory follows the chunk size and the
/// distinct text values, not the file size). Options are checked first; then the delimiter
/// is taken as declared or sniffed from the header line; the header binds canonical columns
/// (`options.columns` maps them to header names, `options.fixed` gives constant ones); each
/// data row is typed and checked by METHODS §1/§7. The dialect, encoding and line-counting
/// rules for users are in `docs/ingest.md`.
///
/// ```swift
/// var options = IngestOptions(source: "survey", kind: .survey, path: "trondheim-2019.csv")
/// options.fixed = ["municipality": "5001", "year": "2019"]
/// let (table, summary) = try Ingestor.readTable(options)
/// try RejectedRowsFile.write(summary.rejected, to: "out/rejected.csv")
/// if let failure = summary.limitDiagnostic { throw failure }
/// ```
package enum Ingestor {
    /// Streams the file, calling `chunk` with consecutive tables of at most `chunkRows`
    /// accepted rows (fixed columns materialised).
    ///
    /// `chunk` is called at least once: a file without accepted rows gives one empty table
    /// with the source's columns. Each chunk has its own text dictionaries; join chunks with
    /// a `TableBuilder` to get exactly what `readTable` returns.
    ///
    /// - Throws: a `Diagnostic` naming the file (and line) when an option is unusable, the
    ///   file cannot be read, is empty, lacks a required column, names a column twice, or
    ///   ends inside quotes; any error `chunk` throws (reading stops there).
    ///   Bad rows do not throw: they are in the summary's `rejected`.
    package static func read(
        _ options: IngestOptions, chunkRows: Int = 65536, chunk: (Table) throws -> Void
    ) throws -> IngestSummary {
        precondition(chunkRows > 0, "chunkRows must be positive")
        let plan = try ColumnPlan(options)
        if options.format != .csv { return try readJSON(options, plan: plan, chunkRows: chunkRows, chunk: chunk) }
        try checkDeclaredDelimiter(options)
        let reader = try CSVReader(path: options.path)
        try checkNotUTF16(options, head: reader.head)
        let delimiter = try resolveDelimiter(options, head: reader.head)
        var processor = RowProcessor(options: options, plan: plan, delimiter: delimiter, chunkRows: chunkRows)
        try reader.run(delimiter: delimiter) { record, line in
            processor.handle(record, line: line, deliver: chunk)
        }
        if let failure = processor.failure { throw failure }
        if let error = processor.deliveryError { throw error }
        guard processor.headerLine != nil else {
            throw Diagnostic(SourceLocation(path: options.path, line: 1), "the file is empty: there is no header line")
        }
        return try finish(&processor, options, delimiter: delimiter, chunk: chunk)
    }

    /// Delivers the last chunk (an empty table when nothing was delivered, so a reader always
    /// gets the columns) and summarises the read: shared by the CSV and JSON paths.
    private static func finish(
        _ processor: inout RowProcessor, _ options: IngestOptions, delimiter: UInt8, chunk: (Table) throws -> Void
    ) throws -> IngestSummary {
        let deliveredBefore = processor.chunksDelivered
        let last = processor.takeChunk()
        if last.rowCount > 0 || deliveredBefore == 0 { try chunk(last) }
        var summary = IngestSummary(
            source: options.source, path: options.path, rowsRead: processor.rowsRead,
            accepted: processor.accepted, rejected: processor.rejected, maxRejected: options.maxRejected,
            delimiter: delimiter)
        summary.unknownPopulation = processor.unknownPopulation
        return summary
    }

    /// `read` for JSON, JSON Lines and JSON-stat sources (every chunk has all the source's
    /// columns; `readTable` leaves out the optional ones no record has).
    static func readJSON(
        _ options: IngestOptions, plan: ColumnPlan, chunkRows: Int, chunk: (Table) throws -> Void
    ) throws -> IngestSummary {
        var processor = RowProcessor(options: options, plan: plan, delimiter: 0x2C, chunkRows: chunkRows)
        var paths: [String] = []
        var absent: [String] = []
        switch options.format {
        case .jsonStat(let layout):
            let header = ["municipality", "year", "population"]
            let records = try JSONStatReader.records(path: options.path, layout: layout, na: options.na)
            var record = RecordBuffer()
            defer { record.deallocate() }
            for fields in [header] + records {
                record.reset()
                for f in fields {
                    let bytes = Array(f.utf8)
                    bytes.withUnsafeBufferPointer { record.append($0.baseAddress, $0.count) }
                }
                if !processor.handle(record, line: 1, deliver: chunk) { break }
            }
        default:
            for column in plan.columns where column.fixed == nil && !paths.contains(column.headerName) {
                paths.append(column.headerName)
            }
            var reader = JSONRecordReader(path: options.path, paths: paths)
            defer { reader.deallocate() }
            try reader.run(format: options.format, processor: &processor, deliver: chunk)
            for column in plan.columns where column.fixed == nil && !column.required && column.rule != .likert {
                if let k = paths.firstIndex(of: column.headerName), !reader.seen[k] { absent.append(column.name) }
            }
            let unseenExtras = plan.columns.filter { $0.isExtra && absent.contains($0.name) }
            if processor.failure == nil, processor.rowsRead > 0, let first = unseenExtras.first {
                let list = unseenExtras.map { "'\($0.headerName)'" }.joined(separator: ", ")
                throw Diagnostic(
                    SourceLocation(path: options.path),
                    "extra column\(unseenExtras.count == 1 ? "" : "s") \(list) declared under extra: "
                        + "\(unseenExtras.count == 1 ? "is" : "are") in no record (for '\(first.name)')")
            }
        }
        if let failure = processor.failure { throw failure }
        if let error = processor.deliveryError { throw error }
        var summary = try finish(&processor, options, delimiter: 0x2C, chunk: chunk)
        summary.absentColumns = absent
        return summary
    }

    /// Reads the whole file into one table (what the chunks of `read` give, appended in order),
    /// then harmonises its municipality numbers when `options.harmoniseTo` says so.
    /// - Throws: as `read`.
    package static func readTable(_ options: IngestOptions) throws -> (Table, IngestSummary) {
        var builder = TableBuilder()
        var summary = try read(options, chunkRows: Int.max) { builder.append($0) }
        return finish(builder.table!, &summary, options)
    }

    /// Drops absent JSON columns and harmonises municipality numbers (METHODS §1, §8).
    static func finish(_ table: Table, _ summary: inout IngestSummary, _ options: IngestOptions) -> (
        Table, IngestSummary
    ) {
        var table = table
        for name in summary.absentColumns { table.columns[name] = nil }
        if let year = options.harmoniseTo {
            let (harmonised, notes) = table.harmonisingMunicipalities(to: year)
            table = harmonised
            summary.harmonisation = notes
            // A merged unit whose part has an unknown population has an unknown population
            // too (not the sum of the known parts).
            if table.kind == .population, !summary.unknownPopulation.isEmpty {
                table = table.markingUnknownPopulation(summary.unknownPopulation, harmonisedTo: year)
            }
        }
        return (table, summary)
    }

    /// Checks a declared delimiter before the file is opened (an option error).
    static func checkDeclaredDelimiter(_ options: IngestOptions) throws {
        guard case .byte(let b) = options.delimiter else { return }
        let location = SourceLocation(path: options.path)
        if b == 0x22 || b == 0x0A || b == 0x0D {
            throw Diagnostic(location, "a quote, CR or LF cannot be the delimiter")
        }
        if b == 0x2C, options.decimalComma {
            throw Diagnostic(location, "a decimal comma cannot be read from a comma-delimited file; declare ';' or tab")
        }
    }

    /// A UTF-16 byte-order mark (Excel's "Unicode text" export) in a file declared UTF-8: say
    /// so, instead of reporting the header's bytes as invalid.
    static func checkNotUTF16(_ options: IngestOptions, head: UnsafeRawBufferPointer) throws {
        guard options.encoding == .utf8, head.count >= 2 else { return }
        if (head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF) {
            throw Diagnostic(
                SourceLocation(path: options.path, line: 1),
                "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8 CSV")
        }
    }

    /// The declared delimiter, or the one sniffed from the header line.
    /// - Throws: a `Diagnostic` when a decimal comma is declared but the header is separated by commas.
    static func resolveDelimiter(_ options: IngestOptions, head: UnsafeRawBufferPointer) throws -> UInt8 {
        switch options.delimiter {
        case .byte(let b):
            return b
        case .sniff:
            let result = DelimiterSniffer.sniff(head, decimalComma: options.decimalComma)
            if options.decimalComma, result.onlyCommas {
                throw Diagnostic(
                    SourceLocation(path: options.path, line: 1),
                    "the header is separated by ',' but a decimal comma is declared; use ';' or tab as the delimiter")
            }
            return result.delimiter
        }
    }
}
