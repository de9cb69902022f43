// libFuzzer target: the custom-indicator expression language (`CustomExpression`).
//
// The input bytes are the expression text (invalid UTF-8 is replaced, as a YAML loader would
// have refused it anyway). For every text that parses, the target also
// - checks it against a small table's column types and, when that succeeds, compiles and
//   evaluates it on every row (exercising the compiled predicates and literal typing);
// - prints it (`description`, fully parenthesised) and parses the print again: the result
//   must print the same and select the same rows — unless a string literal or name holds a
//   quote, backslash or backtick, which the printer does not escape (the lexer reads `\"`
//   and `\\` as escapes), or begins with a combining mark (see `standsAlone` and
//   docs/hardening.md, finding F1);
// - checks that `not (e)` selects exactly the rows `e` does not.
@testable import ApenCore
import FuzzSupport
@testable import Indicators

/// Four rows covering each type's missing value and edge cases (−0, a leap day).
let table: Table = {
    var t = Table(source: "fuzz", kind: .publications, rowCount: 4)
    t.columns["access"] = .text(TextColumn(codes: [0, 1, -1, 2], dictionary: ["open", "exempt", "partial"]))
    t.columns["record_type"] = .text(TextColumn(codes: [0, 0, 1, -1], dictionary: ["decision", "letter"]))
    t.columns["n"] = .number([1, .nan, -0.0, 2.5])
    t.columns["m"] = .number([1, 3, .nan, 2.5])
    t.columns["registered"] = .date([
        Day(year: 2020, month: 2, day: 29)!.raw, Column.missingDay, Day(year: 1970, month: 1, day: 1)!.raw,
        Day(year: 2019, month: 12, day: 31)!.raw,
    ])
    t.columns["published"] = .date([
        Column.missingDay, Day(year: 2020, month: 3, day: 1)!.raw, Day(year: 1969, month: 12, day: 31)!.raw,
        Day(year: 2019, month: 12, day: 31)!.raw,
    ])
    return t
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    guard let e = try? CustomExpression.parse(text) else { return 0 }
    _ = e.columns
    let printed = e.description

    let rows = try? selected(e)
    if let rows {
        let negated = try! selected(.not(e))
        check(negated == Set(0..<table.rowCount).subtracting(rows), "not (\(printed)) does not complement it")
    }

    if !hasUnprintableString(e) {
        let again: CustomExpression
        do {
            again = try CustomExpression.parse(printed)
        } catch {
            // The printer parenthesises every `and`/`or`, so a chain of more than 64 operands
            // prints deeper than the parser's nesting bound; that is the printer's form, not
            // something a person writes.
            if error.message.hasPrefix("the expression nests more than") { return 0 }
            fatalError("the printed form \(printed) of \(text.debugDescription) does not parse: \(error)")
        }
        check(again.description == printed, "reprinted \(again.description) ≠ \(printed)")
        check((try? selected(again)) == rows, "\(printed) selects other rows after reprinting")
    }
    return 0
}

/// The rows `e` selects in `table`, or an error when it does not fit the columns.
func selected(_ e: CustomExpression) throws -> Set<Int> {
    let p = try e.compile(for: table)
    return Set((0..<table.rowCount).filter { p.matches($0) })
}

/// Whether `quote` + `text` + `quote` keeps both quotes as characters of their own. The
/// lexer reads characters (grapheme clusters), so a quote followed by a combining mark, or
/// preceded by a prepended mark, is not a quote to it (docs/hardening.md, finding F1).
func standsAlone(_ text: String, between quote: Character) -> Bool {
    (String(quote) + text + String(quote)).count == text.count + 2
}

/// Whether a string literal or column name cannot be printed so that it reads back the same:
/// it holds the quote or a backslash (the printer does not escape them) or merges with the
/// quotes around it.
func hasUnprintableString(_ e: CustomExpression) -> Bool {
    func bad(_ o: CustomExpression.Operand) -> Bool {
        switch o.value {
        case .string(let s): return s.contains("\"") || s.contains("\\") || !standsAlone(s, between: "\"")
        case .column(let n): return n.contains("`") || !standsAlone(n, between: "`")
        default: return false
        }
    }
    switch e {
    case .and(let a, let b), .or(let a, let b): return hasUnprintableString(a) || hasUnprintableString(b)
    case .not(let a): return hasUnprintableString(a)
    case .compare(let l, _, let r): return bad(l) || bad(r)
    case .member(let c, let vs, _): return bad(c) || vs.contains(where: bad)
    case .present(let c): return bad(c)
    }
}

