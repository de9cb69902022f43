// libFuzzer target: the CSV reader (`Ingestor.read`) under every dialect option.
//
// Input layout: the first 6 bytes choose the options (see `DialectHeader`), the rest is the
// file. The file is written to a per-process temporary path, because Ingest reads files with
// read(2) and has no in-memory entry point.
//
// Besides "no crash, no sanitizer report", the target checks properties that must hold for
// every input:
// - reading in chunks of k rows and appending them gives exactly `readTable`'s table;
// - every column of the table has `rowCount` cells, every text code is in its dictionary;
// - accepted + rejected rows = rows read, and rejected lines are increasing;
// - the low-level reader sees the same records and lines with a 1 MiB block and with a
//   tiny block (block boundaries must not change what is read);
// - the parallel reader (`readTable(_:jobs:)`), cut into ranges of 4–25 bytes, gives
//   exactly the single read's table, dictionaries and summary.
@testable import ApenCore
import FuzzSupport
@testable import Ingest

#if canImport(Glibc)
    import Glibc
#endif

/// The path the input is written to (one per process, so parallel fuzzers do not collide).
nonisolated(unsafe) private var scratchPath: String = {
    let dir = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    return "\(dir)/apen-fuzz-csv-\(getpid()).csv"
}()

/// Options decoded from the first bytes of the input.
struct DialectHeader {
    var options: IngestOptions
    var chunkRows: Int
    var tinyBlock: Int

    static let size = 6

    init(_ h: UnsafeRawBufferPointer, path: String) {
        let kinds = SourceKind.allCases
        var o = IngestOptions(source: "fuzz", kind: kinds[Int(h[0]) % kinds.count], path: path)
        switch h[1] % 8 {
        case 0, 1: o.delimiter = .sniff
        case 2: o.delimiter = .byte(0x2C)
        case 3: o.delimiter = .byte(0x3B)
        case 4: o.delimiter = .byte(0x09)
        case 5: o.delimiter = .byte(0x7C)
        default: o.delimiter = .byte(h[1] >> 3)  // any byte, including invalid ones
        }
        o.encoding = IngestOptions.Encoding.allCases[Int(h[2]) % IngestOptions.Encoding.allCases.count]
        o.decimalComma = h[3] & 1 != 0
        let patterns = ["dd.MM.yyyy", "MM/dd/yyyy", "d.M.yyyy", "yyyyMMdd", "yyyy-M-d", "dd/MM/yyyy"]
        switch (h[3] >> 1) % 9 {
        case 0, 1, 2: o.dateFormat = .iso
        case 3: o.dateFormat = .epochSeconds
        case 4: o.dateFormat = .epochMilliseconds
        default: o.dateFormat = .pattern(patterns[Int(h[3] >> 4) % patterns.count])
        }
        // Column mapping and fixed values (the header names come from the seeds' vocabulary).
        if h[4] & 1 != 0 { o.columns["municipality"] = "kommune" }
        if h[4] & 2 != 0 { o.fixed["municipality"] = "5001" }
        if h[4] & 4 != 0 { o.fixed["year"] = "2019" }
        if h[4] & 8 != 0 { o.keepRows = true }
        o.maxRejected = Double(h[4] >> 4) / 15
        if o.kind == .survey {
            o.survey.scales = [ScaleSpec(name: "trust", items: ["q1", "q2"], reverse: h[5] & 1 != 0 ? ["q2"] : [])]
            o.survey.missingCodes = h[5] & 2 != 0 ? [9, 99] : []
            o.survey.hasStrata = h[5] & 4 != 0
            o.survey.hasPSU = h[5] & 8 != 0
        }
        options = o
        chunkRows = 1 + Int(h[5] >> 4)  // 1…16 rows per chunk
        tinyBlock = 1 + Int(h[5] >> 5)  // 1…8 bytes per block
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    guard count >= DialectHeader.size else { return 0 }
    let input = UnsafeRawBufferPointer(start: start, count: count)
    let header = DialectHeader(UnsafeRawBufferPointer(rebasing: input[0..<DialectHeader.size]), path: scratchPath)
    let body = UnsafeRawBufferPointer(rebasing: input[DialectHeader.size...])
    writeFile(scratchPath, body)
    defer { unlink(scratchPath) }

    let whole: (Table, IngestSummary)
    do {
        whole = try Ingestor.readTable(header.options)
    } catch {
        return 0  // a Diagnostic for an unusable file or option is a valid outcome
    }
    let (table, summary) = whole
    checkTable(table)
    check(summary.accepted == table.rowCount, "accepted \(summary.accepted) ≠ rows \(table.rowCount)")
    check(
        summary.accepted + summary.rejected.count == summary.rowsRead,
        "accepted \(summary.accepted) + rejected \(summary.rejected.count) ≠ read \(summary.rowsRead)")
    for (a, b) in zip(summary.rejected, summary.rejected.dropFirst()) {
        check(a.line < b.line, "rejected lines not increasing: \(a.line), \(b.line)")
    }

    // Chunked reading must give the same table and summary.
    var joined: Table?
    do {
        let chunked = try Ingestor.read(header.options, chunkRows: header.chunkRows) { chunk in
            check(chunk.rowCount <= header.chunkRows, "chunk of \(chunk.rowCount) > \(header.chunkRows) rows")
            checkTable(chunk)
            joined = joined.map { $0.appending(chunk) } ?? chunk
        }
        check(chunked == summary, "chunked summary differs")
        check(joined.map { sameCells($0, table) } ?? false, "chunked table differs")
    } catch {
        fatalError("the chunked read threw where the whole read did not: \(error)")
    }

    // The reader itself must not depend on where block boundaries fall.
    // The parallel reader, cut into ranges of a few bytes so every input is split many times,
    // must return exactly what the single read does (Ingestor+Parallel.swift).
    let rangeBytes = 1 + Int(header.tinyBlock) * 3
    do {
        let (parallel, parallelSummary) = try Ingestor.readTable(header.options, jobs: 3, rangeBytes: rangeBytes)
        check(parallelSummary == summary, "parallel summary differs (ranges of \(rangeBytes) bytes)")
        check(sameCells(parallel, table), "parallel table differs (ranges of \(rangeBytes) bytes)")
        for (name, column) in table.columns {
            if case .text(let t) = column, case .text(let u)? = parallel.columns[name] {
                check(t.dictionary == u.dictionary, "column \(name): parallel dictionary order differs")
            }
        }
    } catch {
        fatalError("the parallel read threw where the single read did not: \(error)")
    }

    // The delimiter is sniffed from the first block, so it is resolved once, from the big one.
    guard let sniffer = try? CSVReader(path: scratchPath),
        let delimiter = try? Ingestor.resolveDelimiter(header.options, head: sniffer.head)
    else { fatalError("the file was read once but cannot be opened again") }
    let big = records(path: scratchPath, delimiter: delimiter, blockSize: 1 << 20)
    let small = records(path: scratchPath, delimiter: delimiter, blockSize: header.tinyBlock)
    if big != small {
        let i = (0..<min(big.count, small.count)).first { big[$0] != small[$0] } ?? min(big.count, small.count)
        let a = i < big.count ? big[i] : "nothing", b = i < small.count ? small[i] : "nothing"
        check(false, "records differ between block sizes 1 MiB and \(header.tinyBlock): \(a) vs \(b)")
    }
    return 0
}

/// Every record (fields as bytes, line) and the reader's final line or error text.
func records(path: String, delimiter: UInt8, blockSize: Int) -> [String] {
    var out: [String] = []
    do {
        let reader = try CSVReader(path: path, blockSize: blockSize)
        let end = try reader.run(delimiter: delimiter) { record, line in
            var fields: [[UInt8]] = []
            for i in 0..<record.count { fields.append(Array(record.field(i))) }
            out.append("\(line): \(fields)")
            return true
        }
        out.append("end \(end)")
    } catch {
        out.append("error \(error)")
    }
    return out
}

/// The same cells (text compared by value, since chunk dictionaries differ; NaN = NaN).
func sameCells(_ a: Table, _ b: Table) -> Bool {
    guard a.rowCount == b.rowCount, a.source == b.source, a.kind == b.kind,
        Set(a.columns.keys) == Set(b.columns.keys)
    else { return false }
    for (name, x) in a.columns {
        switch (x, b.columns[name]!) {
        case (.text(let p), .text(let q)):
            for r in 0..<a.rowCount where p[r] != q[r] { return false }
        case (.number(let p), .number(let q)):
            for r in 0..<a.rowCount where p[r].bitPattern != q[r].bitPattern && !(p[r].isNaN && q[r].isNaN) {
                return false
            }
        case (.date(let p), .date(let q)):
            if p != q { return false }
        default:
            return false
        }
    }
    return true
}

/// Structural invariants of a table.
func checkTable(_ t: Table) {
    for (name, column) in t.columns {
        check(column.count == t.rowCount, "column \(name) has \(column.count) cells, table \(t.rowCount) rows")
        if case .text(let text) = column {
            for code in text.codes {
                check(code >= -1 && Int(code) < text.dictionary.count, "column \(name): code \(code) out of range")
            }
        }
    }
}


func writeFile(_ path: String, _ bytes: UnsafeRawBufferPointer) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    precondition(fd >= 0, "cannot create \(path)")
    var done = 0
    while done < bytes.count {
        let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
        precondition(n > 0, "cannot write \(path)")
        done += n
    }
    close(fd)
}
