import Foundation
import Ingest

/// A minimal reader of a CSV file's header line, used to check a pipeline's column names
/// before anything is ingested.
///
/// Reads the first line only (up to 1 MiB), strips a UTF-8 byte-order mark, decodes it in
/// the declared encoding, splits it on the declared delimiter — or on the one of `,` `;`
/// tab that occurs most often outside quotes (ties: `,` then `;` then tab) — and removes
/// surrounding quotes (`""` inside quotes is one `"`) and spaces. A header whose quoted
/// names span lines is not supported here; Ingest's full reader handles it.
///
/// ```swift
/// try HeaderLine.read(path: "survey.csv", delimiter: .sniff, encoding: .utf8)  // ["RespNr", "q01", …]
/// ```
/// - Throws: the file system's error when the file cannot be opened or read.
enum HeaderLine {
    static func read(path: String, delimiter: IngestOptions.Delimiter, encoding: IngestOptions.Encoding) throws -> [String] {
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
        return split(decode(bytes, encoding), delimiter: delimiter)
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

    static func split(_ line: String, delimiter: IngestOptions.Delimiter) -> [String] {
        let chars = Array(line.unicodeScalars)
        let separator: Unicode.Scalar
        switch delimiter {
        case .byte(let b): separator = Unicode.Scalar(b)
        case .sniff: separator = sniff(chars)
        }
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

    private static func sniff(_ chars: [Unicode.Scalar]) -> Unicode.Scalar {
        var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
        var inQuotes = false
        for c in chars {
            if c == "\"" { inQuotes.toggle() } else if !inQuotes, counts[c] != nil { counts[c, default: 0] += 1 }
        }
        var best: Unicode.Scalar = ","
        for candidate in [";", "\t"] as [Unicode.Scalar] where counts[candidate]! > counts[best]! { best = candidate }
        return best
    }
}
