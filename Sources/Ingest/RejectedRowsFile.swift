import ApenCore
import Foundation

/// The run's rejected-rows file: `source,file,line,field,reason,record` (METHODS §7).
///
/// Fields are quoted per RFC 4180 only where needed (a comma, quote, CR or LF, or a space or
/// tab at either end), lines end with LF, and `field` is empty for a whole-row problem. The
/// file is written atomically.
///
/// ```swift
/// try RejectedRowsFile.write(summary.rejected, to: "out/rejected.csv")
/// ```
package enum RejectedRowsFile {
    package static let header = ["source", "file", "line", "field", "reason", "record"]

    /// The CSV text of `rows`, in the given order.
    package static func render(_ rows: [RejectedRow]) -> String {
        var out = header.joined(separator: ",") + "\n"
        for r in rows {
            let fields = [r.source, r.file, String(r.line), r.field ?? "", r.reason, r.record]
            out += fields.map(quote).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Writes `rows` to `path` with `AtomicFile`.
    /// - Throws: the file system's error, naming the path.
    package static func write(_ rows: [RejectedRow], to path: String) throws {
        try AtomicFile.write(render(rows), to: path)
    }

    /// RFC 4180 quoting where needed: a comma, quote, CR or LF (looked for as bytes, so a CRLF
    /// inside a value is seen too), or a leading or trailing space or tab, which some readers
    /// would otherwise trim (as `IndicatorCSV.quote` does).
    static func quote(_ s: String) -> String {
        let bytes = s.utf8
        let special = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        let padded = [bytes.first, bytes.last].contains { (b: UInt8?) in b == 0x20 || b == 0x09 }
        guard special || padded else { return s }
        var out = "\""
        for ch in s.unicodeScalars {
            if ch == "\"" { out += "\"\"" } else { out.unicodeScalars.append(ch) }
        }
        return out + "\""
    }
}
