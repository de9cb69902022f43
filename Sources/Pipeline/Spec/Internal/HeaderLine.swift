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

    /// The first line, decoded, without its line end and byte-order mark.
    static func line(path: String, encoding: IngestOptions.Encoding) throws -> String {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var bytes: [UInt8] = []
        while bytes.count < 1 << 20, let chunk = try handle.read(upToCount: 64 * 1024), !chunk.isEmpty {
            if let newline = chunk.firstIndex(of: 0x0A) {
                bytes += chunk[chunk.startIndex..<newline]
                break
            }
            bytes += chunk
        }
        if bytes.last == 0x0D { bytes.removeLast() }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
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
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
            } else if c == separator {
                fields.append(String(field).trimmingCharacters(in: .whitespaces))
                field = String.UnicodeScalarView()
            } else {
                field.append(c)
            }
            i += 1
        }
        fields.append(String(field).trimmingCharacters(in: .whitespaces))
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
