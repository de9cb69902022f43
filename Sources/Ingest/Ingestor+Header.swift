import ApenCore

/// A CSV source's header as Ingest binds columns from it: the same libcsv reader, line rules,
/// byte-order-mark handling, delimiter sniffer and text codec as `Ingestor.read`.
package struct SourceHeader: Sendable, Equatable {
    /// The header's names, decoded in the declared encoding (bytes that are not valid in it
    /// become U+FFFD here; `read` rejects them) and without surrounding ASCII spaces and tabs,
    /// which is how `read` matches them to columns.
    package var names: [String]
    /// The physical line the header starts on (1 unless blank lines come first).
    package var line: Int
    /// The delimiter `read` will use: the declared one, or the sniffed one.
    package var delimiter: UInt8
    /// Occurrences of `,`, `;` and tab outside quotes in the header line (what the sniffer saw).
    package var commas: Int
    package var semicolons: Int
    package var tabs: Int

    /// A comma-separated header while a decimal comma is declared (and no delimiter is):
    /// `read` refuses such a file.
    package func commaSeparatedWithDecimalComma(_ options: IngestOptions) -> Bool {
        options.decimalComma && options.delimiter == .sniff
            && DelimiterSniffer.Result(delimiter: delimiter, commas: commas, semicolons: semicolons, tabs: tabs)
                .onlyCommas
    }
}

extension Ingestor {
    /// Reads only the header record of a CSV source: the names `read` binds columns from,
    /// for checking a pipeline's column names before anything is ingested.
    ///
    /// - Returns: `nil` when the file has no header (it is empty or holds only line breaks).
    /// - Throws: a `Diagnostic` naming the file when it cannot be opened or read, or when the
    ///   header record itself is malformed for libcsv (a quote left open to the end of the file).
    ///
    /// ```swift
    /// var options = IngestOptions(source: "survey", kind: .survey, path: "survey.csv")
    /// options.delimiter = .sniff
    /// try Ingestor.header(options)?.names   // ["RespNr", "aar", "vekt", …]
    /// ```
    package static func header(_ options: IngestOptions) throws -> SourceHeader? {
        // A small first block: the validator reads every source's header on every run, and
        // libcsv parses a whole block even after the first record. The sniffer sees the same
        // first line as `read`'s 1 MiB block does whenever that line ends inside 64 KiB;
        // otherwise the header is read again with `read`'s block size.
        var reader = try CSVReader(path: options.path, blockSize: 64 << 10)
        if !Self.firstLineEnds(in: reader.head), reader.head.count == 64 << 10 {
            reader = try CSVReader(path: options.path)
        }
        let sniffed = DelimiterSniffer.sniff(reader.head, decimalComma: options.decimalComma)
        let delimiter: UInt8
        switch options.delimiter {
        case .byte(let b): delimiter = b
        case .sniff: delimiter = sniffed.delimiter
        }
        let codec = TextCodec(encoding: options.encoding)
        var found: (names: [String], line: Int)?
        try reader.run(delimiter: delimiter) { record, line in
            found = ((0..<record.count).map { codec.decode(record.field($0)).trimmingHeaderSpaces }, line)
            return false
        }
        guard let found else { return nil }
        return SourceHeader(
            names: found.names, line: found.line, delimiter: delimiter, commas: sniffed.commas,
            semicolons: sniffed.semicolons, tabs: sniffed.tabs)
    }
}

extension Ingestor {
    /// Whether `head` holds the whole first line as `DelimiterSniffer` reads it: after leading
    /// line breaks, a line break outside double quotes.
    static func firstLineEnds(in head: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        while i < head.count, head[i] == 0x0A || head[i] == 0x0D { i += 1 }
        var quoted = false
        while i < head.count {
            let c = head[i]
            if c == 0x22 {
                quoted.toggle()
            } else if !quoted, c == 0x0A || c == 0x0D {
                return true
            }
            i += 1
        }
        return false
    }
}

extension String {
    /// Without leading and trailing ASCII spaces and tabs: how a header name is matched.
    var trimmingHeaderSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
