import ApenCore

/// A ``CustomExpression`` compiled against one `Table`: `matches(row)` is a few array reads.
///
/// Compilation resolves each column to its typed storage once, parses literals once (dates to
/// day numbers, numbers for number columns), and turns every condition on a text column into a
/// lookup table indexed by dictionary code, so per row a text equality or `in` test is one
/// `Int32` read and one `Bool` read. Missing cells make every comparison false (see the docs).
///
/// ```swift
/// let p = try CustomExpression.parse("channel in ['web', 'meeting']").compile(for: table)
/// p.matches(0)   // true when row 0's channel is web or meeting
/// ```
package struct CustomPredicate: Sendable {
    private let test: @Sendable (Int) -> Bool

    init(_ test: @escaping @Sendable (Int) -> Bool) { self.test = test }

    /// Whether row `row` satisfies the condition.
    @inline(__always) package func matches(_ row: Int) -> Bool { test(row) }

    /// The predicate that holds for every row (an absent `where:`).
    package static let always = CustomPredicate { _ in true }
}

extension CustomExpression {
    /// Checks column names and types: unknown columns (with a did-you-mean), literals that do
    /// not fit the column's type (`'abc'` against a number column, an impossible date).
    ///
    /// Usable before any data is read: the pipeline validator passes the canonical column
    /// types of the source kind (`SourceKind.columnType`), plus survey items as `.number`.
    /// - Throws: `CustomExpressionError` at the column of the offending name or literal.
    package func check(columns: [String: ColumnType]) throws(CustomExpressionError) {
        switch self {
        case .and(let a, let b), .or(let a, let b):
            try a.check(columns: columns)
            try b.check(columns: columns)
        case .not(let a):
            try a.check(columns: columns)
        case .present(let c):
            _ = try Self.type(of: c, in: columns)
        case .compare(let l, _, let r):
            let lt = try l.columnName == nil ? nil : Self.type(of: l, in: columns)
            let rt = try r.columnName == nil ? nil : Self.type(of: r, in: columns)
            switch (lt, rt) {
            case (let a?, let b?):
                if a != b {
                    throw CustomExpressionError(
                        column: r.position,
                        "cannot compare column '\(l.columnName!)' (\(a.rawValue)) with column '\(r.columnName!)' (\(b.rawValue))"
                    )
                }
            case (let a?, nil): _ = try Self.literal(r, for: a, column: l.columnName!)
            case (nil, let b?): _ = try Self.literal(l, for: b, column: r.columnName!)
            case (nil, nil): throw CustomExpressionError(column: l.position, "a comparison needs a column on one side")
            }
        case .member(let c, let values, _):
            let t = try Self.type(of: c, in: columns)
            for v in values { _ = try Self.literal(v, for: t, column: c.columnName!) }
        }
    }

    /// Compiles the expression for fast evaluation over `table`'s rows.
    /// - Throws: `CustomExpressionError` as ``check(columns:)`` does.
    /// - Complexity: O(size of the dictionaries of the text columns used).
    package func compile(for table: Table) throws(CustomExpressionError) -> CustomPredicate {
        try check(columns: table.columns.mapValues(\.type))
        return CustomPredicate(compiled(table))
    }

    // MARK: - Types and literals

    private static func type(of o: Operand, in columns: [String: ColumnType]) throws(CustomExpressionError)
        -> ColumnType
    {
        let name = o.columnName!
        if let t = columns[name] { return t }
        throw CustomExpressionError(column: o.position, CustomDidYouMean.unknown("column", name, among: columns.keys))
    }

    /// A literal typed for comparison with a column of type `type`.
    enum TypedLiteral {
        case text(String)
        case number(Double)
        case day(Int32)
    }

    static func literal(_ o: Operand, for type: ColumnType, column: String) throws(CustomExpressionError)
        -> TypedLiteral
    {
        switch (type, o.value) {
        case (_, .column): preconditionFailure("literal expected")
        case (.text, .string(let s)): return .text(s)
        case (.text, .number(_, let t)): return .text(t)
        case (.text, .date(let d)): return .text(d)
        case (.number, .number(let v, _)): return .number(v)
        case (.number, .string(let s)):
            guard let v = NumberText.parse(Substring(s)) else {
                throw CustomExpressionError(
                    column: o.position, "column '\(column)' holds numbers; \"\(s)\" is not a number")
            }
            return .number(v)
        case (.number, .date(let d)):
            throw CustomExpressionError(column: o.position, "column '\(column)' holds numbers; \(d) is a date")
        case (.date, .date(let s)), (.date, .string(let s)):
            guard let day = parseDay(s) else {
                throw CustomExpressionError(
                    column: o.position, "column '\(column)' holds dates; \"\(s)\" is not a valid date (YYYY-MM-DD)")
            }
            return .day(day.raw)
        case (.date, .number(_, let t)):
            throw CustomExpressionError(
                column: o.position, "column '\(column)' holds dates; write a date like 2020-01-31, not \(t)")
        }
    }

    /// `YYYY-MM-DD` → a day, or `nil` when malformed or impossible (2019-02-31).
    static func parseDay(_ s: String) -> Day? {
        let u = Array(s.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for k in r {
                guard (48...57).contains(u[k]) else { return nil }
                v = v * 10 + Int(u[k] - 48)
            }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    // MARK: - Compilation (types already checked)

    private func compiled(_ table: Table) -> @Sendable (Int) -> Bool {
        switch self {
        case .and(let a, let b):
            let fa = a.compiled(table)
            let fb = b.compiled(table)
            return { fa($0) && fb($0) }
        case .or(let a, let b):
            let fa = a.compiled(table)
            let fb = b.compiled(table)
            return { fa($0) || fb($0) }
        case .not(let a):
            let fa = a.compiled(table)
            return { !fa($0) }
        case .present(let c):
            switch table.columns[c.columnName!]! {
            case .text(let t):
                let codes = t.codes
                return { codes[$0] >= 0 }
            case .number(let v): return { !v[$0].isNaN }
            case .date(let v): return { v[$0] != Column.missingDay }
            }
        case .member(let c, let values, let negated):
            let name = c.columnName!
            let column = table.columns[name]!
            let lits = values.map { try! Self.literal($0, for: column.type, column: name) }
            switch column {
            case .text(let t):
                let set = Set(
                    lits.map { lit -> String in
                        if case .text(let s) = lit { return s }
                        preconditionFailure()
                    })
                let lut = t.dictionary.map { set.contains($0) != negated }
                let codes = t.codes
                return {
                    let k = codes[$0]
                    return k >= 0 && lut[Int(k)]
                }
            case .number(let v):
                let set = Set(
                    lits.map { lit -> Double in
                        if case .number(let x) = lit { return x == 0 ? 0 : x }
                        preconditionFailure()
                    })
                return {
                    let x = v[$0]
                    return !x.isNaN && set.contains(x == 0 ? 0 : x) != negated
                }
            case .date(let v):
                let set = Set(
                    lits.map { lit -> Int32 in
                        if case .day(let d) = lit { return d }
                        preconditionFailure()
                    })
                return {
                    let x = v[$0]
                    return x != Column.missingDay && set.contains(x) != negated
                }
            }
        case .compare(let l, let op, let r):
            if l.columnName == nil { return Self.compare(r, op.swapped, l, table) }
            return Self.compare(l, op, r, table)
        }
    }

    /// `column op other` where `other` is a literal or a column of the same type.
    private static func compare(_ l: Operand, _ op: Comparison, _ r: Operand, _ table: Table) -> @Sendable (Int) -> Bool
    {
        let name = l.columnName!
        let column = table.columns[name]!
        if let other = r.columnName {
            return compareColumns(column, op, table.columns[other]!)
        }
        let lit = try! literal(r, for: column.type, column: name)
        switch (column, lit) {
        case (.text(let t), .text(let s)):
            let lut = t.dictionary.map { op.holds(CustomTextOrder($0), CustomTextOrder(s)) }
            let codes = t.codes
            return {
                let k = codes[$0]
                return k >= 0 && lut[Int(k)]
            }
        case (.number(let v), .number(let x)):
            // NaN (missing) makes every IEEE comparison false except !=, so test it explicitly.
            return {
                let y = v[$0]
                return !y.isNaN && op.holds(y, x)
            }
        case (.date(let v), .day(let d)):
            return {
                let y = v[$0]
                return y != Column.missingDay && op.holds(y, d)
            }
        default:
            preconditionFailure("types checked before compiling")
        }
    }

    private static func compareColumns(_ a: Column, _ op: Comparison, _ b: Column) -> @Sendable (Int) -> Bool {
        switch (a, b) {
        case (.text(let ta), .text(let tb)):
            let ca = ta.codes
            let cb = tb.codes
            if op == .equal || op == .notEqual {
                // Translate b's codes into a's dictionary once; absent strings get −2 (never equal).
                var index: [String: Int32] = [:]
                for (k, s) in ta.dictionary.enumerated() { index[s] = Int32(k) }
                let map = tb.dictionary.map { index[$0] ?? -2 }
                let wantEqual = op == .equal
                return {
                    let x = ca[$0]
                    let y = cb[$0]
                    guard x >= 0, y >= 0 else { return false }
                    return (x == map[Int(y)]) == wantEqual
                }
            }
            let da = ta.dictionary
            let db = tb.dictionary
            return {
                let x = ca[$0]
                let y = cb[$0]
                guard x >= 0, y >= 0 else { return false }
                return op.holds(CustomTextOrder(da[Int(x)]), CustomTextOrder(db[Int(y)]))
            }
        case (.number(let va), .number(let vb)):
            return {
                let x = va[$0]
                let y = vb[$0]
                return !x.isNaN && !y.isNaN && op.holds(x, y)
            }
        case (.date(let va), .date(let vb)):
            return {
                let x = va[$0]
                let y = vb[$0]
                return x != Column.missingDay && y != Column.missingDay && op.holds(x, y)
            }
        default:
            preconditionFailure("types checked before compiling")
        }
    }
}

/// Text ordered by UTF-8 bytes, the order METHODS §1 uses for sorting (not Unicode collation).
struct CustomTextOrder: Comparable {
    let text: String
    init(_ text: String) { self.text = text }
    static func < (a: Self, b: Self) -> Bool { a.text.utf8.lexicographicallyPrecedes(b.text.utf8) }
}
