import ApenCore
import Store

/// Decides, per stage, `run` or `skip` and why — the single place both `apen plan` and
/// `apen run` take that decision from, so plan and run always agree.
///
/// A stage is skipped when the store holds outputs for its current content key (from the last
/// run or any earlier one: reverting an input reuses old results). Ingest stages keep their
/// tables in memory only, so they run exactly when a stage that reads them runs.
public enum Planner {
    /// What the planner needs to know about earlier runs.
    public protocol History {
        /// Outputs for `stage` with content `key` exist (a successful run produced them).
        func hasOutput(stage: String, key: String) throws -> Bool
        /// The manifest stored with the newest successful output of `stage`, to explain changes.
        func lastManifest(pipeline: String, stage: String) throws -> StageManifest?
        /// Whether the files the report stage wrote for `key` are still in place, unmodified.
        func reportFilesIntact(key: String) throws -> [String]
    }

    /// Plans `graph`. `only` restricts the plan to that stage and what it reads (the stage itself
    /// always runs); `force` runs everything.
    /// - Throws: `Diagnostic` for an unknown `only` stage; what `history` throws.
    public static func plan(
        _ graph: StageGraph, pipeline: String, history: some History, force: Bool, only: String?
    ) throws -> [PlannedStage] {
        let keyed = graph.keyed()
        var ids = graph.stages.map(\.id)
        if let only {
            guard graph[only] != nil else {
                throw Diagnostic(
                    SourceLocation(path: pipeline), "no stage '\(only)'; stages are: \(ids.joined(separator: ", "))")
            }
            ids = graph.closure(of: only)
        }
        let wanted = Set(ids)
        var planned: [String: PlannedStage] = [:]
        var ownReasons: [String: [String]] = [:]  // why a stage's key differs from its last one

        // Explain each key change from the manifests, expanding upstream changes to their causes.
        for stage in graph.stages where wanted.contains(stage.id) {
            let (key, manifest) = keyed[stage.id]!
            var reasons: [String] = []
            if let old = try history.lastManifest(pipeline: pipeline, stage: stage.id) {
                for r in manifest.reasons(comparedWith: old) {
                    if let dep = stage.dependencies.first(where: { r == "\($0) changed" }),
                        let cause = ownReasons[dep], !cause.isEmpty
                    {
                        reasons.append(contentsOf: cause)
                    } else {
                        reasons.append(r)
                    }
                }
            } else {
                reasons = ["never run"]
            }
            ownReasons[stage.id] = unique(reasons)
            planned[stage.id] = PlannedStage(stage: stage, key: key, manifest: manifest, action: .skip, reasons: [])
        }

        // Decide result stages first (dependencies before dependents).
        for stage in graph.stages where wanted.contains(stage.id) && !stage.isIngest {
            var p = planned[stage.id]!
            if force {
                (p.action, p.reasons) = (.run, ["forced (--force)"])
            } else if stage.id == only {
                (p.action, p.reasons) = (.run, ["requested (--only)"])
            } else if try !history.hasOutput(stage: stage.id, key: p.key) {
                let why = ownReasons[stage.id] ?? []
                (p.action, p.reasons) = (.run, why.isEmpty ? ["no stored results"] : why)
            } else if stage.kind == .report, case let damaged = try history.reportFilesIntact(key: p.key),
                !damaged.isEmpty
            {
                (p.action, p.reasons) = (.run, damaged)
            } else {
                (p.action, p.reasons) = (.skip, ["unchanged"])
            }
            planned[stage.id] = p
        }
        // Ingest stages run when a reader runs.
        for stage in graph.stages where wanted.contains(stage.id) && stage.isIngest {
            var p = planned[stage.id]!
            let readers = graph.stages.filter {
                wanted.contains($0.id) && $0.readsTables && $0.dependencies.contains(stage.id)
                    && planned[$0.id]!.action == .run
            }
            if force {
                (p.action, p.reasons) = (.run, ["forced (--force)"])
            } else if stage.id == only {
                (p.action, p.reasons) = (.run, ["requested (--only)"])
            } else if !readers.isEmpty {
                let own = ownReasons[stage.id] ?? []
                p.action = .run
                p.reasons = own.isEmpty ? ["needed by \(readers.map(\.id).joined(separator: ", "))"] : own
            } else if try !history.hasOutput(stage: stage.id, key: p.key) {
                (p.action, p.reasons) = (.run, ownReasons[stage.id] ?? ["never run"])
            } else {
                (p.action, p.reasons) = (.skip, ["unchanged"])
            }
            planned[stage.id] = p
        }
        return ids.map { planned[$0]! }
    }

    private static func unique(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0).inserted }
    }
}
