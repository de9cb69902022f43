// libFuzzer target, differential: the pipeline validator's header reader (`HeaderLine`,
// Pipeline) against the header Ingest itself binds columns from (`CSVReader` + the
// delimiter rules of `Ingestor`).
//
// `apen validate` and every run check a source's column names against `HeaderLine`
// before anything is ingested. If the two readers disagree, the validator rejects a file
// Ingest reads (the run cannot start) or accepts names Ingest then does not find.
//
// Input layout: byte 0 chooses the encoding, the delimiter (sniffed or declared) and the
// decimal comma; the rest is the file. Headers whose quoted names span lines (or whose
// first line leaves a quote open) are skipped: `HeaderLine` documents that it does not
// support them.
import ApenCore
import FuzzSupport
@testable import Ingest
@testable import Pipeline

#if canImport(Glibc)
    import Glibc
#endif

nonisolated(unsafe) private var scratchPath: String = {
    let dir = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    return "\(dir)/apen-fuzz-header-\(getpid()).csv"
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count >= 1 else { return 0 }
    let h = start[0]
    var options = IngestOptions(source: "fuzz", kind: .population, path: scratchPath)
    options.encoding = IngestOptions.Encoding.allCases[Int(h & 3) % 3]
    switch (h >> 2) & 3 {
    case 0: options.delimiter = .sniff
    case 1: options.delimiter = .byte(0x2C)
    case 2: options.delimiter = .byte(0x3B)
    default: options.delimiter = .byte(0x09)
    }
    options.decimalComma = h & 0x10 != 0 && options.delimiter != .byte(0x2C)
    let body = UnsafeRawBufferPointer(start: start + 1, count: count - 1)
    writeFile(scratchPath, body)
    defer { unlink(scratchPath) }

    // An odd number of quotes on the first line leaves a quote open past its end, for
    // Ingest's delimiter sniffer too: a header spanning lines, which HeaderLine does not read.
    let bytes = UnsafeBufferPointer(start: start + 1, count: count - 1)
    var first = bytes[...]
    if first.starts(with: [0xEF, 0xBB, 0xBF]) { first = first.dropFirst(3) }
    first = first.drop { $0 == 0x0A || $0 == 0x0D }
    let line = first.prefix { $0 != 0x0A && $0 != 0x0D }
    if line.filter({ $0 == 0x22 }).count % 2 == 1 { return 0 }

    guard let ingest = ingestHeader(options) else { return 0 }
    let validator: [String]
    do {
        validator = try HeaderLine.read(
            path: scratchPath, delimiter: options.delimiter, encoding: options.encoding,
            decimalComma: options.decimalComma)
    } catch {
        fatalError("HeaderLine cannot read a file Ingest reads: \(error)")
    }
    check(
        validator == ingest,
        "header names differ: validator \(validator.map(\.debugDescription)), Ingest \(ingest.map(\.debugDescription))")
    return 0
}

/// The names Ingest binds columns by: the first record, decoded, ASCII blanks trimmed
/// (RowProcessor.bindHeader). `nil` when Ingest would fail on the header or the header
/// spans lines.
func ingestHeader(_ options: IngestOptions) -> [String]? {
    guard let reader = try? CSVReader(path: options.path),
        let delimiter = try? Ingestor.resolveDelimiter(options, head: reader.head)
    else { return nil }
    let codec = TextCodec(encoding: options.encoding)
    var names: [String]?
    _ = try? reader.run(delimiter: delimiter) { record, _ in
        if record.innerLineBreaks > 0 { return false }
        var fields: [String] = []
        for i in 0..<record.count {
            let cell = record.field(i)
            guard codec.isValid(cell) else { return false }
            let name = codec.decode(cell)
            // A blank followed by a combining mark is one Character, which Ingest's trim keeps
            // and HeaderLine's (by scalar) removes; no real header starts that way.
            guard trimmingBlanks(name).unicodeScalars.elementsEqual(trimmingBlankScalars(name)) else { return false }
            fields.append(trimmingBlanks(name))
        }
        names = fields
        return false
    }
    return names
}

func trimmingBlanks(_ s: String) -> String {
    var t = Substring(s)
    while let f = t.first, f == " " || f == "\t" { t.removeFirst() }
    while let l = t.last, l == " " || l == "\t" { t.removeLast() }
    return String(t)
}

func trimmingBlankScalars(_ s: String) -> String.UnicodeScalarView.SubSequence {
    var t = s.unicodeScalars[...]
    while let f = t.first, f == " " || f == "\t" { t.removeFirst() }
    while let l = t.last, l == " " || l == "\t" { t.removeLast() }
    return t
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
