import ApenCore
import Foundation
import Ingest
import Yams

extension SpecParser {
    static let sourceKeys = [
        "kind", "path", "delimiter", "encoding", "decimal", "date_format", "columns", "fixed", "max_rejected",
        "keep_rows", "extracted", "extra",
    ]
    static let surveyKeys = ["likert", "missing", "scales", "design", "breakdowns"]

    /// `sources:` — a mapping from source name to its settings, in file order.
    mutating func parseSources(_ node: Node) -> [SourceSpec] {
        guard let m = reader.mapping(node, key: "sources", allowed: nil) else { return [] }
        if m.entries.isEmpty { reader.error(node.mark, "sources: at least one source is needed") }
        var result: [SourceSpec] = []
        for entry in m.entries {
            guard SpecParser.isPlainName(entry.key, allowDot: false) else {
                reader.error(
                    entry.keyMark, "sources: the source name '\(entry.key)' must use letters, digits, '_' and '-' only")
                continue
            }
            if let source = parseSource(name: entry.key, nameMark: entry.keyMark, entry.value) { result.append(source) }
        }
        return result
    }

    /// One source; `nil` when it has an error that leaves no usable settings.
    mutating func parseSource(name: String, nameMark: Mark?, _ node: Node) -> SourceSpec? {
        let key = "sources.\(name)"
        guard
            let m = reader.mapping(
                node, key: key, allowed: SpecParser.sourceKeys + SpecParser.formatKeys + SpecParser.surveyKeys)
        else {
            return nil
        }
        for required in ["kind", "path"] where !m.has(required) {
            reader.error(nameMark, "\(key): missing required key '\(required)'")
        }
        let kind = m.value("kind")
            .flatMap { reader.choice($0, key: "\(key).kind", among: SourceKind.allCases.map(\.rawValue)) }
            .flatMap(SourceKind.init(rawValue:))
        if let kind, kind != .survey {
            for surveyKey in SpecParser.surveyKeys where m.has(surveyKey) {
                reader.error(
                    m.keyMark(surveyKey),
                    "\(key): '\(surveyKey)' applies only to survey sources (this one is kind '\(kind.rawValue)')")
            }
        }
        let resolvedPath = m.value("path").flatMap { parseSourcePath($0, key: "\(key).path") }

        var options = IngestOptions(source: name, kind: kind ?? .survey, path: resolvedPath ?? "")
        if let n = m.value("delimiter"), let d = parseDelimiter(n, key: "\(key).delimiter") { options.delimiter = d }
        if let n = m.value("encoding"),
            let e = reader.choice(n, key: "\(key).encoding", among: IngestOptions.Encoding.allCases.map(\.rawValue))
        {
            options.encoding = IngestOptions.Encoding(rawValue: e)!
        }
        if let n = m.value("decimal"), let d = reader.choice(n, key: "\(key).decimal", among: [".", ","]) {
            options.decimalComma = d == ","
        }
        if let n = m.value("date_format"), let f = parseDateFormat(n, key: "\(key).date_format") {
            options.dateFormat = f
        }
        if options.decimalComma, options.delimiter == .byte(0x2C), let n = m.value("delimiter") {
            reader.error(
                n.mark,
                "\(key).delimiter: a decimal comma cannot be read from a comma-delimited file; declare ';' or tab")
        }
        // The columns a source can bind, in Ingest's order: required, survey items, optional.
        let canonical = kind.map {
            $0.requiredColumns + (kind == .survey ? SpecParser.rawScaleItems(m) : []) + $0.optionalColumns
        }
        var columnMarks: [String: Mark?] = [:]
        if let n = m.value("columns"), let cm = reader.mapping(n, key: "\(key).columns", allowed: nil) {
            for e in cm.entries {
                if let canonical, !canonical.contains(e.key) {
                    reader.error(
                        e.keyMark,
                        "\(key).columns: '\(e.key)' is not a column of a \(kind!.rawValue) source\(EditDistance.hint(for: e.key, among: canonical)) (columns: \(canonical.joined(separator: ", ")))"
                    )
                    continue
                }
                if let header = reader.string(e.value, key: "\(key).columns.\(e.key)") {
                    options.columns[e.key] = header
                    columnMarks[e.key] = e.value.mark
                }
            }
        }
        if let n = m.value("fixed"), let fm = reader.mapping(n, key: "\(key).fixed", allowed: nil) {
            for e in fm.entries {
                if let canonical, !canonical.contains(e.key) {
                    reader.error(
                        e.keyMark,
                        "\(key).fixed: '\(e.key)' is not a column of a \(kind!.rawValue) source\(EditDistance.hint(for: e.key, among: canonical)) (columns: \(canonical.joined(separator: ", ")))"
                    )
                    continue
                }
                if options.columns[e.key] != nil {
                    reader.error(
                        e.keyMark, "\(key).fixed: '\(e.key)' is also mapped under columns; give it one way only")
                    continue
                }
                guard let value = reader.string(e.value, key: "\(key).fixed.\(e.key)") else { continue }
                if let kind, let problem = SpecParser.fixedValueProblem(value, column: e.key, kind: kind) {
                    reader.error(e.value.mark, "\(key).fixed.\(e.key): \(problem)")
                }
                options.fixed[e.key] = value  // kept even when bad, so the column does not also count as missing
            }
        }
        parseFormatSettings(m, key: key, kind: kind, options: &options)
        if let n = m.value("max_rejected"), let x = reader.number(n, key: "\(key).max_rejected", in: 0...1) {
            options.maxRejected = x
        }
        if let n = m.value("keep_rows"), let b = reader.bool(n, key: "\(key).keep_rows") { options.keepRows = b }
        if let n = m.value("extracted") {
            if let kind, kind != .accessRequests {
                reader.error(
                    m.keyMark("extracted"),
                    "\(key): 'extracted' applies only to access_requests sources (this one is kind '\(kind.rawValue)')")
            } else if let day = parseISODay(n, key: "\(key).extracted") {
                options.extracted = day.raw
            }
        }
        if let n = m.value("extra") {
            parseExtra(n, key: "\(key).extra", canonical: canonical, options: &options, columnMarks: &columnMarks)
        }
        if kind == .survey {
            parseSurveySettings(m, key: key, options: &options, columnMarks: &columnMarks)
        }
        if let kind, let resolvedPath, options.format == .csv {
            checkHeader(
                kind: kind, options: options, path: resolvedPath, key: key, nameMark: nameMark, m: m,
                columnMarks: columnMarks)
        }
        // With errors the load fails anyway; the source is still returned so that later
        // sections (scales → indicator ids) do not report follow-on errors.
        guard kind != nil else { return nil }
        return SourceSpec(name: name, options: options)
    }

    /// `extra:` — declared extra columns (METHODS §1 "Extra columns"): `{name: type}` (the
    /// header has that name) or `{name: {column: Header, type: type}}`. A name that is a
    /// canonical column of the kind, or an unknown type, is an error at its key or value;
    /// `columnMarks` gets each header's position for the header check.
    mutating func parseExtra(
        _ node: Node, key: String, canonical: [String]?, options: inout IngestOptions,
        columnMarks: inout [String: Mark?]
    ) {
        guard let em = reader.mapping(node, key: key, allowed: nil) else { return }
        let types = ExtraColumn.ExtraType.allCases.map(\.rawValue)
        for e in em.entries {
            let entryKey = "\(key).\(e.key)"
            if let canonical, canonical.contains(e.key) {
                reader.error(
                    e.keyMark,
                    "\(entryKey): '\(e.key)' is a canonical column of a source of kind '\(options.kind.rawValue)'; map a header onto it under columns instead of declaring it extra"
                )
                continue
            }
            guard SpecParser.isPlainName(e.key, allowDot: false) else {
                reader.error(e.keyMark, "\(entryKey): a column name must use letters, digits, '_' and '-' only")
                continue
            }
            var header = e.key
            var typeNode: Node? = e.value
            var headerMark: Mark? = e.keyMark
            var typeKey = entryKey
            if case .mapping = e.value {
                typeKey += ".type"
                guard let cm = reader.mapping(e.value, key: entryKey, allowed: ["column", "type"]) else { continue }
                if let c = cm.value("column"), let text = reader.string(c, key: "\(entryKey).column") {
                    header = text
                    headerMark = c.mark
                }
                typeNode = cm.value("type")
                if typeNode == nil {
                    reader.error(
                        e.keyMark, "\(entryKey): missing required key 'type' (one of \(types.joined(separator: ", ")))")
                }
            }
            guard let typeNode, let t = reader.string(typeNode, key: typeKey) else { continue }
            guard let type = ExtraColumn.ExtraType(rawValue: t) else {
                reader.error(
                    typeNode.mark,
                    "\(typeKey): unknown type '\(t)'\(EditDistance.hint(for: t, among: types)) (types: \(types.joined(separator: ", ")))"
                )
                continue
            }
            options.extra[e.key] = ExtraColumn(header: header, type: type)
            columnMarks["extra " + e.key] = headerMark
        }
    }

    /// A calendar day written `YYYY-MM-DD` (the extraction date of METHODS.md §5).
    mutating func parseISODay(_ node: Node, key: String) -> Day? {
        guard let text = reader.string(node, key: key) else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let mo = Int(parts[1]), let d = Int(parts[2]),
            let day = Day(year: y, month: mo, day: d)
        {
            return day
        }
        reader.error(node.mark, "\(key): '\(text)' is not a date written YYYY-MM-DD")
        return nil
    }

    /// The item names of a survey source's `scales:`, read without diagnostics (the scales
    /// are checked in full later), so `columns:` and `fixed:` may name items as Ingest allows.
    static func rawScaleItems(_ m: SpecMapping) -> [String] {
        guard case .mapping(let scales)? = m.value("scales") else { return [] }
        var items: [String] = []
        for (_, scale) in scales {
            guard case .mapping(let s) = scale, case .sequence(let list)? = s["items"] else { continue }
            for case .scalar(let item) in list where !items.contains(item.string) { items.append(item.string) }
        }
        return items
    }

    /// Why a fixed value would not pass as a cell of its column, or `nil` (METHODS.md §1, §4,
    /// §5, §7): numbers for number columns, a whole year in 1…9999, a positive population,
    /// a value of the closed sets of `access` and `outcome`. Dates are left to Ingest, which
    /// reads them with the source's date format.
    static func fixedValueProblem(_ value: String, column: String, kind: SourceKind) -> String? {
        if let allowed = kind.allowedValues(column), !allowed.contains(value) {
            return "'\(value)' is not one of \(allowed.sorted().joined(separator: ", "))"
        }
        guard kind.columnType(column) == .number else { return nil }
        guard let x = SpecReader.parseNumber(value) else { return "expected a number, found '\(value)'" }
        if column == "year", x != x.rounded() || !(1...9999).contains(x) {
            return "expected a whole year from 1 to 9999, found '\(value)'"
        }
        if column == "population" || column == "weight", x <= 0 {
            return "expected a positive number, found '\(value)'"
        }
        return nil
    }

    /// The path resolved against the pipeline file's folder; an error when no file is there.
    mutating func parseSourcePath(_ node: Node, key: String) -> String? {
        guard let text = reader.string(node, key: key) else { return nil }
        let resolved = PathResolution.resolve(text, relativeToFile: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) else {
            reader.error(node.mark, "\(key): no file at '\(text)' (resolved to '\(resolved)')")
            return nil
        }
        guard !isDirectory.boolValue else {
            reader.error(node.mark, "\(key): '\(text)' is a folder, not a file (resolved to '\(resolved)')")
            return nil
        }
        return resolved
    }

    /// `","`, `";"`, `"|"`, or tab (written `tab` or `"\t"`).
    mutating func parseDelimiter(_ node: Node, key: String) -> IngestOptions.Delimiter? {
        guard let text = reader.string(node, key: key) else { return nil }
        switch text {
        case ",", ";", "|": return .byte(text.utf8.first!)
        case "\t", "tab": return .byte(0x09)
        default:
            reader.error(node.mark, "\(key): expected ',', ';', '|' or tab, found '\(text)'")
            return nil
        }
    }

    /// `iso`, `epoch_s`, `epoch_ms`, or a pattern of `dd`/`d`, `MM`/`M`, `yyyy` with literal separators.
    mutating func parseDateFormat(_ node: Node, key: String) -> IngestOptions.DateFormat? {
        guard let text = reader.string(node, key: key) else { return nil }
        switch text {
        case "iso": return .iso
        case "epoch_s": return .epochSeconds
        case "epoch_ms": return .epochMilliseconds
        default: break
        }
        if let problem = SpecParser.datePatternProblem(text) {
            reader.error(
                node.mark,
                "\(key): bad date format '\(text)': \(problem) (use iso, epoch_s, epoch_ms, or a pattern such as dd.MM.yyyy)"
            )
            return nil
        }
        return .pattern(text)
    }

    /// Why `pattern` is not a usable date pattern, or `nil` when it is.
    ///
    /// Fields are runs of one letter: `d`/`dd` day, `M`/`MM` month, `yyyy` year, each once;
    /// any other letter run is an error, non-letters are literal text. Two fields may touch
    /// (`yyyyMMdd`) only when both have a fixed width.
    static func datePatternProblem(_ pattern: String) -> String? {
        var fields: [(text: String, precededByLiteral: Bool)] = []
        var literalSince = true
        var chars = Array(pattern)[...]
        while let c = chars.first {
            if c.isASCII, c.isLetter {
                let run = chars.prefix { $0 == c }
                chars = chars.dropFirst(run.count)
                fields.append((String(run), literalSince))
                literalSince = false
            } else if !c.isASCII {
                return "separators must be ASCII, found '\(c)'"
            } else {
                chars = chars.dropFirst()
                literalSince = true
            }
        }
        let allowed = ["d", "dd", "M", "MM", "yyyy"]
        for f in fields where !allowed.contains(f.text) {
            return "'\(f.text)' is not a field (dd or d: day, MM or M: month, yyyy: year)"
        }
        for (name, letters) in [("day", ["d", "dd"]), ("month", ["M", "MM"]), ("year", ["yyyy"])] {
            let n = fields.filter { letters.contains($0.text) }.count
            if n != 1 { return n == 0 ? "no \(name) field" : "the \(name) appears \(n) times" }
        }
        for i in fields.indices.dropFirst() where !fields[i].precededByLiteral {
            if fields[i].text.count == 1 || fields[i - 1].text.count == 1 {
                return "'\(fields[i - 1].text)' and '\(fields[i].text)' need a separator between them"
            }
        }
        return nil
    }
}
