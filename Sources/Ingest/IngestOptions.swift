import ApenCore

/// Everything needed to read one source file: the same settings from `apen ingest` flags
/// or a pipeline's `sources:` entry.
///
/// Only `source`, `kind` and `path` are needed; the rest default to a UTF-8, sniffed-delimiter,
/// ISO-date file with canonical header names. `docs/ingest.md` describes every rule.
///
/// ```swift
/// var options = IngestOptions(source: "survey", kind: .survey, path: "data/trondheim-2019.csv")
/// options.delimiter = .byte(UInt8(ascii: ";"))
/// options.decimalComma = true
/// options.encoding = .windows1252
/// options.columns = ["respondent_id": "id"]
/// options.fixed = ["municipality": "5001", "year": "2019"]
/// options.survey = SurveySettings(scales: [ScaleSpec(name: "trust", items: ["q1", "q2", "q3"])])
/// ```
package struct IngestOptions: Sendable, Hashable {
    package enum Delimiter: Sendable, Hashable {
        /// Sniffed from the header line among `,`, `;` and tab.
        case sniff
        case byte(UInt8)
    }

    package enum Encoding: String, Sendable, Hashable, CaseIterable {
        case utf8 = "utf-8"
        case windows1252 = "windows-1252"
        case iso88591 = "iso-8859-1"
    }

    /// How date cells are written.
    package enum DateFormat: Sendable, Hashable {
        /// `yyyy-MM-dd`, optionally followed by `T`/space and a time and zone (ignored).
        case iso
        /// A pattern of `dd`, `MM`, `yyyy` (and `d`, `M`) with literal separators, e.g. `dd.MM.yyyy`.
        case pattern(String)
        case epochSeconds
        case epochMilliseconds
    }

    /// How the file is laid out (docs/ingest.md, "JSON sources").
    package enum Format: Sendable, Hashable {
        /// Delimited text (RFC 4180), read through libcsv.
        case csv
        /// One JSON document: a top-level array of record objects, or an object holding that
        /// array at the dotted path `records` (`"data.items"`).
        case json(records: String?)
        /// JSON Lines: one record object per line, read in constant memory.
        case jsonLines
        /// A JSON-stat 2.0 dataset (population sources): one record per cell.
        case jsonStat(JSONStatLayout)
    }

    /// How a JSON-stat dataset's dimensions become population rows.
    package struct JSONStatLayout: Sendable, Hashable {
        /// The dimension holding the municipality (statistikkbank: `Region`).
        package var municipality: String = "Region"
        /// The dimension holding the year (statistikkbank: `Tid`).
        package var year: String = "Tid"
        /// Dimensions whose categories are added up (e.g. `Kjonn`, `Alder`).
        package var sum: [String] = []
        package init() {}
    }

    /// Source name in the pipeline, used in messages and the rejected-rows file.
    package var source: String
    package var kind: SourceKind
    package var path: String
    package var delimiter: Delimiter = .sniff
    package var encoding: Encoding = .utf8
    /// The decimal separator: `.` (default) or `,`.
    package var decimalComma: Bool = false
    package var dateFormat: DateFormat = .iso
    /// The layout of the file: CSV (default), JSON, JSON Lines or JSON-stat.
    package var format: Format = .csv
    /// Cells equal to one of these texts are empty (statistical symbols such as `..`, `:`).
    package var na: [String] = []
    /// Canonical column → (text in the file → canonical value), applied before validation.
    /// A value neither mapped nor already canonical rejects the row.
    package var values: [String: [String: String]] = [:]
    /// Canonical column → regular expression; a cell becomes the first capture group's text.
    /// A cell the expression does not match rejects the row.
    package var extract: [String: String] = [:]
    /// An IANA time zone: a timestamp with an offset (or `Z`), and epoch seconds or
    /// milliseconds, count on the calendar day they fall on in this zone. `nil`: the day
    /// written (and the UTC day of an epoch).
    package var timeZone: String?
    /// Left-pad all-digit municipality numbers with zeros to this many digits; a cell that
    /// is not all digits rejects the row (METHODS §8).
    package var municipalityDigits: Int?
    /// Map every municipality number to the structure of 1 January of this year after
    /// reading (METHODS §8, `MunicipalityCrosswalk`). `nil`: numbers are kept as read.
    package var harmoniseTo: Int?
    /// Canonical column name → header name in the file.
    package var columns: [String: String] = [:]
    /// Canonical column name → value for every row (group columns the file lacks), checked
    /// like a cell of its column. A fixed column wins over a file column of the same name.
    package var fixed: [String: String] = [:]
    /// Share of data rows that may be rejected before the source fails (METHODS §7; default 0).
    package var maxRejected: Double = 0
    /// Survey only: Likert range, missing codes and the scales whose items are read.
    package var survey: SurveySettings = SurveySettings()
    /// Access requests only: the day the log was exported (`extracted:`, METHODS.md §5), as
    /// days since 1970; an answer dated after it rejects the row.
    package var extracted: Int32?
    /// Copy the validated rows into the store's typed table for this source (read by the
    /// caller; `Ingestor` itself ignores it).
    package var keepRows: Bool = false
    /// Optional canonical columns no later stage reads: they are skipped like extra columns
    /// (not stored, not checked), so a national-scale run does not hold ten million event ids.
    /// Required columns and survey items are always read.
    package var unusedColumns: Set<String> = []

    /// Declared extra columns (`extra:`, METHODS §1 "Extra columns"): name → header and type.
    /// Read and validated like canonical columns, unless listed in `unusedColumns`.
    package var extra: [String: ExtraColumn] = [:]

    package init(source: String, kind: SourceKind, path: String) {
        self.source = source
        self.kind = kind
        self.path = path
    }
}

/// A column a source declares beyond its kind's canonical ones (METHODS §1 "Extra columns").
package struct ExtraColumn: Sendable, Hashable {
    /// How an extra column's cells are read.
    package enum ExtraType: String, Sendable, Hashable, CaseIterable {
        /// Any text; empty is missing.
        case text
        /// A number (the source's decimal separator); stored as a number column.
        case number
        /// A whole number; stored as a number column.
        case integer
        /// A day in the source's date format; stored as a date column.
        case date
        /// true/false, yes/no, ja/nei, 1/0 (any case); stored as a number column of 1 and 0.
        case boolean

        /// The type of the column in the ingested table.
        package var columnType: ColumnType {
            switch self {
            case .text: return .text
            case .number, .integer, .boolean: return .number
            case .date: return .date
            }
        }
    }

    /// The header name in the file (the column's own name unless mapped).
    package var header: String
    package var type: ExtraType

    package init(header: String, type: ExtraType) {
        self.header = header
        self.type = type
    }
}
