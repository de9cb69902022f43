import ApenCore
import Foundation

/// Streams CSV rows as bytes into a file through a 1 MiB buffer — no `String` per row.
///
/// Fields are appended one by one (the writer puts the delimiter between them) and `endRow()`
/// closes the record. Text goes through the dialect's encoding; dates through its date style.
/// The file is written under a temporary name and renamed into place by `finish()`, so an
/// interrupted run never leaves a half file that looks complete.
///
/// ```swift
/// let w = try RowWriter(path: "out/population.csv", dialect: .canonical)
/// w.header(["municipality", "year", "population"])
/// w.text("5001"); w.int(2024); w.int(214_565); w.endRow()
/// try w.finish()
/// ```
///
/// Not `Sendable`: one writer belongs to one generating task.
final class RowWriter {
    let dialect: Dialect
    let path: String
    private let tmpPath: String
    private let file: UnsafeMutablePointer<FILE>
    /// The output buffer: `capacity` bytes, flushed whenever a field might not fit.
    private let storage: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var atRowStart = true
    private var ioFailed = false
    private var closed = false
    private(set) var rows = 0
    private static let capacity = 1 << 20
    /// Encoded `yyyy-MM-dd` / `dd.MM.yyyy` text of every day from `firstCachedDay`, 10 bytes each,
    /// filled on first use (dates are most of a log's bytes; the civil conversion is done once per day).
    private var dateCache: [UInt8] = []
    private var dateCached: [Bool] = []
    private static let firstCachedDay = Day(year: 1990, month: 1, day: 1)!.raw
    private static let cachedDays = 40_000

    /// Opens `path` (through a temporary sibling) for writing.
    /// - Throws: `Diagnostic` when the file cannot be created.
    init(path: String, dialect: Dialect) throws {
        self.path = path
        self.dialect = dialect
        self.tmpPath = path + ".partial"
        guard let f = fopen(tmpPath, "wb") else {
            throw Diagnostic(SourceLocation(path: path), "cannot create file: \(String(cString: strerror(errno)))")
        }
        file = f
        storage = .allocate(capacity: RowWriter.capacity)
    }

    deinit {
        if !closed { fclose(file) }
        storage.deallocate()
    }

    /// The header row: canonical names, renamed by the dialect's `headerNames`.
    func header(_ canonical: [String]) {
        for name in canonical { text(dialect.headerNames[name] ?? name) }
        endRow()
        rows = 0
    }

    /// Makes room for `n` more bytes.
    @inline(__always)
    private func reserve(_ n: Int) {
        if count + n > RowWriter.capacity { flush() }
    }

    @inline(__always)
    private func put(_ b: UInt8) {
        storage[count] = b
        count &+= 1
    }

    /// Appends bytes, leaving room for a number after them (callers append one right away).
    @inline(__always)
    private func put(_ bytes: [UInt8]) {
        reserve(bytes.count + 32)
        if bytes.count + 32 > RowWriter.capacity {  // a huge text value: write it straight through
            flush()
            if !ioFailed, fwrite(bytes, 1, bytes.count, file) != bytes.count { ioFailed = true }
            return
        }
        bytes.withUnsafeBufferPointer { p in
            if let base = p.baseAddress { (storage + count).update(from: base, count: p.count) }
        }
        count += bytes.count
    }

    @inline(__always)
    private func separator() {
        reserve(64)
        if atRowStart { atRowStart = false } else { put(dialect.delimiter) }
    }

    /// A text field, encoded in the dialect's encoding and quoted (RFC 4180) only when needed.
    func text(_ s: String) {
        separator()
        put(encode(s))
    }

    /// A field whose bytes are already encoded (pre-encoded vocabulary; see `encode(_:)`).
    @inline(__always)
    func raw(_ bytes: [UInt8]) {
        separator()
        put(bytes)
    }

    /// An empty (missing) field.
    @inline(__always)
    func empty() { separator() }

    /// A non-negative or negative integer in decimal.
    @inline(__always)
    func int(_ v: Int) {
        separator()
        appendInt(v, minDigits: 1)
    }

    /// `prefix` bytes then an integer zero-padded to `digits` (ids such as `5001-2021-00042`).
    @inline(__always)
    func id(_ prefix: [UInt8], _ v: Int, digits: Int) {
        separator()
        put(prefix)
        appendInt(v, minDigits: digits)
    }

    /// `prefix`, an integer, `separator`, an integer: journal numbers such as `2021/123-2`.
    @inline(__always)
    func id(_ prefix: [UInt8], _ a: Int, _ separatorByte: UInt8, _ b: Int) {
        separator()
        put(prefix)
        appendInt(a, minDigits: 1)
        put(separatorByte)
        appendInt(b, minDigits: 1)
    }

    /// A decimal with three fraction digits from an integer count of thousandths (`1274` → `1.274`),
    /// trailing zeros dropped (`1500` → `1.5`, `2000` → `2`), with the dialect's decimal mark.
    func thousandths(_ v: Int) {
        precondition(v >= 0)
        separator()
        appendInt(v / 1000, minDigits: 1)
        var frac = v % 1000
        if frac == 0 { return }
        var digits = 3
        while frac % 10 == 0 {
            frac /= 10
            digits -= 1
        }
        put(dialect.decimalComma ? UInt8(ascii: ",") : UInt8(ascii: "."))
        appendInt(frac, minDigits: digits)
    }

    /// A date in the dialect's style; `millisecondsOfDay` is used only for epoch milliseconds.
    func date(_ d: Day, millisecondsOfDay: Int = 12 * 3_600_000) {
        separator()
        if dialect.dateStyle == .epochMilliseconds {
            appendInt(Int(d.raw) * 86_400_000 + millisecondsOfDay, minDigits: 1)
            return
        }
        let i = Int(d.raw - RowWriter.firstCachedDay)
        guard i >= 0, i < RowWriter.cachedDays else {
            appendDate(d)
            return
        }
        if dateCache.isEmpty {
            dateCache = [UInt8](repeating: 0, count: RowWriter.cachedDays * 10)
            dateCached = [Bool](repeating: false, count: RowWriter.cachedDays)
        }
        if !dateCached[i] {
            let start = count
            appendDate(d)
            for k in 0..<10 { dateCache[i * 10 + k] = storage[start + k] }
            dateCached[i] = true
            return
        }
        dateCache.withUnsafeBufferPointer { p in (storage + count).update(from: p.baseAddress! + i * 10, count: 10) }
        count += 10
    }

    /// Writes the 10 bytes of `d` in the dialect's text style.
    private func appendDate(_ d: Day) {
        let c = d.civil
        if dialect.dateStyle == .dayMonthYear {
            appendInt(c.day, minDigits: 2)
            put(UInt8(ascii: "."))
            appendInt(c.month, minDigits: 2)
            put(UInt8(ascii: "."))
            appendInt(c.year, minDigits: 4)
        } else {
            appendInt(c.year, minDigits: 4)
            put(UInt8(ascii: "-"))
            appendInt(c.month, minDigits: 2)
            put(UInt8(ascii: "-"))
            appendInt(c.day, minDigits: 2)
        }
    }

    /// Ends the current record with the dialect's line ending.
    @inline(__always)
    func endRow() {
        reserve(2)
        if dialect.crlf { put(13) }
        put(10)
        atRowStart = true
        rows += 1
    }

    private func flush() {
        guard count > 0 else { return }
        if !ioFailed, fwrite(storage, 1, count, file) != count { ioFailed = true }
        count = 0
    }

    /// Flushes, closes and renames the file into place.
    /// - Throws: `Diagnostic` naming the path when a write, close or rename failed (disk full…).
    func finish() throws {
        flush()
        closed = true
        let closeFailed = fclose(file) != 0
        if ioFailed || closeFailed {
            let reason = String(cString: strerror(errno))
            unlink(tmpPath)
            throw Diagnostic(SourceLocation(path: path), "write failed: \(reason)")
        }
        guard rename(tmpPath, path) == 0 else {
            throw Diagnostic(
                SourceLocation(path: path), "cannot rename into place: \(String(cString: strerror(errno)))")
        }
    }

    /// Encodes a text value in the dialect's encoding, quoted (RFC 4180) if it holds the
    /// delimiter, a quote or a line break — for `raw(_:)` (vocabulary is encoded once).
    func encode(_ s: String) -> [UInt8] {
        let needsQuote = s.utf8.contains { $0 == dialect.delimiter || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        var out: [UInt8] = []
        if needsQuote { out.append(UInt8(ascii: "\"")) }
        switch dialect.encoding {
        case .utf8:
            for b in s.utf8 {
                if b == UInt8(ascii: "\"") { out.append(b) }
                out.append(b)
            }
        case .windows1252:
            for u in s.unicodeScalars {
                let b = RowWriter.windows1252(u)
                if b == UInt8(ascii: "\"") { out.append(b) }
                out.append(b)
            }
        }
        if needsQuote { out.append(UInt8(ascii: "\"")) }
        return out
    }

    /// Decimal digits of `value` (at least `minDigits`, zero-padded); at most 21 bytes.
    @inline(__always)
    private func appendInt(_ value: Int, minDigits: Int) {
        var v = value.magnitude
        if value < 0 { put(UInt8(ascii: "-")) }
        var n = 1
        var probe = v / 10
        while probe > 0 {
            n += 1
            probe /= 10
        }
        let width = max(n, minDigits)
        var i = count + width - 1
        for _ in 0..<n {
            storage[i] = UInt8(truncatingIfNeeded: 48 &+ v % 10)
            v /= 10
            i -= 1
        }
        while i >= count {
            storage[i] = 48
            i -= 1
        }
        count += width
    }

    /// The Windows-1252 byte of a scalar: ASCII and Latin-1 (U+00A0–U+00FF, æøåÆØÅ §) map to
    /// themselves; the typographic marks the generator uses map to their 0x80–0x9F slots.
    static func windows1252(_ u: Unicode.Scalar) -> UInt8 {
        switch u.value {
        case 0..<0x80, 0xA0...0xFF: return UInt8(u.value)
        case 0x20AC: return 0x80  // €
        case 0x2013: return 0x96  // –
        case 0x2014: return 0x97  // —
        case 0x2019: return 0x92  // ’
        case 0x201C: return 0x93  // “
        case 0x201D: return 0x94  // ”
        default:
            preconditionFailure(
                "U+\(String(u.value, radix: 16)) has no Windows-1252 byte in the generator's vocabulary")
        }
    }
}
