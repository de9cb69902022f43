import ApenCore

/// How two stored runs differ: their results row by row, their input files, their stages.
///
/// Results are compared like `apen check` with run A as the baseline, by default with exact
/// equality and every `missing`, `added` and `n changed` row counted as a difference. Inputs
/// are matched by source name (a different path or SHA-256 is a change); stages by stage name
/// (a different content key means the stage's definition or its inputs changed); the findings
/// the reports stated (METHODS §9) by kind, indicator, municipality and year.
///
/// ```swift
/// let diff = try RunDiff.compare(from: a, to: b)
/// diff.identical   // false when any result, input or stage differs
/// ```
package struct RunDiff: Sendable, Hashable {
    /// A source or stage present in one run only, or in both with different content.
    package enum ChangeKind: String, Sendable, Hashable {
        case changed, added, removed
    }

    package struct InputChange: Sendable, Hashable {
        package var source: String
        package var kind: ChangeKind
        package var before: RunSnapshot.Input?
        package var after: RunSnapshot.Input?
    }

    package struct StageChange: Sendable, Hashable {
        package var stage: String
        package var kind: ChangeKind
        package var before: String?
        package var after: String?
    }

    /// A finding (METHODS §9) stated by one run only, or by both with different numbers or verdict:
    /// a finding that appears or disappears is a change worth reviewing.
    package struct FindingChange: Sendable, Hashable {
        /// `kind indicator municipality year` (``Finding/key``).
        package var key: String
        package var kind: ChangeKind
        package var before: Finding?
        package var after: Finding?
    }

    /// Which run a side of the diff is.
    package struct Run: Sendable, Hashable {
        package var id: Int64
        package var pipeline: String
        /// ISO-8601 UTC, as stored.
        package var started: String
    }

    /// Run A (its results are the baseline).
    package var from: Run
    /// Run B (its results are the new ones).
    package var to: Run
    package var results: CheckReport
    /// Sorted by source name.
    package var inputs: [InputChange]
    /// Sorted by stage name.
    package var stages: [StageChange]
    /// Findings that appeared (`added`), disappeared (`removed`) or changed, sorted by key.
    package var findings: [FindingChange] = []

    /// The configuration a diff uses unless given one: exact values, every difference fails.
    package static var exactConfiguration: CheckConfiguration {
        var c = CheckConfiguration(baseline: "", tolerances: [])
        c.missing = .fail
        c.added = .fail
        c.changedN = .fail
        return c
    }

    /// Compares run `a` (old) with run `b` (new).
    /// - Throws: a ``Diagnostic`` if a run holds the same result row twice.
    package static func compare(
        from a: RunSnapshot, to b: RunSnapshot, configuration: CheckConfiguration = exactConfiguration
    ) throws -> RunDiff {
        let results = try CheckReport.compare(
            baseline: a.results, current: b.results, configuration: configuration,
            baselineName: "run \(a.id)", currentName: "run \(b.id)")
        let inputs = changes(
            Dictionary(a.inputs.map { ($0.source, $0) }, uniquingKeysWith: { _, last in last }),
            Dictionary(b.inputs.map { ($0.source, $0) }, uniquingKeysWith: { _, last in last })
        ).map { InputChange(source: $0.name, kind: $0.kind, before: $0.before, after: $0.after) }
        let stages = changes(
            Dictionary(a.stages.map { ($0.stage, $0.key) }, uniquingKeysWith: { _, last in last }),
            Dictionary(b.stages.map { ($0.stage, $0.key) }, uniquingKeysWith: { _, last in last })
        ).map { StageChange(stage: $0.name, kind: $0.kind, before: $0.before, after: $0.after) }
        let findings = changes(
            Dictionary(a.findings.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first }),
            Dictionary(b.findings.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        ).map { FindingChange(key: $0.name, kind: $0.kind, before: $0.before, after: $0.after) }
        return RunDiff(
            from: Run(id: a.id, pipeline: a.pipeline, started: a.started),
            to: Run(id: b.id, pipeline: b.pipeline, started: b.started),
            results: results, inputs: inputs, stages: stages, findings: findings)
    }

    /// True when no result row, input, stage or finding differs.
    package var identical: Bool {
        inputs.isEmpty && stages.isEmpty && findings.isEmpty && results.rows.allSatisfy { $0.verdict == .ok }
    }

    /// As `diff(1)`: 0 when the runs are identical, 1 when they differ.
    package var exitCode: Int32 { identical ? 0 : 1 }

    private static func changes<V: Equatable>(_ old: [String: V], _ new: [String: V])
        -> [(name: String, kind: ChangeKind, before: V?, after: V?)]
    {
        var out: [(name: String, kind: ChangeKind, before: V?, after: V?)] = []
        for name in Set(old.keys).union(new.keys).sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            switch (old[name], new[name]) {
            case (let o?, let n?) where o != n: out.append((name, .changed, o, n))
            case (let o?, nil): out.append((name, .removed, o, nil))
            case (nil, let n?): out.append((name, .added, nil, n))
            default: break
            }
        }
        return out
    }
}
