import ApenCore
import Foundation

/// The canonical columns a source reads, their types and row rules, checked at option time.
///
/// Built from `IngestOptions` before the file is opened, so a bad option (an unknown column
/// name, a fixed value that does not parse, a date pattern without a year) fails the source
/// with one clear message before any row is read.
struct ColumnPlan {
    /// The extra rule a column's cells obey beyond their type (METHODS §1, §2, §4, §5, §7).
    enum Rule: Equatable {
        case none
        /// Survey `weight`: present in the file ⇒ never empty, positive and finite.
        case weight
        /// A survey item: within the Likert range or a missing code (→ NaN); empty → NaN.
        case likert
        /// Survey or population `year`: a whole number in 1…9999.
        case wholeYear
        /// Population `population`: a positive number.
        case positive
        /// A closed value set (`access`, `outcome`), shown in this order in messages.
        case oneOf([String])
        /// An extra column of type `integer`: a whole number.
        case integer
        /// An extra column of type `boolean`: true/false, yes/no, ja/nei, 1/0 (any case) → 1 or 0.
        case boolean
    }

    struct Column {
        var name: String
        var type: ColumnType
        /// An empty cell rejects the row (survey items excepted: empty is missing there).
        var required: Bool
        var rule: Rule
        /// The header name that holds it in the file (`options.columns[name] ?? name`).
        var headerName: String
        /// The value for every row when the source fixes it.
        var fixed: FixedValue?
        /// A declared extra column (`extra:`): missing from the header fails the source.
        var isExtra = false
    }

    enum FixedValue: Equatable {
        case text(String)
        case number(Double)
        case date(Int32)
    }

    var columns: [Column]
    let kind: SourceKind
    let dates: DatePlan
    let likert: ClosedRange<Double>
    let missingCodes: [Double]

    /// Checks the options and lists the columns.
    /// - Throws: a `Diagnostic` naming the path (and the column) for an unusable option.
    init(_ options: IngestOptions) throws {
        let path = options.path
        kind = options.kind
        likert = options.survey.likert
        missingCodes = options.survey.missingCodes
        var zone: TimeZone?
        if let name = options.timeZone {
            guard let z = TimeZone(identifier: name) else {
                throw Diagnostic(
                    SourceLocation(path: path), "timezone: '\(name)' is not an IANA time zone (e.g. Europe/Oslo)")
            }
            zone = z
        }
        do {
            dates = try DatePlan(options.dateFormat, zone: zone)
        } catch {
            throw Diagnostic(
                SourceLocation(path: path), "the date format '\(error.pattern)' cannot be used: \(error.reason)")
        }

        var names: [String] = []
        var required: Set<String> = []
        var items: Set<String> = []
        for name in kind.requiredColumns where !names.contains(name) {
            names.append(name)
            required.insert(name)
        }
        if kind == .survey {
            for scale in options.survey.scales {
                for item in scale.items where !names.contains(item) {
                    names.append(item)
                    items.insert(item)
                }
            }
            if options.survey.hasStrata { required.insert("stratum") }
            if options.survey.hasPSU { required.insert("psu") }
            if options.survey.hasFPC { required.insert("fpc") }
        }
        for name in kind.optionalColumns where !names.contains(name) { names.append(name) }

        for key in options.columns.keys.sorted() where !names.contains(key) {
            throw Diagnostic(
                SourceLocation(path: path, field: key),
                "is not a column of a source of kind '\(kind.rawValue)' (known: \(names.joined(separator: ", ")))")
        }
        for key in options.fixed.keys.sorted() where !names.contains(key) {
            throw Diagnostic(
                SourceLocation(path: path, field: key),
                "cannot be fixed: it is not a column of a source of kind '\(kind.rawValue)' (known: \(names.joined(separator: ", ")))"
            )
        }

        for (what, keys) in [("values", Array(options.values.keys)), ("extract", Array(options.extract.keys))] {
            for key in keys.sorted() where !names.contains(key) {
                throw Diagnostic(
                    SourceLocation(path: path, field: key),
                    "\(what): not a column of a source of kind '\(kind.rawValue)' (known: \(names.joined(separator: ", ")))"
                )
            }
        }
        for (column, pattern) in options.extract.sorted(by: { $0.key < $1.key }) {
            if let problem = CellRecoder.patternProblem(pattern) {
                throw Diagnostic(SourceLocation(path: path, field: column), "extract: \(problem)")
            }
        }
        for (column, mapping) in options.values.sorted(by: { $0.key < $1.key }) {
            if let allowed = kind.allowedValues(column) {
                for target in Set(mapping.values).sorted() where !allowed.contains(target) {
                    throw Diagnostic(
                        SourceLocation(path: path, field: column),
                        "values: '\(target)' is not one of \(allowed.sorted().joined(separator: ", "))")
                }
            }
        }

        var columns: [Column] = []
        for name in names where !options.unusedColumns.contains(name) || required.contains(name) || items.contains(name)
        {
            let isItem = items.contains(name)
            let type: ColumnType = isItem ? .number : (kind.columnType(name) ?? .text)
            var rule = Rule.none
            if isItem {
                rule = .likert
            } else if let allowed = kind.allowedValues(name) {
                rule = .oneOf(allowed.sorted())
            } else {
                switch (kind, name) {
                case (.survey, "weight"): rule = .weight
                case (.survey, "year"), (.population, "year"), (.table, "year"): rule = .wholeYear
                case (.population, "population"), (.survey, "fpc"): rule = .positive
                default: break
                }
            }
            var column = Column(
                name: name, type: type, required: required.contains(name) && !isItem, rule: rule,
                headerName: options.columns[name] ?? name, fixed: nil)
            if let text = options.fixed[name] {
                column.fixed = try ColumnPlan.fixedValue(text, column, options, dates)
            }
            columns.append(column)
        }
        for name in options.extra.keys.sorted() {
            if names.contains(name) {
                throw Diagnostic(
                    SourceLocation(path: path, field: name),
                    "extra: '\(name)' is a canonical column of a source of kind '\(kind.rawValue)'; map it under columns instead"
                )
            }
            guard !options.unusedColumns.contains(name) else { continue }
            let extra = options.extra[name]!
            let rule: Rule
            switch extra.type {
            case .integer: rule = .integer
            case .boolean: rule = .boolean
            case .text, .number, .date: rule = .none
            }
            columns.append(
                Column(
                    name: name, type: extra.type.columnType, required: false, rule: rule, headerName: extra.header,
                    fixed: nil, isExtra: true))
        }
        self.columns = columns
    }

    /// Parses and checks a fixed value like a cell of its column.
    private static func fixedValue(
        _ text: String, _ column: Column, _ options: IngestOptions, _ dates: DatePlan
    ) throws -> FixedValue {
        let location = SourceLocation(path: options.path, field: column.name)
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { raw in
            let b = UnsafeBufferPointer(raw)
            let validator = CellValidator(
                rule: column.rule, required: true, likert: options.survey.likert,
                missingCodes: options.survey.missingCodes, decimalComma: false, dates: dates,
                codec: TextCodec(encoding: .utf8))
            switch column.type {
            case .text:
                if let reason = validator.checkText(b) { throw Diagnostic(location, "fixed value: \(reason)") }
                return .text(text)
            case .number:
                switch validator.number(b) {
                case .success(let v): return .number(v)
                case .failure(let reason): throw Diagnostic(location, "fixed value: \(reason.text)")
                }
            case .date:
                switch validator.date(b) {
                case .success(let d): return .date(d)
                case .failure(let reason): throw Diagnostic(location, "fixed value: \(reason.text)")
                }
            }
        }
    }
}
