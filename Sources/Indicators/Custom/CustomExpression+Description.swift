extension CustomExpression: CustomStringConvertible {
    /// The expression fully parenthesised, with columns in backticks and strings in double
    /// quotes: `((`access` == "open") and (not `linked`))`. Shows how a text was grouped.
    package var description: String {
        switch self {
        case .and(let a, let b): return "(\(a) and \(b))"
        case .or(let a, let b): return "(\(a) or \(b))"
        case .not(let a): return "(not \(a))"
        case .compare(let l, let op, let r): return "(\(l) \(op.rawValue) \(r))"
        case .member(let c, let vs, let negated):
            return "(\(c) \(negated ? "not in" : "in") [\(vs.map(\.description).joined(separator: ", "))])"
        case .present(let c): return "\(c)"
        }
    }
}

extension CustomExpression.Operand: CustomStringConvertible {
    package var description: String {
        switch value {
        case .column(let n): return "`\(n)`"
        case .string(let s): return "\"\(s)\""
        case .number(_, let t): return t
        case .date(let d): return d
        }
    }
}
