import ApenCore
import Foundation

/// Rewrites one column's cells before they are validated: statistical symbols to empty
/// (`na:`), a regular expression's first capture group (`extract:`), a recoding of labels to
/// canonical values (`values:`), zero-padding of municipality numbers (`municipalities.digits`),
/// in that order.
///
/// Made once per column at the header; a column without any of these has no recoder, so the
/// CSV path pays nothing for them. Cells are compared and rewritten as UTF-8 text.
///
/// ```swift
/// let r = try CellRecoder(column: "access", kind: .publications, options: options)
/// r.recode(bytes("Offentlig"))   // .text("open")
/// ```
package final class CellRecoder: @unchecked Sendable {
    // @unchecked: NSRegularExpression is immutable after init and documented thread-safe for matching.
    enum Outcome {
        /// Use the cell as it is.
        case same
        /// Use this text instead (empty: missing).
        case text([UInt8])
        /// Reject the row with this reason.
        case problem(String)
    }

    let column: String
    private let na: [[UInt8]]
    private let regex: NSRegularExpression?
    private let pattern: String
    private let values: [String: String]
    /// Values that pass `values:` unchanged: the column's closed set, or the mapping's targets.
    private let canonical: Set<String>
    private let canonicalText: String
    private let digits: Int?

    /// A recoder for `column`, or `nil` when the options leave its cells alone.
    /// - Throws: a `Diagnostic` when the `extract` pattern does not compile or has no group.
    static func make(column: String, kind: SourceKind, options: IngestOptions) throws -> CellRecoder? {
        let digits = column == "municipality" ? options.municipalityDigits : nil
        guard !options.na.isEmpty || options.extract[column] != nil || options.values[column] != nil || digits != nil
        else { return nil }
        return try CellRecoder(column: column, kind: kind, options: options, digits: digits)
    }

    private init(column: String, kind: SourceKind, options: IngestOptions, digits: Int?) throws {
        self.column = column
        na = options.na.map { Array($0.utf8) }
        pattern = options.extract[column] ?? ""
        if let p = options.extract[column] {
            regex = try CellRecoder.compile(p, path: options.path, column: column)
        } else {
            regex = nil
        }
        values = options.values[column] ?? [:]
        let allowed = kind.allowedValues(column) ?? Set(values.values)
        canonical = allowed
        canonicalText = allowed.sorted().joined(separator: ", ")
        self.digits = digits
    }

    /// The compiled `extract:` pattern.
    /// - Throws: a `Diagnostic` when it does not compile or has no capture group.
    static func compile(_ pattern: String, path: String, column: String) throws -> NSRegularExpression {
        if let problem = patternProblem(pattern) {
            throw Diagnostic(SourceLocation(path: path, field: column), "extract: \(problem)")
        }
        return try NSRegularExpression(pattern: pattern)
    }

    /// Why `pattern` cannot be an `extract:` pattern, or `nil`.
    package static func patternProblem(_ pattern: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern) else {
            return "the regular expression '\(pattern)' does not compile"
        }
        if regex.numberOfCaptureGroups == 0 {
            return "the regular expression '\(pattern)' has no capture group; put the part to keep in ( )"
        }
        return nil
    }

    func recode(_ cell: UnsafeBufferPointer<UInt8>) -> Outcome {
        for token in na where token.elementsEqual(cell) { return .text([]) }
        var text: String?
        var changed = false
        if let regex {
            let s = String(decoding: cell, as: UTF8.self)
            let range = NSRange(s.startIndex..., in: s)
            guard let match = regex.firstMatch(in: s, range: range) else {
                return .problem("\"\(s)\" does not match the extract pattern '\(pattern)'")
            }
            let group = match.range(at: 1)
            text = group.location == NSNotFound ? "" : Range(group, in: s).map { String(s[$0]) } ?? ""
            changed = true
        }
        if !values.isEmpty {
            let s = text ?? String(decoding: cell, as: UTF8.self)
            if !s.isEmpty {
                if let mapped = values[s] {
                    text = mapped
                    changed = true
                } else if !canonical.contains(s) {
                    let mapping = values.keys.sorted().map { "\"\($0)\" → \(values[$0]!)" }.joined(separator: ", ")
                    return .problem(
                        "\"\(s)\" is neither in the values mapping of '\(column)' (\(mapping)) nor one of \(canonicalText)"
                    )
                }
            }
        }
        if let digits {
            var bytes = changed ? Array((text ?? "").utf8) : Array(cell)
            while let f = bytes.first, f == 0x20 || f == 0x09 { bytes.removeFirst() }
            while let l = bytes.last, l == 0x20 || l == 0x09 { bytes.removeLast() }
            if bytes.isEmpty { return changed || bytes.count != cell.count ? .text([]) : .same }
            guard bytes.allSatisfy({ $0 &- 0x30 < 10 }) else {
                return .problem(
                    "\"\(String(decoding: bytes, as: UTF8.self))\" is not a municipality number (only digits, padded to \(digits))"
                )
            }
            if bytes.count < digits {
                bytes.insert(contentsOf: repeatElement(0x30, count: digits - bytes.count), at: 0)
            }
            return bytes.elementsEqual(cell) ? .same : .text(bytes)
        }
        return changed ? .text(Array((text ?? "").utf8)) : .same
    }
}
