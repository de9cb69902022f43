import ApenCore
import Indicators
import Ingest
import Yams

extension SpecParser {
    static let customKeys = ["id", "source", "measure", "of", "where", "weight", "p", "per", "by", "label"]

    /// `custom:` — a list of declarative indicators. Expressions (`of`, `where`, `per`) are
    /// kept as text; `CustomIndicators.validate` (Indicators module) checks them and the
    /// measure's keys against the source's columns, and its findings are placed here.
    mutating func parseCustom(_ node: Node, sourceNames: [String], sources: [SourceSpec]) -> [CustomIndicator] {
        guard let items = reader.list(node, key: "custom") else { return [] }
        let scales = sources.flatMap { $0.options.kind == .survey ? $0.options.survey.scales.map(\.name) : [] }
        let builtIn = Set(PipelineLoader.knownIndicatorIDs(scales: unique(scales), customIDs: [], compositeIDs: []))
        var result: [CustomIndicator] = []
        var seen = Set<String>()
        for (i, item) in items.enumerated() {
            let key = "custom[\(i)]"
            guard let m = reader.mapping(item, key: key, allowed: SpecParser.customKeys) else { continue }
            for required in ["id", "source", "measure"] where !m.has(required) {
                reader.error(m.mark, "\(key): missing required key '\(required)'")
            }
            var id = m.value("id").flatMap { reader.string($0, key: "\(key).id") }
            if let text = id, let mark = m.value("id")?.mark {
                if !SpecParser.isIndicatorID(text) {
                    reader.error(
                        mark,
                        "\(key).id: '\(text)' is not an indicator id (dot-separated words of lower-case letters, digits and '_', e.g. publication.decision_open_share)"
                    )
                    id = nil
                } else if builtIn.contains(text) {
                    reader.error(mark, "\(key).id: '\(text)' is a built-in indicator; choose another id")
                    id = nil
                } else if text.hasPrefix("composite.") {
                    reader.error(mark, "\(key).id: ids starting with 'composite.' are reserved for composite indices")
                    id = nil
                } else if !seen.insert(text).inserted {
                    reader.error(mark, "\(key).id: '\(text)' is declared twice")
                    id = nil
                }
            }
            var source: String?
            if let n = m.value("source"), let text = reader.string(n, key: "\(key).source") {
                if sourceNames.contains(text) {
                    source = text
                } else {
                    let list = sourceNames.isEmpty ? "none" : sourceNames.joined(separator: ", ")
                    reader.error(
                        n.mark,
                        "\(key).source: unknown source '\(text)'\(EditDistance.hint(for: text, among: sourceNames)) (sources: \(list))"
                    )
                }
            }
            let measure = m.value("measure")
                .flatMap {
                    reader.choice($0, key: "\(key).measure", among: CustomIndicator.Measure.allCases.map(\.rawValue))
                }
                .flatMap(CustomIndicator.Measure.init(rawValue:))
            var custom = CustomIndicator(id: id ?? "", source: source ?? "", measure: measure ?? .count)
            custom.of = m.value("of").flatMap { reader.string($0, key: "\(key).of") }
            custom.filter = m.value("where").flatMap { reader.string($0, key: "\(key).where") }
            custom.weight = m.value("weight").flatMap { reader.string($0, key: "\(key).weight") }
            custom.p = m.value("p").flatMap { reader.number($0, key: "\(key).p") }
            custom.per = m.value("per").flatMap { reader.string($0, key: "\(key).per") }
            custom.by = m.value("by").flatMap { reader.string($0, key: "\(key).by") }
            custom.label = m.value("label").flatMap { reader.localizedText($0, key: "\(key).label") }
            if measure != nil, let spec = sources.first(where: { $0.name == source }) {
                report(CustomIndicators.validate(custom, columns: SpecParser.columnTypes(spec.options)), m, key: key)
            }
            if id != nil, source != nil, measure != nil { result.append(custom) }
        }
        return result
    }

    /// The columns a source's table will have and their types, as Ingest binds them: the
    /// kind's canonical columns and, for a survey, the scale items (numbers).
    static func columnTypes(_ options: IngestOptions) -> [String: ColumnType] {
        var types: [String: ColumnType] = [:]
        for name in options.kind.requiredColumns + options.kind.optionalColumns {
            types[name] = options.kind.columnType(name) ?? .text
        }
        if options.kind == .survey {
            for scale in options.survey.scales { for item in scale.items { types[item] = .number } }
        }
        for (name, extra) in options.extra where types[name] == nil { types[name] = extra.type.columnType }
        return types
    }

    /// The Indicators module's findings on a definition, each at its key's value in the file
    /// — inside an expression, at the offending character — or at the entry for a missing key.
    mutating func report(_ issues: [CustomIndicatorIssue], _ m: SpecMapping, key: String) {
        for issue in issues {
            let fieldKey = issue.field == "filter" ? "where" : issue.field
            guard let node = m.value(fieldKey), let mark = node.mark else {
                reader.error(m.mark, "\(key): \(issue.error.message)")
                continue
            }
            // Inside a one-line scalar the column points at the offending character (after
            // an opening quote; escapes before it would shift it). Otherwise at the value.
            var diagnostic: Diagnostic
            if case .scalar(let s) = node, !s.string.contains("\n") {
                let quoted = s.style == .singleQuoted || s.style == .doubleQuoted
                let start = SourceLocation(path: path, line: mark.line, column: mark.column + (quoted ? 1 : 0))
                diagnostic = issue.error.diagnostic(at: start)
            } else {
                diagnostic = issue.error.diagnostic(at: SourceLocation(path: path, line: mark.line))
                diagnostic.location.column = mark.column
            }
            diagnostic.message = "\(key).\(fieldKey): " + diagnostic.message
            reader.append(diagnostic)
        }
    }

    /// Dot-separated words of `a-z`, `0-9`, `_`, at least two words (`family.name`).
    static func isIndicatorID(_ text: String) -> Bool {
        let words = text.split(separator: ".", omittingEmptySubsequences: false)
        return words.count >= 2
            && words.allSatisfy { word in
                !word.isEmpty
                    && word.unicodeScalars.allSatisfy {
                        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                    }
            }
    }
}
