import ApenCore

extension RunDiff {
    /// The diff as text, Markdown or JSON: the two runs, the inputs and stages that differ, then
    /// the result rows as `apen check` shows them (differences only unless `all`).
    ///
    /// ```swift
    /// print(diff.rendered(as: .text, all: false))
    /// ```
    /// - Parameter maxRows: at most this many result rows in text and Markdown (see
    ///   ``CheckReport/rendered(as:all:title:maxRows:)``); JSON holds them all.
    package func rendered(as format: OutputFormat, all: Bool, maxRows: Int? = nil) -> String {
        switch format {
        case .text: text(all: all, maxRows: maxRows)
        case .md: markdown(all: all, maxRows: maxRows)
        case .json: json(all: all)
        // The result rows as a check would show them, titled by the two runs.
        case .junit: results.rendered(as: .junit, all: all, title: "apen diff: \(heading)")
        case .github: results.rendered(as: .github, all: all)
        }
    }

    private var heading: String {
        "run \(from.id) (\(from.pipeline), \(from.started)) → run \(to.id) (\(to.pipeline), \(to.started))"
    }

    private func inputLines() -> [String] {
        inputs.map { c in
            switch c.kind {
            case .changed:
                let b = c.before!
                let a = c.after!
                var s = "\(c.source): changed"
                if b.path != a.path { s += ", path \(b.path) → \(a.path)" } else { s += ", \(a.path)" }
                if b.sha256 != a.sha256 { s += ", sha256 \(short(b.sha256)) → \(short(a.sha256))" }
                return s
            case .added: return "\(c.source): added, \(c.after!.path) sha256 \(short(c.after!.sha256))"
            case .removed: return "\(c.source): removed (was \(c.before!.path))"
            }
        }
    }

    private func stageLines() -> [String] {
        stages.map { c in
            switch c.kind {
            case .changed: "\(c.stage): definition or inputs changed, key \(short(c.before!)) → \(short(c.after!))"
            case .added: "\(c.stage): added"
            case .removed: "\(c.stage): removed"
            }
        }
    }

    /// `change survey.trust.index 5006 2024: appeared (deterioration, -0.176 [-0.35, -0.0021])`.
    private func findingLines() -> [String] {
        func describe(_ f: Finding) -> String {
            var parts: [String] = []
            if !f.verdict.isEmpty { parts.append(f.verdict) }
            var number = NumberText.plain(f.change ?? f.value)
            if let l = f.ciLow, let h = f.ciHigh { number += " [\(NumberText.plain(l)), \(NumberText.plain(h))]" }
            parts.append(number)
            return parts.joined(separator: ", ")
        }
        return findings.map { c in
            switch c.kind {
            case .added: "\(c.key): appeared (\(describe(c.after!)))"
            case .removed: "\(c.key): disappeared (was \(describe(c.before!)))"
            case .changed: "\(c.key): changed, \(describe(c.before!)) → \(describe(c.after!))"
            }
        }
    }

    private func short(_ hash: String) -> String { hash.count > 12 ? String(hash.prefix(12)) + "…" : hash }

    private var verdict: String { identical ? "identical" : "different" }

    private func text(all: Bool, maxRows: Int?) -> String {
        var s = heading + "\n\n"
        s += "inputs:" + (inputs.isEmpty ? " unchanged\n" : "\n" + inputLines().map { "  " + $0 + "\n" }.joined())
        s += "stages:" + (stages.isEmpty ? " unchanged\n" : "\n" + stageLines().map { "  " + $0 + "\n" }.joined())
        s +=
            "findings:"
            + (findings.isEmpty ? " unchanged\n" : "\n" + findingLines().map { "  " + $0 + "\n" }.joined())
        s += "\n" + results.textTable(all: all, maxRows: maxRows)
        return s + results.summary.line + " — runs " + verdict + "\n"
    }

    private func markdown(all: Bool, maxRows: Int?) -> String {
        var s =
            "### Åpen diff: run \(from.id) → run \(to.id) — \(verdict)\n\n" + CheckTableColumns.markdown(heading)
            + "\n\n"
        s +=
            "**Inputs:**"
            + (inputs.isEmpty
                ? " unchanged\n" : "\n\n" + inputLines().map { "- " + CheckTableColumns.markdown($0) + "\n" }.joined())
        s +=
            "\n**Stages:**"
            + (stages.isEmpty
                ? " unchanged\n" : "\n\n" + stageLines().map { "- " + CheckTableColumns.markdown($0) + "\n" }.joined())
        s +=
            "\n**Findings:**"
            + (findings.isEmpty
                ? " unchanged\n"
                : "\n\n" + findingLines().map { "- " + CheckTableColumns.markdown($0) + "\n" }.joined())
        s += "\n" + results.markdownTable(all: all, maxRows: maxRows)
        return s + "**\(results.summary.line)** — runs \(verdict)\n"
    }

    private func json(all: Bool) -> String {
        func run(_ r: Run) -> String {
            JSONText.object([
                ("id", String(r.id)), ("pipeline", JSONText.string(r.pipeline)),
                ("started", JSONText.string(r.started)),
            ])
        }
        func input(_ i: RunSnapshot.Input?) -> String {
            guard let i else { return "null" }
            return JSONText.object([("path", JSONText.string(i.path)), ("sha256", JSONText.string(i.sha256))])
        }
        let inputsJSON = inputs.map {
            JSONText.object([
                ("source", JSONText.string($0.source)), ("change", JSONText.string($0.kind.rawValue)),
                ("before", input($0.before)), ("after", input($0.after)),
            ])
        }
        let stagesJSON = stages.map {
            JSONText.object([
                ("stage", JSONText.string($0.stage)), ("change", JSONText.string($0.kind.rawValue)),
                ("before", $0.before.map(JSONText.string) ?? "null"),
                ("after", $0.after.map(JSONText.string) ?? "null"),
            ])
        }
        func number(_ x: Double?) -> String { x.map(NumberText.shortest) ?? "null" }
        func finding(_ f: Finding?) -> String {
            guard let f else { return "null" }
            return JSONText.object([
                ("value", number(f.value)), ("previous_value", number(f.previousValue)), ("change", number(f.change)),
                ("ci_low", number(f.ciLow)), ("ci_high", number(f.ciHigh)), ("verdict", JSONText.string(f.verdict)),
            ])
        }
        let findingsJSON = findings.map {
            JSONText.object([
                ("finding", JSONText.string($0.key)), ("change", JSONText.string($0.kind.rawValue)),
                ("before", finding($0.before)), ("after", finding($0.after)),
            ])
        }
        return results.json(
            all: all,
            extra: [
                ("from", run(from)), ("to", run(to)),
                ("inputs", JSONText.array(inputsJSON, indent: 4)), ("stages", JSONText.array(stagesJSON, indent: 4)),
                ("findings", JSONText.array(findingsJSON, indent: 4)),
            ],
            outcome: verdict, exitCode: exitCode) + "\n"
    }
}
