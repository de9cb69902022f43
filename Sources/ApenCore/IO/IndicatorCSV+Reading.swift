import Foundation

extension IndicatorCSV {
    /// Reads an indicator results file (METHODS.md §1) from disk.
    ///
    /// The inverse of ``render(_:)``: `read ∘ render` gives back the same rows (in METHODS §1
    /// order). See ``parse(text:path:)`` for what is accepted.
    ///
    /// ```swift
    /// let baseline = try IndicatorCSV.read(path: "reports/baseline/example.csv")
    /// ```
    ///
    /// - Throws: a ``Diagnostic`` naming the path when the file cannot be read or is not valid
    ///   UTF-8, and the parse errors of ``parse(text:path:)``.
    public static func read(path: String) throws -> [IndicatorRow] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Diagnostic(SourceLocation(path: path), "cannot read the file: \(readReason(error))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(SourceLocation(path: path), "the file is not valid UTF-8")
        }
        return try parse(text: text, path: path)
    }

    /// Parses the text of an indicator results file (METHODS.md §1).
    ///
    /// The header names the columns `indicator, municipality, year, value, n, se, ci_low,
    /// ci_high` and optionally `breakdown`, in any order (the order ``render(_:)`` writes is
    /// `indicator,municipality,year[,breakdown],value,n,se,ci_low,ci_high`). Fields follow
    /// RFC 4180: a field in double quotes may hold commas, line breaks and doubled quotes.
    /// Spaces and tabs around a field (outside its quotes) are ignored, lines may end in LF
    /// or CRLF, a UTF-8 byte order mark is skipped, empty lines are skipped, and rows may come
    /// in any order. The rows are returned as they appear in the file.
    ///
    /// `value` must be a finite decimal number, `year` and `n` whole numbers (`n ≥ 0`);
    /// `se`, `ci_low`, `ci_high` are empty or finite numbers. Two rows with the same
    /// (indicator, municipality, year, breakdown) make the file invalid.
    ///
    /// ```swift
    /// let rows = try IndicatorCSV.parse(text: "indicator,municipality,year,value,n,se,ci_low,ci_high\n"
    ///     + "foi.granted_share,5001,2023,0.75,4,,,\n", path: "baseline.csv")
    /// // rows[0].value == 0.75, rows[0].se == nil
    /// ```
    ///
    /// - Throws: a ``Diagnostic`` `path:line: reason` for the first problem, where `line` is the
    ///   physical line on which the record starts (header = line 1, as in METHODS.md §7):
    ///   an unknown, duplicate or missing header column, a wrong number of fields, a field that is
    ///   not a number, a quote left open, a duplicate row.
    public static func parse(text: String, path: String) throws -> [IndicatorRow] {
        var reader = _IndicatorCSVRecordReader(text: text, path: path)
        guard let header = try reader.next() else {
            throw Diagnostic(SourceLocation(path: path, line: 1), "empty file: expected the header \(expectedHeaderText)")
        }
        let columns = try HeaderColumns(header.fields, path: path, line: header.line)
        var rows: [IndicatorRow] = []
        var firstLine: [RowKeyText: Int] = [:]
        while let record = try reader.next() {
            let row = try columns.row(from: record.fields, path: path, line: record.line)
            let key = RowKeyText(row)
            if let first = firstLine[key] {
                throw Diagnostic(
                    SourceLocation(path: path, line: record.line),
                    "duplicate row for indicator '\(row.indicator)', municipality '\(row.municipality)', year \(row.year)"
                        + (row.breakdown.isEmpty ? "" : ", breakdown '\(row.breakdown)'")
                        + " (first on line \(first))")
            }
            firstLine[key] = record.line
            rows.append(row)
        }
        return rows
    }

    static let expectedHeaderText = "indicator,municipality,year[,breakdown],value,n,se,ci_low,ci_high"

    private static func readReason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if ns.domain == NSCocoaErrorDomain, ns.code == NSFileReadNoSuchFileError { return "no such file" }
        return ns.localizedDescription
    }
}

/// The identity of a row, for duplicate detection.
private struct RowKeyText: Hashable {
    var indicator: String
    var municipality: String
    var year: Int
    var breakdown: String
    init(_ r: IndicatorRow) {
        indicator = r.indicator
        municipality = r.municipality
        year = r.year
        breakdown = r.breakdown
    }
}

/// Where each METHODS §1 column sits in the file's header.
private struct HeaderColumns {
    var indicator = -1, municipality = -1, year = -1, breakdown = -1
    var value = -1, n = -1, se = -1, ciLow = -1, ciHigh = -1
    var count = 0

    init(_ names: [String], path: String, line: Int) throws {
        count = names.count
        for (i, raw) in names.enumerated() {
            let name = raw.hasPrefix("\u{FEFF}") ? String(raw.dropFirst()) : raw
            let slot: WritableKeyPath<HeaderColumns, Int>
            switch name {
            case "indicator": slot = \.indicator
            case "municipality": slot = \.municipality
            case "year": slot = \.year
            case "breakdown": slot = \.breakdown
            case "value": slot = \.value
            case "n": slot = \.n
            case "se": slot = \.se
            case "ci_low": slot = \.ciLow
            case "ci_high": slot = \.ciHigh
            default:
                throw Diagnostic(
                    SourceLocation(path: path, line: line),
                    "unknown column '\(name)' in the header (expected \(IndicatorCSV.expectedHeaderText))")
            }
            guard self[keyPath: slot] < 0 else {
                throw Diagnostic(SourceLocation(path: path, line: line), "column '\(name)' appears twice in the header")
            }
            self[keyPath: slot] = i
        }
        let required: [(String, Int)] = [
            ("indicator", indicator), ("municipality", municipality), ("year", year), ("value", value),
            ("n", n), ("se", se), ("ci_low", ciLow), ("ci_high", ciHigh),
        ]
        let absent = required.filter { $0.1 < 0 }.map(\.0)
        guard absent.isEmpty else {
            throw Diagnostic(
                SourceLocation(path: path, line: line),
                "the header lacks \(absent.map { "'\($0)'" }.joined(separator: ", ")) (found: \(names.joined(separator: ",")))")
        }
    }

    func row(from f: [String], path: String, line: Int) throws -> IndicatorRow {
        guard f.count == count else {
            throw Diagnostic(SourceLocation(path: path, line: line), "expected \(count) fields, found \(f.count)")
        }
        func fail(_ field: String, _ message: String) -> Diagnostic {
            Diagnostic(SourceLocation(path: path, line: line, field: field), message)
        }
        func number(_ i: Int, _ field: String) throws -> Double {
            guard let v = Self.decimal(f[i]) else {
                throw fail(field, f[i].isEmpty ? "is empty, expected a number" : "\"\(f[i])\" is not a number")
            }
            return v
        }
        func optionalNumber(_ i: Int, _ field: String) throws -> Double? {
            f[i].isEmpty ? nil : try number(i, field)
        }
        func whole(_ i: Int, _ field: String) throws -> Int {
            guard let v = Int(f[i]) else {
                throw fail(field, f[i].isEmpty ? "is empty, expected a whole number" : "\"\(f[i])\" is not a whole number")
            }
            return v
        }
        guard !f[indicator].isEmpty else { throw fail("indicator", "is empty") }
        guard !f[municipality].isEmpty else { throw fail("municipality", "is empty") }
        let n = try whole(self.n, "n")
        guard n >= 0 else { throw fail("n", "\(n) is negative") }
        return IndicatorRow(
            indicator: f[indicator], municipality: f[municipality], year: try whole(year, "year"),
            breakdown: breakdown >= 0 ? f[breakdown] : "",
            value: try number(value, "value"), n: n,
            se: try optionalNumber(se, "se"), ciLow: try optionalNumber(ciLow, "ci_low"),
            ciHigh: try optionalNumber(ciHigh, "ci_high"))
    }

    /// A finite decimal number (`-1.5`, `2e-05`, `.5`); not `nan`, `inf` or hexadecimal,
    /// which `Double(_:)` would accept.
    static func decimal(_ s: String) -> Double? {
        guard !s.isEmpty,
            s.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45 }),
            let v = Double(s), v.isFinite
        else { return nil }
        return v
    }
}

/// Splits CSV text into records (RFC 4180), remembering the line on which each starts.
///
/// Fields are trimmed of spaces and tabs outside quotes; quoted content is kept verbatim.
struct _IndicatorCSVRecordReader {
    private let bytes: [UInt8]
    private let path: String
    private var i = 0
    private var line = 1

    init(text: String, path: String) {
        var b = Array(text.utf8)
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        bytes = b
        self.path = path
    }

    private static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
    private static let space: UInt8 = 0x20, tab: UInt8 = 0x09

    /// The next non-empty record and its starting line, or `nil` at the end of the text.
    mutating func next() throws -> (fields: [String], line: Int)? {
        while i < bytes.count {
            let start = line
            var fields: [String] = []
            var blank = true
            while true {
                let (field, wasQuoted, end) = try readField(recordLine: start)
                if !field.isEmpty || wasQuoted { blank = false }
                fields.append(field)
                if end == Self.comma {
                    blank = false
                    continue
                }
                break
            }
            if blank { continue }  // an empty (or whitespace-only) line
            return (fields, start)
        }
        return nil
    }

    /// Reads one field up to and including its terminator (comma, line end or end of text).
    private mutating func readField(recordLine: Int) throws -> (String, Bool, UInt8?) {
        skipBlanks()
        var value: [UInt8] = []
        var quoted = false
        if i < bytes.count, bytes[i] == Self.quote {
            quoted = true
            let openLine = line
            i += 1
            while true {
                guard i < bytes.count else {
                    throw Diagnostic(
                        SourceLocation(path: path, line: recordLine),
                        "a quote opened on line \(openLine) is never closed")
                }
                let c = bytes[i]
                if c == Self.quote {
                    if i + 1 < bytes.count, bytes[i + 1] == Self.quote {
                        value.append(Self.quote)
                        i += 2
                        continue
                    }
                    i += 1
                    break
                }
                if c == Self.lf { line += 1 }
                value.append(c)
                i += 1
            }
            skipBlanks()
            if i < bytes.count, bytes[i] != Self.comma, bytes[i] != Self.cr, bytes[i] != Self.lf {
                throw Diagnostic(
                    SourceLocation(path: path, line: line),
                    "unexpected text after a closing quote (a quote inside a quoted field is written \"\")")
            }
        } else {
            while i < bytes.count {
                let c = bytes[i]
                if c == Self.comma || c == Self.cr || c == Self.lf { break }
                if c == Self.quote {
                    throw Diagnostic(
                        SourceLocation(path: path, line: line),
                        "a quote inside an unquoted field (quote the whole field and write the quote as \"\")")
                }
                value.append(c)
                i += 1
            }
            while let last = value.last, last == Self.space || last == Self.tab { value.removeLast() }
        }
        var terminator: UInt8? = nil
        if i < bytes.count {
            let c = bytes[i]
            i += 1
            if c == Self.comma {
                terminator = Self.comma
            } else {
                terminator = Self.lf
                if c == Self.cr, i < bytes.count, bytes[i] == Self.lf { i += 1 }
                line += 1
            }
        }
        return (String(decoding: value, as: UTF8.self), quoted, terminator)
    }

    private mutating func skipBlanks() {
        while i < bytes.count, bytes[i] == Self.space || bytes[i] == Self.tab { i += 1 }
    }
}
