/// How a generated file is written: the canonical form (`,`, UTF-8, ISO dates, canonical
/// headers) or the dialect of a real Norwegian export (`;`, decimal comma, `dd.MM.yyyy`,
/// Windows-1252, epoch milliseconds, Norwegian header names).
///
/// The example dataset (`datasets/example/`) is written with non-canonical dialects so that a
/// pipeline over it exercises the ingestion settings (`delimiter`, `decimal`, `date_format`,
/// `encoding`, `columns`).
///
/// ```swift
/// var d = Dialect.canonical
/// d.delimiter = UInt8(ascii: ";")
/// d.decimalComma = true
/// d.headerNames = ["weight": "vekt", "respondent_id": "RespNr"]
/// ```
package struct Dialect: Sendable, Hashable {
    /// How dates are written.
    package enum DateStyle: Sendable, Hashable {
        /// `yyyy-MM-dd`.
        case iso
        /// `dd.MM.yyyy`, common in Norwegian exports (postjournal).
        case dayMonthYear
        /// Milliseconds since 1970-01-01T00:00Z, with a deterministic time of day inside the date (UTC).
        case epochMilliseconds
    }

    /// How text is encoded.
    package enum TextEncoding: String, Sendable, Hashable {
        case utf8 = "utf-8"
        case windows1252 = "windows-1252"
    }

    /// The field separator byte (`,` by default).
    package var delimiter: UInt8 = UInt8(ascii: ",")
    /// Write decimals with `,` (as Norwegian spreadsheets do); needs a delimiter other than `,`.
    package var decimalComma = false
    package var dateStyle: DateStyle = .iso
    package var encoding: TextEncoding = .utf8
    /// Canonical column name → the header name written instead (e.g. `weight` → `vekt`).
    package var headerNames: [String: String] = [:]
    /// Add a free-text title column (`tittel`, with æøå) to publications — real journals have one;
    /// pipelines ignore it.
    package var titleColumn = false
    /// Line ending: `\n` (default) or `\r\n` (Windows exports).
    package var crlf = false

    package init() {}

    /// `,`, UTF-8, ISO dates, canonical headers, LF.
    package static let canonical = Dialect()
}
