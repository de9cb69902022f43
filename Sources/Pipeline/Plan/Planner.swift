import ApenCore
import Store

/// Decides, per stage, `run` or `skip` and why — the single place both `apen plan` and
/// `apen run` take that decision from, so plan and run always agree.
///
/// A stage is skipped when the store holds outputs for its current content key (from the last
/// run or any earlier one: reverting an input reuses old results). Ingest stages keep their
/// tables in memory only, so they run exactly when a stage that reads them runs.
package enum Planner {
    /// What the planner needs to know about earlier runs.
    package protocol History {
        /// Outputs for `stage` with content `key` exist (a successful run produced them).
        func hasOutput(stage: String, key: String) throws -> Bool
        /// The manifest stored with the newest successful output of `stage`, to explain changes.
        func lastManifest(pipeline: String, stage: String) throws -> StageManifest?
        /// What is wrong with the files the report stage wrote for `key` (empty: all in place, unmodified).
        func reportFilesIntact(key: String) throws -> [ReportFileProblem]
    }

    /// Why the report's files make the report stage run although its key is unchanged.
    package enum ReportFileProblem: Sendable, Hashable, CustomStringConvertible {
        case noStoredReport
        /// A file (by name) the stored report wrote is gone.
        case missing(String)
        /// A file (by name) no longer has the content the stored report wrote.
        case modified(String)

        package var description: String {
            switch self {
            case .noStoredReport: return "no stored report"
            case .missing(let name): return "\(name) missing"
            case .modified(let name): return "\(name) was modified"
            }
        }
    }

    /// Plans `graph`. `only` restricts the plan to that stage and what it reads (the stage itself
    /// always runs); `force` runs everything.
    /// - Throws: `Diagnostic` for an unknown `only` stage; what `history` throws.
    package static func plan(
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
        var ownReasons: [Stage.Kind: [PlannedStage.Reason]] = [:]  // why a stage's key differs from its last one

        // Explain each key change from the manifests, expanding upstream changes to their causes.
        for stage in graph.stages where wanted.contains(stage.id) {
            let (key, manifest) = keyed[stage.id]!
            var reasons: [PlannedStage.Reason] = []
            if let old = try history.lastManifest(pipeline: pipeline, stage: stage.id) {
                for change in manifest.changes(comparedWith: old) {
                    if case .upstreamChanged(let id) = change,
                        let dep = stage.dependencies.first(where: { $0.id == id }),
                        let cause = ownReasons[dep], !cause.isEmpty
                    {
                        reasons.append(contentsOf: cause)
                    } else {
                        reasons.append(.changed(change))
                    }
                }
            } else {
                reasons = [.neverRun]
            }
            ownReasons[stage.kind] = unique(reasons)
            planned[stage.id] = PlannedStage(stage: stage, key: key, manifest: manifest, action: .skip, reasons: [])
        }

        // Decide result stages first (dependencies before dependents).
        for stage in graph.stages where wanted.contains(stage.id) && !stage.isIngest {
            var p = planned[stage.id]!
            if force {
                (p.action, p.reasons) = (.run, [.forced])
            } else if stage.id == only {
                (p.action, p.reasons) = (.run, [.requested])
            } else if try !history.hasOutput(stage: stage.id, key: p.key) {
                let why = ownReasons[stage.kind] ?? []
                (p.action, p.reasons) = (.run, why.isEmpty ? [.noStoredResults] : why)
            } else if stage.kind == .report, case let damaged = try history.reportFilesIntact(key: p.key),
                !damaged.isEmpty
            {
                (p.action, p.reasons) = (.run, damaged.map { .reportFiles($0) })
            } else {
                (p.action, p.reasons) = (.skip, [.unchanged])
            }
            planned[stage.id] = p
        }
        // Ingest stages run when a reader runs.
        for stage in graph.stages where wanted.contains(stage.id) && stage.isIngest {
            var p = planned[stage.id]!
            let readers = graph.stages.filter {
                wanted.contains($0.id) && $0.readsTables && $0.dependencies.contains(stage.kind)
                    && planned[$0.id]!.action == .run
            }
            if force {
                (p.action, p.reasons) = (.run, [.forced])
            } else if stage.id == only {
                (p.action, p.reasons) = (.run, [.requested])
            } else if !readers.isEmpty {
                let own = ownReasons[stage.kind] ?? []
                p.action = .run
                p.reasons = own.isEmpty ? [.neededBy(readers.map(\.kind))] : own
            } else if try !history.hasOutput(stage: stage.id, key: p.key) {
                (p.action, p.reasons) = (.run, ownReasons[stage.kind] ?? [.neverRun])
            } else {
                (p.action, p.reasons) = (.skip, [.unchanged])
            }
            planned[stage.id] = p
        }
        return ids.map { planned[$0]! }
    }

    private static func unique(_ xs: [PlannedStage.Reason]) -> [PlannedStage.Reason] {
        var seen = Set<PlannedStage.Reason>()
        return xs.filter { seen.insert($0).inserted }
    }
}
