import Foundation
import Ingest

/// A minimal reader of a CSV file's header line, used to check a pipeline's column names
/// before anything is ingested.
///
/// Reads the first line only (up to 1 MiB), strips a UTF-8 byte-order mark, decodes it in
/// the declared encoding, splits it on the declared delimiter — or on the one of `,` `;`
/// tab that occurs most often outside quotes, as Ingest sniffs it — and removes
/// surrounding quotes (`""` inside quotes is one `"`) and spaces. A header whose quoted
/// names span lines is not supported here; Ingest's full reader handles it.
///
/// ```swift
/// try HeaderLine.read(path: "survey.csv", delimiter: .sniff, encoding: .utf8)  // ["RespNr", "q01", …]
/// ```
enum HeaderLine {
    /// The header's column names.
    /// - Throws: the file system's error when the file cannot be opened or read.
    static func read(
        path: String, delimiter: IngestOptions.Delimiter, encoding: IngestOptions.Encoding, decimalComma: Bool = false
    ) throws -> [String] {
        split(try line(path: path, encoding: encoding), delimiter: delimiter, decimalComma: decimalComma)
    }

    /// The first non-empty line, decoded, without its line end and byte-order mark.
    ///
    /// Lines end as Ingest ends them: at LF, CRLF or a lone CR (Excel for Mac's "CSV
    /// (Macintosh)" writes CR only), and empty lines before the header are skipped.
    static func line(path: String, encoding: IngestOptions.Encoding) throws -> String {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var bytes: [UInt8] = []
        var atStart = true
        reading: while bytes.count < 1 << 20, let chunk = try handle.read(upToCount: 64 * 1024), !chunk.isEmpty {
            var rest = chunk[...]
            if atStart {
                atStart = false
                if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
            }
            for b in rest {
                if b == 0x0A || b == 0x0D {
                    if bytes.isEmpty { continue }
                    break reading
                }
                bytes.append(b)
            }
        }
        return decode(bytes, encoding)
    }

    static func decode(_ bytes: [UInt8], _ encoding: IngestOptions.Encoding) -> String {
        switch encoding {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .iso88591:
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case .windows1252:
            return String(data: Data(bytes), encoding: .windowsCP1252)
                ?? String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        }
    }

    /// What Ingest trims around header names: ASCII spaces and tabs only (not U+00A0).
    static let blanks = CharacterSet(charactersIn: " \t")

    /// Splits a header line on the declared delimiter, or on the sniffed one.
    static func split(_ line: String, delimiter: IngestOptions.Delimiter, decimalComma: Bool = false) -> [String] {
        let separator: Unicode.Scalar
        switch delimiter {
        case .byte(let b): separator = Unicode.Scalar(b)
        case .sniff: separator = sniff(line, decimalComma: decimalComma).delimiter
        }
        let chars = Array(line.unicodeScalars)
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else if i + 1 == chars.count || chars[i + 1] == separator {
                        inQuotes = false
                    } else {
                        // As libcsv reads leniently: a quote not followed by the delimiter
                        // or the line end does not close the field; it is text.
                        field.append("\"")
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"", field.isEmpty {
                // As in Ingest (libcsv): a quote opens quoting only as a field's first
                // character; elsewhere it is text.
                inQuotes = true
            } else if c == separator {
                fields.append(String(field).trimmingCharacters(in: HeaderLine.blanks))
                field = String.UnicodeScalarView()
            } else {
                field.append(c)
            }
            i += 1
        }
        fields.append(String(field).trimmingCharacters(in: HeaderLine.blanks))
        return fields
    }

    /// The most frequent of `,` `;` tab outside quotes (ties: that order); with a decimal
    /// comma, `,` is not a candidate — Ingest's sniffing rule, so both read the same columns.
    static func sniff(_ line: String, decimalComma: Bool) -> (
        delimiter: Unicode.Scalar, commas: Int, semicolons: Int, tabs: Int
    ) {
        var commas = 0
        var semicolons = 0
        var tabs = 0
        var inQuotes = false
        for c in line.unicodeScalars {
            if c == "\"" {
                inQuotes.toggle()
            } else if !inQuotes {
                if c == "," { commas += 1 } else if c == ";" { semicolons += 1 } else if c == "\t" { tabs += 1 }
            }
        }
        var candidates: [(Unicode.Scalar, Int)] = [(";", semicolons), ("\t", tabs)]
        if !decimalComma { candidates.insert((",", commas), at: 0) }
        var best = candidates[0]
        for c in candidates.dropFirst() where c.1 > best.1 { best = c }
        return (best.0, commas, semicolons, tabs)
    }
}
