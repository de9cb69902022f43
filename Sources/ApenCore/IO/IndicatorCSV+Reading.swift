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
    /// ci_high` and optionally `breakdown`, `df` and `flag`, in any order (the order
    /// ``render(_:)`` writes is `indicator,municipality,year[,breakdown],value,n,se,ci_low,ci_high,df,flag`;
    /// files written before METHODS revision 2 have no `df` and `flag`). Fields follow
    /// RFC 4180: a field in double quotes may hold commas, line breaks and doubled quotes.
    /// Spaces and tabs around a field (outside its quotes) are ignored, lines may end in LF
    /// or CRLF, a UTF-8 byte order mark is skipped, empty lines are skipped, and rows may come
    /// in any order. The rows are returned as they appear in the file.
    ///
    /// `value` must be a finite decimal number, `year` and `n` whole numbers (`n ≥ 0`);
    /// `se`, `ci_low`, `ci_high` are empty or finite numbers; `df` empty or a whole number ≥ 0;
    /// `flag` empty or `;`-separated flag names (`low_n`, `df_lt_8`, `imputed`). Two rows with the same
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
        var reader = IndicatorCSVRecordReader(text: text, path: path)
        guard try reader.next() else {
            throw Diagnostic(
                SourceLocation(path: path, line: 1), "empty file: expected the header \(expectedHeaderText)")
        }
        var columns = try IndicatorCSVColumns(reader.fields.map(reader.text), path: path, line: reader.line)
        var rows: [IndicatorRow] = []
        var firstLine: [RowKeyText: Int] = [:]
        while try reader.next() {
            let row = try columns.row(from: reader, path: path)
            let key = RowKeyText(row)
            if let first = firstLine.updateValue(reader.line, forKey: key) {
                throw Diagnostic(
                    SourceLocation(path: path, line: reader.line),
                    "duplicate row for indicator '\(row.indicator)', municipality '\(row.municipality)', year \(row.year)"
                        + (row.breakdown.isEmpty ? "" : ", breakdown '\(row.breakdown)'")
                        + " (first on line \(first))")
            }
            rows.append(row)
        }
        return rows
    }

    static let expectedHeaderText = "indicator,municipality,year[,breakdown],value,n,se,ci_low,ci_high[,df,flag]"

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

/// Where each METHODS §1 column sits in the file's header, and the conversion of a record.
///
/// Numbers are parsed from the bytes in place (`strtod` over the field, after checking it
/// holds only decimal characters) and repeated indicator and municipality texts reuse the
/// previous row's `String`: a national baseline (10⁵ rows) reads in a fraction of a second.
struct IndicatorCSVColumns {
    var indicator = -1, municipality = -1, year = -1, breakdown = -1
    var value = -1, n = -1, se = -1, ciLow = -1, ciHigh = -1, df = -1, flag = -1
    var count = 0
    private var lastIndicator = "", lastMunicipality = ""

    init(_ names: [String], path: String, line: Int) throws {
        count = names.count
        for (i, name) in names.enumerated() {
            let slot: WritableKeyPath<IndicatorCSVColumns, Int>
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
            case "df": slot = \.df
            case "flag": slot = \.flag
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
                "the header lacks \(absent.map { "'\($0)'" }.joined(separator: ", ")) (found: \(names.joined(separator: ",")))"
            )
        }
    }

    mutating func row(from r: IndicatorCSVRecordReader, path: String) throws -> IndicatorRow {
        let f = r.fields
        let line = r.line
        guard f.count == count else {
            throw Diagnostic(SourceLocation(path: path, line: line), "expected \(count) fields, found \(f.count)")
        }
        func fail(_ field: String, _ message: String) -> Diagnostic {
            Diagnostic(SourceLocation(path: path, line: line, field: field), message)
        }
        func number(_ i: Int, _ field: String) throws -> Double {
            guard let v = r.decimal(f[i]) else {
                let t = r.text(f[i])
                throw fail(field, t.isEmpty ? "is empty, expected a number" : "\"\(t)\" is not a number")
            }
            return v
        }
        func optionalNumber(_ i: Int, _ field: String) throws -> Double? {
            f[i].isEmpty ? nil : try number(i, field)
        }
        func whole(_ i: Int, _ field: String) throws -> Int {
            guard let v = r.integer(f[i]) else {
                let t = r.text(f[i])
                throw fail(field, t.isEmpty ? "is empty, expected a whole number" : "\"\(t)\" is not a whole number")
            }
            return v
        }
        guard !f[indicator].isEmpty else { throw fail("indicator", "is empty") }
        // Only a composite's yearly summary (METHODS §6: the mean shift, Sobol indices) has an
        // empty municipality; anywhere else an empty municipality is an error.
        guard !f[municipality].isEmpty || r.text(f[indicator]).hasPrefix("composite.") else {
            throw fail("municipality", "is empty (only composite summary rows have no municipality)")
        }
        let n = try whole(self.n, "n")
        guard n >= 0 else { throw fail("n", "\(n) is negative") }
        var degrees: Int?
        if df >= 0, !f[df].isEmpty {
            let d = try whole(df, "df")
            guard d >= 0 else { throw fail("df", "\(d) is negative") }
            degrees = d
        }
        var flags = IndicatorFlags()
        if flag >= 0 {
            let t = r.text(f[flag])
            guard let parsed = IndicatorFlags(text: t) else {
                let known = IndicatorFlags.names.map(\.text).joined(separator: ", ")
                throw fail("flag", "\"\(t)\" is not a list of flags (\(known), separated by ';')")
            }
            flags = parsed
        }
        if !r.equals(f[indicator], lastIndicator) { lastIndicator = r.text(f[indicator]) }
        if !r.equals(f[municipality], lastMunicipality) { lastMunicipality = r.text(f[municipality]) }
        return IndicatorRow(
            indicator: lastIndicator, municipality: lastMunicipality, year: try whole(year, "year"),
            breakdown: breakdown >= 0 ? r.text(f[breakdown]) : "",
            value: try number(value, "value"), n: n,
            se: try optionalNumber(se, "se"), ciLow: try optionalNumber(ciLow, "ci_low"),
            ciHigh: try optionalNumber(ciHigh, "ci_high"), df: degrees, flags: flags)
    }
}

/// Splits CSV text into records (RFC 4180), remembering the line on which each starts.
///
/// A field is a byte range of the text (for a quoted field, the bytes between the quotes),
/// trimmed of spaces and tabs outside quotes; quoted content is kept verbatim, with `""`
/// read as `"`. Nothing is copied until a field is turned into text or a number.
struct IndicatorCSVRecordReader {
    /// One field: `bytes[start..<end]`; `escaped` when it holds `""` pairs to fold.
    struct Field {
        var start: Int
        var end: Int
        var escaped: Bool
        var quoted: Bool
        var isEmpty: Bool { start == end }
    }

    /// The text's UTF-8 bytes (BOM removed) followed by one 0 byte, so `strtod` always stops.
    private var bytes: [UInt8]
    private let endOfText: Int
    private let path: String
    private var i = 0
    private var nextLine = 1
    /// The fields of the current record.
    private(set) var fields: [Field] = []
    /// The physical line on which the current record starts (header = 1).
    private(set) var line = 1

    init(text: String, path: String) {
        var b = Array(text.utf8)
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        endOfText = b.count
        b.append(0)
        bytes = b
        self.path = path
    }

    private static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
    private static let space: UInt8 = 0x20, tab: UInt8 = 0x09

    /// Moves to the next non-empty record; false at the end of the text.
    mutating func next() throws -> Bool {
        while i < endOfText {
            line = nextLine
            fields.removeAll(keepingCapacity: true)
            var blank = true
            while true {
                let (field, terminator) = try readField()
                if !field.isEmpty || field.quoted { blank = false }
                fields.append(field)
                if terminator == Self.comma {
                    blank = false
                    continue
                }
                break
            }
            if !blank { return true }  // skip empty (or whitespace-only) lines
        }
        return false
    }

    /// The field as text (`""` folded to `"`), on bytes: a quote followed by a combining mark
    /// is one `Character`, so folding characters would miss it.
    func text(_ f: Field) -> String {
        guard f.escaped else { return String(decoding: bytes[f.start..<f.end], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(f.end - f.start)
        var i = f.start
        while i < f.end {
            out.append(bytes[i])
            i += bytes[i] == 0x22 && i + 1 < f.end && bytes[i + 1] == 0x22 ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the field's bytes are exactly `s`'s UTF-8 bytes.
    func equals(_ f: Field, _ s: String) -> Bool {
        !f.escaped && s.utf8.count == f.end - f.start && s.utf8.elementsEqual(bytes[f.start..<f.end])
    }

    /// A finite decimal number (`-1.5`, `2e-05`, `.5`); not `nan`, `inf` or hexadecimal.
    func decimal(_ f: Field) -> Double? {
        guard !f.isEmpty, !f.escaped else { return nil }
        for k in f.start..<f.end {
            let c = bytes[k]
            guard (c >= 0x30 && c <= 0x39) || c == 0x2E || c == 0x2D || c == 0x2B || c == 0x65 || c == 0x45 else {
                return nil
            }
        }
        return bytes.withUnsafeBufferPointer { buf -> Double? in
            let start = UnsafeRawPointer(buf.baseAddress! + f.start).assumingMemoryBound(to: CChar.self)
            var end: UnsafeMutablePointer<CChar>? = nil
            let v = strtod(start, &end)
            guard let end, UnsafeRawPointer(end) == UnsafeRawPointer(buf.baseAddress! + f.end), v.isFinite else {
                return nil
            }
            return v
        }
    }

    /// A whole number: optional sign, then ASCII digits, no overflow.
    func integer(_ f: Field) -> Int? {
        guard !f.isEmpty, !f.escaped else { return nil }
        var k = f.start
        var negative = false
        if bytes[k] == 0x2D || bytes[k] == 0x2B {
            negative = bytes[k] == 0x2D
            k += 1
        }
        guard k < f.end else { return nil }
        var v = 0
        while k < f.end {
            let d = Int(bytes[k]) - 0x30
            guard d >= 0, d <= 9 else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            guard !o1, !o2 else { return nil }
            v = a
            k += 1
        }
        return v
    }

    /// Reads one field up to and including its terminator (comma, line end, or end of text).
    private mutating func readField() throws -> (Field, UInt8?) {
        skipBlanks()
        var field = Field(start: i, end: i, escaped: false, quoted: false)
        if i < endOfText, bytes[i] == Self.quote {
            field.quoted = true
            let openLine = nextLine
            i += 1
            field.start = i
            while true {
                guard i < endOfText else {
                    throw Diagnostic(
                        SourceLocation(path: path, line: line), "a quote opened on line \(openLine) is never closed")
                }
                let c = bytes[i]
                if c == Self.quote {
                    if i + 1 < endOfText, bytes[i + 1] == Self.quote {
                        field.escaped = true
                        i += 2
                        continue
                    }
                    field.end = i
                    i += 1
                    break
                }
                if c == Self.lf { nextLine += 1 }
                i += 1
            }
            skipBlanks()
            if i < endOfText, bytes[i] != Self.comma, bytes[i] != Self.cr, bytes[i] != Self.lf {
                throw Diagnostic(
                    SourceLocation(path: path, line: nextLine),
                    "unexpected text after a closing quote (a quote inside a quoted field is written \"\")")
            }
        } else {
            while i < endOfText {
                let c = bytes[i]
                if c == Self.comma || c == Self.cr || c == Self.lf { break }
                if c == Self.quote {
                    throw Diagnostic(
                        SourceLocation(path: path, line: nextLine),
                        "a quote inside an unquoted field (quote the whole field and write the quote as \"\")")
                }
                i += 1
            }
            field.end = i
            while field.end > field.start, bytes[field.end - 1] == Self.space || bytes[field.end - 1] == Self.tab {
                field.end -= 1
            }
        }
        var terminator: UInt8? = nil
        if i < endOfText {
            let c = bytes[i]
            i += 1
            if c == Self.comma {
                terminator = Self.comma
            } else {
                terminator = Self.lf
                if c == Self.cr, i < endOfText, bytes[i] == Self.lf { i += 1 }
                nextLine += 1
            }
        }
        return (field, terminator)
    }

    private mutating func skipBlanks() {
        while i < endOfText, bytes[i] == Self.space || bytes[i] == Self.tab { i += 1 }
    }
}
