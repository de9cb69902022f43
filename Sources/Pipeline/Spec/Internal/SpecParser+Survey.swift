import ApenCore
import Foundation
import Ingest
import Yams

extension SpecParser {
    /// `likert`, `missing`, `scales`, `design` of a survey source (METHODS.md §2).
    mutating func parseSurveySettings(
        _ m: SpecMapping, key: String, options: inout IngestOptions, columnMarks: inout [String: Mark?]
    ) {
        var survey = SurveySettings()
        if let n = m.value("likert"), let r = reader.range(n, key: "\(key).likert") { survey.likert = r }
        // Without `missing:`, METHODS §1's default: [9] only when 9 is not an answer.
        survey.missingCodes = SurveySettings.defaultMissingCodes(likert: survey.likert)
        if let n = m.value("missing"), let items = reader.list(n, key: "\(key).missing", scalarAsList: true) {
            var codes: [Double] = []
            for (i, item) in items.enumerated() {
                guard let code = reader.number(item, key: "\(key).missing[\(i)]") else { continue }
                // A code inside the Likert range would turn a valid answer into a missing one.
                if survey.likert.contains(code) {
                    reader.error(
                        item.mark,
                        "\(key).missing[\(i)]: the missing code \(SpecReader.show(code)) is inside the Likert range [\(SpecReader.show(survey.likert.lowerBound)), \(SpecReader.show(survey.likert.upperBound))]"
                    )
                    continue
                }
                codes.append(code)
            }
            survey.missingCodes = codes
        }
        if let n = m.value("scales"), let sm = reader.mapping(n, key: "\(key).scales", allowed: nil) {
            for e in sm.entries {
                if let scale = parseScale(name: e.key, nameMark: e.keyMark, e.value, key: "\(key).scales.\(e.key)") {
                    survey.scales.append(scale)
                }
            }
        }
        if let n = m.value("breakdowns"), let list = reader.strings(n, key: "\(key).breakdowns", scalarAsList: true) {
            let text = options.extra.filter { $0.value.type == .text }.keys.sorted()
            for (i, entry) in list.enumerated() {
                let name = entry.text
                if survey.breakdowns.contains(name) {
                    reader.error(entry.mark, "\(key).breakdowns[\(i)]: '\(name)' is listed twice")
                } else if let extra = options.extra[name], extra.type != .text {
                    reader.error(
                        entry.mark,
                        "\(key).breakdowns[\(i)]: '\(name)' has type \(extra.type.rawValue); a breakdown needs a text column (declare it type: text)"
                    )
                } else if options.extra[name] == nil {
                    let listed = text.isEmpty ? "none declared" : text.joined(separator: ", ")
                    reader.error(
                        entry.mark,
                        "\(key).breakdowns[\(i)]: '\(name)' is not a declared extra text column\(EditDistance.hint(for: name, among: text)) (text columns under extra: \(listed))"
                    )
                } else {
                    survey.breakdowns.append(name)
                }
            }
        }
        if let n = m.value("design"),
            let dm = reader.mapping(n, key: "\(key).design", allowed: ["strata", "psu", "fpc", "lonely_psu"])
        {
            for (designKey, canonical) in [("strata", "stratum"), ("psu", "psu"), ("fpc", "fpc")] {
                guard let v = dm.value(designKey), let header = reader.string(v, key: "\(key).design.\(designKey)")
                else { continue }
                if let mapped = options.columns[canonical], mapped != header {
                    reader.error(
                        v.mark,
                        "\(key).design.\(designKey): '\(header)' differs from columns.\(canonical) '\(mapped)'; give it one way only"
                    )
                    continue
                }
                options.columns[canonical] = header
                columnMarks[canonical] = v.mark
            }
            if let v = dm.value("lonely_psu"),
                let text = reader.choice(v, key: "\(key).design.lonely_psu", among: ["fail", "remove", "adjust"])
            {
                survey.lonelyPSU = LonelyPSU(rawValue: text)!
            }
        }
        // A design column counts as declared whether it came from `design:` or `columns:`.
        survey.hasStrata = options.columns["stratum"] != nil
        survey.hasPSU = options.columns["psu"] != nil
        survey.hasFPC = options.columns["fpc"] != nil
        options.survey = survey
    }

    /// One scale: `{items: [...], reverse: [...]}`; the name becomes part of indicator ids.
    mutating func parseScale(name: String, nameMark: Mark?, _ node: Node, key: String) -> ScaleSpec? {
        guard SpecParser.isPlainName(name, allowDot: false) else {
            reader.error(
                nameMark,
                "\(key): the scale name '\(name)' becomes part of indicator ids (survey.\(name).index); use letters, digits, '_' and '-' only"
            )
            return nil
        }
        guard let m = reader.mapping(node, key: key, allowed: ["items", "reverse"]) else { return nil }
        guard let itemsNode = m.value("items") else {
            reader.error(nameMark, "\(key): missing required key 'items'")
            return nil
        }
        guard let items = reader.strings(itemsNode, key: "\(key).items") else { return nil }
        if items.isEmpty { reader.error(itemsNode.mark, "\(key).items: a scale needs at least one item") }
        var seen = Set<String>()
        for item in items where !seen.insert(item.text).inserted {
            reader.error(item.mark, "\(key).items: '\(item.text)' is listed twice")
        }
        var reverse: [String] = []
        if let rNode = m.value("reverse"), let rs = reader.strings(rNode, key: "\(key).reverse", scalarAsList: true) {
            for r in rs {
                if seen.contains(r.text) {
                    reverse.append(r.text)
                } else {
                    reader.error(
                        r.mark,
                        "\(key).reverse: '\(r.text)' is not one of the scale's items\(EditDistance.hint(for: r.text, among: items.map(\.text)))"
                    )
                }
            }
        }
        return ScaleSpec(name: name, items: items.map(\.text), reverse: reverse)
    }

    /// Checks the names a source uses against its file's header line: mapped columns,
    /// required columns (in the header, mapped, or fixed), scale items (by their mapped
    /// header name, else their own), and a decimal comma in a comma-separated header.
    mutating func checkHeader(
        kind: SourceKind, options: IngestOptions, path file: String, key: String, nameMark: Mark?, m: SpecMapping,
        columnMarks: [String: Mark?]
    ) {
        let found: SourceHeader?
        do {
            var located = options
            located.path = file
            found = try Ingestor.header(located)
        } catch {
            let reason = (error as? Diagnostic)?.message ?? PipelineLoader.reason(error)
            reader.error(m.value("path")?.mark, "\(key).path: cannot read '\(file)': \(reason)")
            return
        }
        guard let found, found.names != [""] else {
            reader.error(m.value("path")?.mark, "\(key).path: '\(file)' has no header line")
            return
        }
        if found.commaSeparatedWithDecimalComma(options) {
            reader.error(
                m.value("decimal")?.mark,
                "\(key).decimal: the header of '\(file)' is separated by ',' but a decimal comma is declared; use ';' or tab as the delimiter"
            )
            return
        }
        let header = found.names
        let names = Set(header)
        let visible = header.prefix(30).map(VisibleText.escaping)
        let shown = header.count > 30 ? visible.joined(separator: ", ") + ", …" : visible.joined(separator: ", ")
        for (canonical, headerName) in options.columns.sorted(by: { $0.key < $1.key }) where !names.contains(headerName)
        {
            reader.error(
                columnMarks[canonical] ?? nil,
                "\(key): column '\(headerName)' (for \(canonical)) is not in the header of '\(file)'\(EditDistance.hint(for: headerName, among: header)) (header: \(shown))"
            )
        }
        for (name, extra) in options.extra.sorted(by: { $0.key < $1.key }) where !names.contains(extra.header) {
            let what = extra.header == name ? "'\(name)'" : "'\(extra.header)' (for '\(name)')"
            reader.error(
                columnMarks["extra " + name] ?? nil,
                "\(key).extra: extra column \(what) is not in the header of '\(file)'\(EditDistance.hint(for: extra.header, among: header)) (header: \(shown))"
            )
        }
        // Ingest reads a fixed column from the pipeline only, whatever the file holds.
        if case .mapping(let fixed)? = m.value("fixed") {
            for (k, _) in fixed {
                guard let name = k.string, options.fixed[name] != nil, names.contains(name) else { continue }
                reader.warning(
                    k.mark,
                    "\(key).fixed.\(name): '\(file)' has a '\(name)' column too; it is ignored and the fixed value used"
                )
            }
        }
        let bound = Set(options.columns.keys).union(options.fixed.keys)
        for required in kind.requiredColumns where !bound.contains(required) && !names.contains(required) {
            reader.error(
                nameMark,
                "\(key): required column '\(required)' is not in the header of '\(file)', not mapped under columns and not fixed (header: \(shown))"
            )
        }
        guard kind == .survey, case .mapping(let scales)? = m.value("scales") else { return }
        for (scaleKey, scaleNode) in scales {
            guard case .mapping(let scale) = scaleNode, case .sequence(let items)? = scale["items"] else { continue }
            for item in items {
                guard case .scalar(let s) = item, !SpecReader.isNull(s), !bound.contains(s.string),
                    !names.contains(s.string)
                else { continue }
                reader.error(
                    item.mark,
                    "\(key).scales.\(scaleKey.string ?? ""): item '\(s.string)' is not a column of '\(file)'\(EditDistance.hint(for: s.string, among: header)) (header: \(shown))"
                )
            }
        }
    }
}
