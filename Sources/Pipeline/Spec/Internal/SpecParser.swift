import ApenCore
import Check
import Foundation
import Indicators
import Ingest
import Reports
import Yams

/// Turns a composed YAML document into a ``PipelineSpec``, section by section, recording
/// every problem in ``reader``. One extension per section (`SpecParser+Sources.swift`, …).
struct SpecParser {
    var reader: SpecReader
    /// The pipeline file's path, as given; relative paths in the file resolve against its folder.
    let path: String
    /// Where each declared comparison-group member is written (`report: groups:`).
    var groupMemberLocations: [String: [String: SourceLocation]] = [:]

    static let topLevelKeys = [
        "pipeline", "title", "language", "min_n", "municipalities", "sources", "indicators", "custom", "composite",
        "report", "check",
    ]

    init(path: String) {
        self.path = path
        self.reader = SpecReader(path: path)
    }

    /// The spec, or `nil` when a required part could not be read (the errors say why).
    mutating func parse(_ root: Node?) -> PipelineSpec? {
        guard let root, !SpecReader.isNull(root) else {
            reader.error(
                line: 1, column: 1,
                "the pipeline file is empty; it needs at least 'pipeline', 'sources' and 'indicators'")
            return nil
        }
        guard let top = reader.mapping(root, key: "", allowed: SpecParser.topLevelKeys) else { return nil }
        for key in ["pipeline", "sources"] where !top.has(key) {
            reader.error(top.mark, "missing required key '\(key)'")
        }
        // A pipeline of custom indicators (or composites) alone needs no built-in list.
        let definesOwn = top.has("custom") || top.has("composite")
        if !top.has("indicators"), !definesOwn {
            reader.error(
                top.mark, "missing required key 'indicators' (or 'custom' for a pipeline of custom indicators only)")
        }

        let name = top.value("pipeline").flatMap { parseName($0) }
        let title = top.value("title").flatMap { reader.string($0, key: "title") }
        let language = top.value("language").flatMap {
            reader.choice($0, key: "language", among: Language.allCases.map(\.rawValue))
        }
        var minN = PipelineSpec.defaultMinN
        if let n = top.value("min_n"), let v = reader.integer(n, key: "min_n") {
            if v >= 1 {
                minN = v
            } else {
                reader.error(n.mark, "min_n: \(v) is not a count; give a whole number ≥ 1 (default 5)")
            }
        }
        let municipalities = top.value("municipalities").map { parseMunicipalities($0) }
        var sources = top.value("sources").map { parseSources($0) } ?? []
        for i in sources.indices {
            sources[i].options.harmoniseTo = municipalities?.harmoniseTo
            sources[i].options.municipalityDigits = municipalities?.digits
        }
        var sourceNames: [String] = []
        if case .mapping(let m)? = top.value("sources") { sourceNames = m.keys.compactMap(\.string) }
        let custom = top.value("custom").map { parseCustom($0, sourceNames: sourceNames, sources: sources) } ?? []
        let scales = sources.flatMap { $0.options.kind == .survey ? $0.options.survey.scales.map(\.name) : [] }
        let builtInAndCustom = PipelineLoader.knownIndicatorIDs(
            scales: unique(scales), customIDs: custom.map(\.id), compositeIDs: [])
        let composites = top.value("composite").map { parseComposites($0, known: builtInAndCustom) } ?? []
        let known = PipelineLoader.knownIndicatorIDs(
            scales: unique(scales), customIDs: custom.map(\.id), compositeIDs: composites.map(\.id))
        let indicators =
            top.value("indicators").map {
                parseIndicators($0, known: known, customIDs: Set(custom.map(\.id)), sources: sources)
            } ?? []
        let report = top.value("report").map { parseReport($0) } ?? (options: ReportOptions(), date: nil)
        let check = top.value("check").flatMap { parseCheck($0, known: known) }

        guard let name, top.has("sources"), top.has("indicators") || definesOwn else { return nil }
        var spec = PipelineSpec(
            name: name, title: title ?? name, language: language.flatMap(Language.init(rawValue:)) ?? .nb,
            path: path, sources: sources, indicators: indicators, custom: custom, composites: composites,
            report: report.options, check: check)
        spec.reportDate = report.date
        spec.minN = minN
        spec.harmoniseTo = municipalities?.harmoniseTo
        spec.groupMemberLocations = groupMemberLocations
        return spec
    }

    /// `pipeline:` names the output folder `reports/<name>/`, so it must be a plain folder name.
    mutating func parseName(_ node: Node) -> String? {
        guard let name = reader.string(node, key: "pipeline") else { return nil }
        guard SpecParser.isPlainName(name, allowDot: true), name != ".", name != ".." else {
            reader.error(
                node.mark,
                "pipeline: the name is used as a folder name; use letters, digits, '.', '_' and '-' (found '\(name)')")
            return nil
        }
        return name
    }

    /// Letters, digits, `_`, `-` (and `.` when `allowDot`), not starting with `-` or `.`.
    static func isPlainName(_ text: String, allowDot: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, first != "-", first != "." else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || $0 == "_" || $0 == "-" || (allowDot && $0 == ".")
        }
    }

    func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
