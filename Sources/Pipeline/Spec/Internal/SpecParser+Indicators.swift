import ApenCore
import Ingest
import Yams

extension SpecParser {
    /// `indicators:` — ids or globs; an id must be known, a glob must match a known id.
    mutating func parseIndicators(_ node: Node, known: [String], customIDs: Set<String>, sources: [SourceSpec])
        -> [String]
    {
        guard let entries = reader.strings(node, key: "indicators", scalarAsList: true) else { return [] }
        let kinds = Set(sources.map(\.options.kind.rawValue))
        var result: [String] = []
        for (i, entry) in entries.enumerated() {
            let key = "indicators[\(i)]"
            if result.contains(entry.text) {
                reader.warning(entry.mark, "\(key): '\(entry.text)' is listed twice")
                continue
            }
            let glob = Glob(entry.text)
            let matched = known.filter { glob.matches($0) }
            if matched.isEmpty {
                let what = glob.isLiteral ? "unknown indicator '\(entry.text)'" : "'\(entry.text)' matches no indicator"
                reader.error(entry.mark, "\(key): \(what)\(EditDistance.hint(for: entry.text, among: known))")
                continue
            }
            result.append(entry.text)
            // Warn when nothing the entry selects can be computed from the declared sources.
            let builtIn = matched.filter { !customIDs.contains($0) }
            let missing = builtIn.compactMap { id -> [String]? in
                guard let needed = PipelineLoader.sourceKindsNeeded(by: id) else { return nil }
                let absent = needed.filter { !kinds.contains($0) }
                return absent.isEmpty ? nil : absent
            }
            if !builtIn.isEmpty, missing.count == builtIn.count, let first = missing.first {
                reader.warning(
                    entry.mark,
                    "\(key): '\(entry.text)' needs a source of kind \(first.joined(separator: " and ")), and the pipeline has none"
                )
            }
        }
        return result
    }
}
