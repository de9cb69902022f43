import ApenCore
import Check
import Foundation
import Yams

extension SpecParser {
    /// `check:` — the baseline (relative to the pipeline file), tolerances by glob, and the
    /// policies for missing, added and n-changed rows (docs/check.md).
    mutating func parseCheck(_ node: Node, known: [String]) -> CheckConfiguration? {
        guard
            let m = reader.mapping(
                node, key: "check", allowed: ["baseline", "tolerance", "missing", "added", "n_changed"])
        else { return nil }
        guard let baselineNode = m.value("baseline") else {
            reader.error(m.mark, "check: missing required key 'baseline'")
            return nil
        }
        guard let baselineText = reader.string(baselineNode, key: "check.baseline") else { return nil }
        let baseline = PathResolution.resolve(baselineText, relativeToFile: path)
        if !FileManager.default.fileExists(atPath: baseline) {
            reader.warning(
                baselineNode.mark, "check.baseline: no file at '\(baselineText)' yet (resolved to '\(baseline)')")
        }
        var tolerances: [(pattern: String, tolerance: CheckConfiguration.Tolerance)] = []
        if let n = m.value("tolerance"), let tm = reader.mapping(n, key: "check.tolerance", allowed: nil) {
            for e in tm.entries {
                let key = "check.tolerance.\(e.key)"
                if e.key != "default", !known.contains(where: Glob(e.key).matches) {
                    reader.warning(
                        e.keyMark,
                        "\(key): '\(e.key)' matches no indicator\(EditDistance.hint(for: e.key, among: known))")
                }
                guard let tol = reader.mapping(e.value, key: key, allowed: ["abs", "rel"]) else { continue }
                var tolerance = CheckConfiguration.Tolerance()
                for (field, value) in tol.entries.map({ ($0.key, $0.value) }) {
                    guard let x = reader.number(value, key: "\(key).\(field)") else { continue }
                    guard x >= 0 else {
                        reader.error(
                            value.mark, "\(key).\(field): expected a number ≥ 0, found '\(SpecReader.text(value))'")
                        continue
                    }
                    if field == "abs" { tolerance.abs = x } else { tolerance.rel = x }
                }
                if tol.entries.isEmpty { reader.error(e.value.mark, "\(key): give 'abs', 'rel' or both") }
                tolerances.append((e.key, tolerance))
            }
        }
        var check = CheckConfiguration(baseline: baseline, tolerances: tolerances)
        if let n = m.value("missing"), let p = reader.choice(n, key: "check.missing", among: ["fail", "warn"]) {
            check.missing = CheckConfiguration.Policy(rawValue: p)!
        }
        if let n = m.value("added"), let p = reader.choice(n, key: "check.added", among: ["fail", "warn"]) {
            check.added = CheckConfiguration.Policy(rawValue: p)!
        }
        if let n = m.value("n_changed"), let p = reader.choice(n, key: "check.n_changed", among: ["fail", "warn"]) {
            check.changedN = CheckConfiguration.Policy(rawValue: p)!
        }
        return check
    }
}
