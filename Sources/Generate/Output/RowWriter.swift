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
    private var buffer: [UInt8] = []
    private var atRowStart = true
    private var ioFailed = false
    private(set) var rows = 0
    private static let flushAt = 1 << 20

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
        buffer.reserveCapacity(RowWriter.flushAt + 4096)
    }

    deinit {
        if !ioFailed { fclose(file) }
    }

    /// The header row: canonical names, renamed by the dialect's `headerNames`.
    func header(_ canonical: [String]) {
        for name in canonical { text(dialect.headerNames[name] ?? name) }
        endRow()
        rows = 0
    }

    @inline(__always)
    private func separator() {
        if atRowStart { atRowStart = false } else { buffer.append(dialect.delimiter) }
    }

    /// A text field, encoded in the dialect's encoding and quoted (RFC 4180) only when needed.
    func text(_ s: String) {
        separator()
        appendEncoded(s)
    }

    /// A field whose bytes are already encoded (pre-encoded vocabulary; see `encode(_:)`).
    @inline(__always)
    func raw(_ bytes: [UInt8]) {
        separator()
        buffer.append(contentsOf: bytes)
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
        buffer.append(contentsOf: prefix)
        appendInt(v, minDigits: digits)
    }

    /// `prefix`, an integer, `separator`, an integer: journal numbers such as `2021/123-2`.
    @inline(__always)
    func id(_ prefix: [UInt8], _ a: Int, _ separatorByte: UInt8, _ b: Int) {
        separator()
        buffer.append(contentsOf: prefix)
        appendInt(a, minDigits: 1)
        buffer.append(separatorByte)
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
        buffer.append(dialect.decimalComma ? UInt8(ascii: ",") : UInt8(ascii: "."))
        appendInt(frac, minDigits: digits)
    }

    /// A date in the dialect's style; `millisecondsOfDay` is used only for epoch milliseconds.
    func date(_ d: Day, millisecondsOfDay: Int = 12 * 3_600_000) {
        separator()
        switch dialect.dateStyle {
        case .iso:
            let c = d.civil
            appendInt(c.year, minDigits: 4)
            buffer.append(UInt8(ascii: "-"))
            appendInt(c.month, minDigits: 2)
            buffer.append(UInt8(ascii: "-"))
            appendInt(c.day, minDigits: 2)
        case .dayMonthYear:
            let c = d.civil
            appendInt(c.day, minDigits: 2)
            buffer.append(UInt8(ascii: "."))
            appendInt(c.month, minDigits: 2)
            buffer.append(UInt8(ascii: "."))
            appendInt(c.year, minDigits: 4)
        case .epochMilliseconds:
            appendInt(Int(d.raw) * 86_400_000 + millisecondsOfDay, minDigits: 1)
        }
    }

    /// Ends the current record with the dialect's line ending; flushes a full buffer.
    @inline(__always)
    func endRow() {
        if dialect.crlf { buffer.append(13) }
        buffer.append(10)
        atRowStart = true
        rows += 1
        if buffer.count >= RowWriter.flushAt { flush() }
    }

    private func flush() {
        guard !buffer.isEmpty, !ioFailed else { return }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        if written != buffer.count { ioFailed = true; fclose(file) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, closes and renames the file into place.
    /// - Throws: `Diagnostic` naming the path when a write, close or rename failed (disk full…).
    func finish() throws {
        flush()
        if ioFailed {
            unlink(tmpPath)
            throw Diagnostic(SourceLocation(path: path), "write failed: \(String(cString: strerror(errno)))")
        }
        ioFailed = true  // closed below; keeps deinit from closing twice
        guard fclose(file) == 0 else {
            unlink(tmpPath)
            throw Diagnostic(SourceLocation(path: path), "close failed: \(String(cString: strerror(errno)))")
        }
        guard rename(tmpPath, path) == 0 else {
            throw Diagnostic(SourceLocation(path: path), "cannot rename into place: \(String(cString: strerror(errno)))")
        }
    }

    /// Pre-encodes a vocabulary value (channel, licence, exemption basis) in the dialect's encoding,
    /// quoted if needed, for `raw(_:)`.
    func encode(_ s: String) -> [UInt8] {
        let saved = buffer
        buffer = []
        appendEncoded(s)
        let out = buffer
        buffer = saved
        return out
    }

    @inline(__always)
    private func appendInt(_ value: Int, minDigits: Int) {
        var v = value
        if v < 0 {
            buffer.append(UInt8(ascii: "-"))
            v = -v
        }
        var tmp: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                  UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &tmp) { p in
            repeat {
                p[n] = UInt8(truncatingIfNeeded: 48 + v % 10)
                v /= 10
                n += 1
            } while v > 0
            while n < minDigits {
                p[n] = 48
                n += 1
            }
            for i in stride(from: n - 1, through: 0, by: -1) { buffer.append(p[i]) }
        }
    }

    private func appendEncoded(_ s: String) {
        let needsQuote = s.utf8.contains { $0 == dialect.delimiter || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        if needsQuote { buffer.append(UInt8(ascii: "\"")) }
        switch dialect.encoding {
        case .utf8:
            for b in s.utf8 {
                if b == UInt8(ascii: "\"") { buffer.append(b) }
                buffer.append(b)
            }
        case .windows1252:
            for u in s.unicodeScalars {
                let b = RowWriter.windows1252(u)
                if b == UInt8(ascii: "\"") { buffer.append(b) }
                buffer.append(b)
            }
        }
        if needsQuote { buffer.append(UInt8(ascii: "\"")) }
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
        default: preconditionFailure("U+\(String(u.value, radix: 16)) has no Windows-1252 byte in the generator's vocabulary")
        }
    }
}
