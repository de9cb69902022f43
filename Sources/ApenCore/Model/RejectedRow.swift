/// A data row that was not used, with where it is and why (METHODS §7).
///
/// `record` is the row as its fields were read, re-joined with the file's delimiter and
/// re-quoted per RFC 4180 where a field holds the delimiter, a quote, CR or LF; bytes that are
/// not valid in the declared encoding show as U+FFFD. It is not the raw bytes of the file
/// (libcsv hands over fields, not the line), but reading it back gives the same fields.
///
/// Ingest makes them, the run writes them to the rejected-rows file and the store keeps them
/// (one type from the reader to the database).
///
/// ```swift
/// row.diagnostic.description   // survey.csv:4: field 'weight': "abc" is not a number
/// ```
package struct RejectedRow: Sendable, Hashable, Codable {
    /// The source's name in the pipeline.
    package var source: String
    /// The file's path as given in the options.
    package var file: String
    /// The physical line the record starts on (header = line 1).
    package var line: Int
    /// The canonical column at fault; `nil` for a problem of the whole row (its field count).
    package var field: String?
    package var reason: String
    package var record: String

    package init(source: String, file: String, line: Int, field: String? = nil, reason: String, record: String) {
        self.source = source
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
        self.record = record
    }

    /// The row as a diagnostic: `file:line: field 'weight': "abc" is not a number`.
    package var diagnostic: Diagnostic {
        Diagnostic(SourceLocation(path: file, line: line, field: field), reason)
    }

    /// The order rejected rows are listed and stored in: source, file, line.
    package static func canonicalOrder(_ a: RejectedRow, _ b: RejectedRow) -> Bool {
        (a.source, a.file, a.line) < (b.source, b.file, b.line)
    }
}
