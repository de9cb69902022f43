import ApenCore
import Foundation
import Yams

/// Walks a pipeline file's YAML nodes, turning them into typed values and collecting
/// every problem as a ``Diagnostic`` at the offending node's `line:column`.
///
/// Each accessor returns `nil` after recording an error, so a caller keeps going and the
/// loader reports all errors of a file at once. `key` arguments are dotted key paths
/// (`sources.survey.max_rejected`) that start each message.
///
/// ```swift
/// var reader = SpecReader(path: "p.yaml")
/// let x = reader.number(node, key: "sources.s.max_rejected")   // nil + "expected a number, found 'abc'"
/// ```
struct SpecReader {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String) { self.path = path }

    var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    mutating func error(_ mark: Mark?, _ message: String) {
        diagnostics.append(Diagnostic(location(mark), message))
    }

    /// An error at an explicit position (Yams' `Mark` cannot be made outside Yams).
    mutating func error(line: Int, column: Int, _ message: String) {
        diagnostics.append(Diagnostic(SourceLocation(path: path, line: line, column: column), message))
    }

    /// A diagnostic built elsewhere (e.g. from another module's finding).
    mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// A warning; its message starts with `warning: ` so that every renderer of the
    /// diagnostic (`file:line:column: warning: …`) tells it from an error.
    mutating func warning(_ mark: Mark?, _ message: String) {
        diagnostics.append(Diagnostic(location(mark), "warning: " + message, severity: .warning))
    }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(path: path, line: mark?.line, column: mark?.column)
    }

    // MARK: Describing what was found

    /// `'abc'`, `nothing`, `a mapping` or `a list`, for "expected …, found …".
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s):
            if isNull(s) { return "nothing" }
            let text = s.string.count > 40 ? String(s.string.prefix(37)) + "..." : s.string
            return "'\(text)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// An empty plain scalar, `~` or `null`: YAML's null.
    static func isNull(_ s: Node.Scalar) -> Bool {
        s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    static func isNull(_ node: Node) -> Bool {
        if case .scalar(let s) = node { return isNull(s) }
        return false
    }

    // MARK: Scalars

    /// A non-null scalar's text (numbers and booleans keep their text, e.g. `"0301"`).
    mutating func string(_ node: Node, key: String) -> String? {
        guard case .scalar(let s) = node, !SpecReader.isNull(s) else {
            error(node.mark, "\(key): expected a text, found \(SpecReader.describe(node))")
            return nil
        }
        return s.string
    }

    /// A finite number, written as YAML would (`0.01`, `1e-9`, `42`).
    mutating func number(_ node: Node, key: String) -> Double? {
        if case .scalar(let s) = node, let x = SpecReader.parseNumber(s.string) { return x }
        error(node.mark, "\(key): expected a number, found \(SpecReader.describe(node))")
        return nil
    }

    /// A number in `range`; the message names the range.
    mutating func number(_ node: Node, key: String, in range: ClosedRange<Double>) -> Double? {
        guard let x = number(node, key: key) else { return nil }
        guard range.contains(x) else {
            error(
                node.mark,
                "\(key): expected a number from \(SpecReader.show(range.lowerBound)) to \(SpecReader.show(range.upperBound)), found '\(SpecReader.text(node))'"
            )
            return nil
        }
        return x
    }

    /// A whole number (no fraction, no exponent overflow).
    mutating func integer(_ node: Node, key: String) -> Int? {
        if case .scalar(let s) = node, let x = Int(s.string.trimmingCharacters(in: .whitespaces)) { return x }
        error(node.mark, "\(key): expected a whole number, found \(SpecReader.describe(node))")
        return nil
    }

    /// `true` or `false` (also `yes`/`no`, as YAML 1.1 reads them).
    mutating func bool(_ node: Node, key: String) -> Bool? {
        if case .scalar(let s) = node {
            switch s.string.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        error(node.mark, "\(key): expected true or false, found \(SpecReader.describe(node))")
        return nil
    }

    /// One of `choices`, with a did-you-mean and the list of choices on error.
    mutating func choice(_ node: Node, key: String, among choices: [String]) -> String? {
        guard let text = string(node, key: key) else { return nil }
        guard choices.contains(text) else {
            let list = choices.map { "'\($0)'" }.joined(separator: ", ")
            error(
                node.mark,
                "\(key): unknown value '\(text)'\(EditDistance.hint(for: text, among: choices)) (expected one of \(list))"
            )
            return nil
        }
        return text
    }

    // MARK: Collections

    /// The entries of a mapping, keys as text in file order; unknown keys are reported
    /// with a did-you-mean among `allowed` (pass `nil` to accept any key).
    mutating func mapping(_ node: Node, key: String, allowed: [String]?) -> SpecMapping? {
        guard case .mapping(let m) = node else {
            let what = key.isEmpty ? "the pipeline file" : key
            error(node.mark, "\(what): expected a mapping (key: value), found \(SpecReader.describe(node))")
            return nil
        }
        var entries: [SpecMapping.Entry] = []
        for (k, v) in m {
            guard case .scalar(let ks) = k, !SpecReader.isNull(ks) else {
                error(k.mark, "\(key): a key must be a text, found \(SpecReader.describe(k))")
                continue
            }
            if let allowed, !allowed.contains(ks.string) {
                let prefix = key.isEmpty ? "" : "\(key): "
                error(k.mark, "\(prefix)unknown key '\(ks.string)'\(EditDistance.hint(for: ks.string, among: allowed))")
                continue
            }
            entries.append(SpecMapping.Entry(key: ks.string, keyMark: k.mark, value: v))
        }
        return SpecMapping(mark: node.mark, entries: entries)
    }

    /// A list's items; a single scalar is read as a one-item list when `scalarAsList`.
    mutating func list(_ node: Node, key: String, scalarAsList: Bool = false) -> [Node]? {
        switch node {
        case .sequence(let s): return Array(s)
        case .scalar(let s) where scalarAsList && !SpecReader.isNull(s): return [node]
        default:
            error(node.mark, "\(key): expected a list, found \(SpecReader.describe(node))")
            return nil
        }
    }

    /// A list of texts, each with its mark; items that are not texts are reported and skipped.
    mutating func strings(_ node: Node, key: String, scalarAsList: Bool = false) -> [(text: String, mark: Mark?)]? {
        guard let items = list(node, key: key, scalarAsList: scalarAsList) else { return nil }
        return items.enumerated().compactMap { i, item in
            string(item, key: "\(key)[\(i)]").map { ($0, item.mark) }
        }
    }

    /// A pair `[lo, hi]` of numbers with lo < hi (Likert range, goalposts).
    mutating func range(_ node: Node, key: String) -> ClosedRange<Double>? {
        guard case .sequence(let s) = node, s.count == 2 else {
            error(node.mark, "\(key): expected two numbers [low, high], found \(SpecReader.describe(node))")
            return nil
        }
        guard let lo = number(s[0], key: "\(key)[0]"), let hi = number(s[1], key: "\(key)[1]") else { return nil }
        guard lo < hi else {
            error(
                node.mark,
                "\(key): the low end \(SpecReader.show(lo)) must be below the high end \(SpecReader.show(hi))")
            return nil
        }
        return lo...hi
    }

    /// `{nb: …, en: …, nn: …}`: nb and en required; nn optional (a nynorsk report shows the
    /// bokmål text where a label has no nynorsk, docs/pipeline.md).
    mutating func localizedText(_ node: Node, key: String) -> LocalizedText? {
        guard let m = mapping(node, key: key, allowed: ["nb", "en", "nn"]) else { return nil }
        let nb = m.value("nb").flatMap { string($0, key: "\(key).nb") }
        let en = m.value("en").flatMap { string($0, key: "\(key).en") }
        let nn = m.value("nn").flatMap { string($0, key: "\(key).nn") }
        for (lang, value) in [("nb", m.value("nb")), ("en", m.value("en"))] where value == nil {
            error(m.mark, "\(key): missing required key '\(lang)'")
        }
        guard let nb, let en else { return nil }
        return LocalizedText(nb: nb, en: en, nn: nn)
    }

    // MARK: Helpers

    /// A number as YAML writes it: decimal or exponent, no `nan`/`inf`, no hex.
    static func parseNumber(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.allSatisfy({ "0123456789+-.eE_".contains($0) }),
            let x = Double(t.replacingOccurrences(of: "_", with: "")), x.isFinite
        else { return nil }
        return x
    }

    /// A number for a message: `1`, `0.5`, `1e-09`.
    static func show(_ x: Double) -> String { NumberText.plain(x) }

    /// The scalar's text, or a description of a collection.
    static func text(_ node: Node) -> String {
        if case .scalar(let s) = node { return s.string }
        return describe(node)
    }
}
