import ApenCore
import Indicators
import Ingest

/// The stages of a pipeline and their dependencies, derived from its spec.
///
/// ```
/// ingest.<source> ──▶ indicators.<family> ─┐
///                 └─▶ custom.<id> ─────────┼─▶ composite.<id> ─▶ report, check
/// ```
/// Every stage's manifest names its input files (by SHA-256), its own definition and the tool
/// version; upstream keys are added when keys are computed (`keys(hashes:)`), in dependency order.
package struct StageGraph: Sendable {
    /// Stages in a topological order (dependencies first).
    package private(set) var stages: [Stage]

    package init(stages: [Stage]) { self.stages = stages }

    package subscript(id: String) -> Stage? { stages.first { $0.id == id } }

    /// Derives the stages of `spec`; `hash` gives a file's SHA-256 (the store's stat cache).
    /// - Throws: what `hash` throws for an unreadable file.
    package static func build(
        _ spec: PipelineSpec, outputDirectory: String, reportDate: String, hash: (String) throws -> String
    ) throws -> StageGraph {
        var stages: [Stage] = []
        var sourceStage: [String: Stage.Kind] = [:]  // source name → its ingest stage
        func tool(_ m: inout StageManifest) { m.add(.tool, "apen", ApenVersion.string) }

        // 1. One ingest stage per source.
        for var source in spec.sources {
            source.options.unusedColumns = ColumnUse.unused(source, in: spec)
            var m = StageManifest()
            tool(&m)
            m.add(.file, fileName(source.options.path), try hash(source.options.path))
            for (name, value) in IngestDefinition.parts(source.options) { m.add(.definition, name, value) }
            let kind = Stage.Kind.ingest(source: source.name)
            sourceStage[source.name] = kind
            stages.append(Stage(kind: kind, dependencies: [], manifest: m))
        }

        // 2. Built-in families, for the ids the pipeline selects (and composite components need).
        let selection = IndicatorSelection(spec)
        var producer: [String: Stage.Kind] = [:]  // indicator id → the stage that computes it
        for family in IndicatorFamily.allCases {
            let ids = selection.builtinIDs(family: family)
            guard !ids.isEmpty else { continue }
            let reads = spec.sources.filter { $0.options.kind == family.sourceKind }
            guard !reads.isEmpty else { continue }
            let extra = spec.sources.filter { family.optionalSourceKinds.contains($0.options.kind) }
            var m = StageManifest()
            tool(&m)
            m.add(.definition, "indicators", ids.joined(separator: ","))
            m.add(.definition, "min_n", String(spec.minN))
            let kind = Stage.Kind.indicators(family)
            stages.append(
                Stage(kind: kind, dependencies: (reads + extra).compactMap { sourceStage[$0.name] }, manifest: m))
            for i in ids { producer[i] = kind }
        }

        // 3. Custom indicators.
        for c in spec.custom {
            var m = StageManifest()
            tool(&m)
            m.add(.definition, "custom '\(c.id)'", CanonicalText.describe(c))
            m.add(.definition, "min_n", String(spec.minN))
            let kind = Stage.Kind.custom(id: c.id)
            let deps = sourceStage[c.source].map { [$0] } ?? []
            stages.append(Stage(kind: kind, dependencies: deps, manifest: m))
            producer[c.id] = kind
        }

        // 4. Composite indices read the stages that produce their components.
        for c in spec.composites {
            var m = StageManifest()
            tool(&m)
            m.add(.definition, "composite '\(c.id)'", CanonicalText.describe(c))
            let deps = Array(Set(c.components.compactMap { producer[$0.indicator] })).sorted {
                $0.id < $1.id
            }
            stages.append(Stage(kind: .composite(id: c.id), dependencies: deps, manifest: m))
        }

        let resultStages = stages.filter { !$0.isIngest }.map(\.kind)
        // 4b. Comparison groups read the tables of every built-in and custom stage.
        var groupStage: [Stage.Kind] = []
        if spec.report.groups.enabled {
            var m = StageManifest()
            tool(&m)
            m.add(.definition, "groups", CanonicalText.describe(spec.report.groups))
            let computed = stages.filter(\.readsTables)
            for s in computed {
                for part in s.manifest.parts where part.kind == .definition {
                    m.add(.definition, "\(s.id) \(part.name)", part.value)
                }
            }
            let deps = Array(Set(computed.flatMap(\.dependencies))).sorted { $0.id < $1.id }
            stages.append(Stage(kind: .groups, dependencies: deps, manifest: m))
            groupStage = [.groups]
        }
        // 5. The report reads every result stage and the ingest summaries (data quality).
        var report = StageManifest()
        tool(&report)
        report.add(.definition, "report", CanonicalText.describe(spec.report))
        report.add(.definition, "title", spec.title)
        report.add(.definition, "language", spec.language.rawValue)
        report.add(.definition, "output folder", outputDirectory)
        report.add(.definition, "report date", reportDate)
        stages.append(
            Stage(
                kind: .report, dependencies: stages.filter(\.isIngest).map(\.kind) + resultStages + groupStage,
                manifest: report))

        // 6. The regression check against the baseline.
        if let check = spec.check {
            var m = StageManifest()
            tool(&m)
            m.add(.definition, "check", CanonicalText.describe(check))
            m.add(.file, fileName(check.baseline), (try? hash(check.baseline)) ?? "missing")
            stages.append(Stage(kind: .check, dependencies: resultStages, manifest: m))
        }
        return StageGraph(stages: stages)
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Content keys of all stages: each manifest plus its upstream keys, in topological order.
    package func keyed() -> [String: (key: String, manifest: StageManifest)] {
        var out: [String: (key: String, manifest: StageManifest)] = [:]
        for s in stages {
            var m = s.manifest
            for d in s.dependencies {
                guard let upstream = out[d.id] else { preconditionFailure("stage \(s.id) listed before \(d.id)") }
                m.add(.upstream, d.id, upstream.key)
            }
            out[s.id] = (m.key, m)
        }
        return out
    }

    /// The stage `id` and everything it transitively reads, in topological order.
    package func closure(of id: String) -> [String] {
        var need: Set<String> = [id]
        for s in stages.reversed() where need.contains(s.id) { need.formUnion(s.dependencies.map(\.id)) }
        return stages.map(\.id).filter { need.contains($0) }
    }
}

extension IndicatorFamily {
    /// Source kinds a family reads when the pipeline has them, besides ``sourceKind``:
    /// engagement's per-1000 rate divides by population (METHODS.md §3).
    // Belongs beside `sourceKind` in Indicators; kept here while that module is being changed
    // on another branch.
    var optionalSourceKinds: [SourceKind] {
        switch self {
        case .engagement: return [.population]
        case .survey, .publication, .opendata, .foi: return []
        }
    }
}
