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
public struct StageGraph: Sendable {
    /// Stages in a topological order (dependencies first).
    public private(set) var stages: [Stage]

    public init(stages: [Stage]) { self.stages = stages }

    public subscript(id: String) -> Stage? { stages.first { $0.id == id } }

    /// The built-in families and the source kinds each reads.
    public static let families: [(family: String, kinds: [SourceKind], optional: [SourceKind])] = [
        ("survey", [.survey], []),
        ("engagement", [.engagement], [.population]),
        ("publication", [.publications], []),
        ("opendata", [.publications], []),
        ("foi", [.accessRequests], []),
    ]

    /// Derives the stages of `spec`; `hash` gives a file's SHA-256 (the store's stat cache).
    /// - Throws: what `hash` throws for an unreadable file.
    public static func build(
        _ spec: PipelineSpec, outputDirectory: String, reportDate: String, hash: (String) throws -> String
    ) throws -> StageGraph {
        var stages: [Stage] = []
        var sourceStage: [String: String] = [:]  // source name → stage id
        func tool(_ m: inout StageManifest) { m.add(.tool, "apen", ApenVersion.string) }

        // 1. One ingest stage per source.
        for var source in spec.sources {
            source.options.unusedColumns = ColumnUse.unused(source, in: spec)
            var m = StageManifest()
            tool(&m)
            m.add(.file, fileName(source.options.path), try hash(source.options.path))
            for (name, value) in IngestDefinition.parts(source.options) { m.add(.definition, name, value) }
            let id = "ingest.\(source.name)"
            sourceStage[source.name] = id
            stages.append(Stage(id: id, kind: .ingest(source: source.name), dependencies: [], manifest: m))
        }

        // 2. Built-in families, for the ids the pipeline selects (and composite components need).
        let selection = IndicatorSelection(spec)
        var producer: [String: String] = [:]  // indicator id or family prefix → stage id
        for (family, kinds, optional) in families {
            let ids = selection.builtinIDs(family: family)
            guard !ids.isEmpty else { continue }
            let reads = spec.sources.filter { kinds.contains($0.options.kind) }
            guard !reads.isEmpty else { continue }
            let extra = spec.sources.filter { optional.contains($0.options.kind) }
            var m = StageManifest()
            tool(&m)
            m.add(.definition, "indicators", ids.joined(separator: ","))
            m.add(.definition, "min_n", String(spec.minN))
            let id = "indicators.\(family)"
            stages.append(
                Stage(
                    id: id, kind: .indicators(family: family),
                    dependencies: (reads + extra).map { sourceStage[$0.name]! }, manifest: m))
            for i in ids { producer[i] = id }
        }

        // 3. Custom indicators.
        for c in spec.custom {
            var m = StageManifest()
            tool(&m)
            m.add(.definition, "custom '\(c.id)'", CanonicalText.describe(c))
            let id = "custom.\(c.id)"
            let deps = sourceStage[c.source].map { [$0] } ?? []
            stages.append(Stage(id: id, kind: .custom(id: c.id), dependencies: deps, manifest: m))
            producer[c.id] = id
        }

        // 4. Composite indices read the stages that produce their components.
        for c in spec.composites {
            var m = StageManifest()
            tool(&m)
            m.add(.definition, "composite '\(c.id)'", CanonicalText.describe(c))
            let deps = Array(Set(c.components.compactMap { producer[$0.indicator] })).sorted()
            let id = "composite.\(c.id)"
            stages.append(Stage(id: id, kind: .composite(id: c.id), dependencies: deps, manifest: m))
        }

        let resultStages = stages.filter { !$0.isIngest }.map(\.id)
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
                id: "report", kind: .report,
                dependencies: stages.filter(\.isIngest).map(\.id) + resultStages, manifest: report))

        // 6. The regression check against the baseline.
        if let check = spec.check {
            var m = StageManifest()
            tool(&m)
            m.add(.definition, "check", CanonicalText.describe(check))
            m.add(.file, fileName(check.baseline), (try? hash(check.baseline)) ?? "missing")
            stages.append(Stage(id: "check", kind: .check, dependencies: resultStages, manifest: m))
        }
        return StageGraph(stages: stages)
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Content keys of all stages: each manifest plus its upstream keys, in topological order.
    public func keyed() -> [String: (key: String, manifest: StageManifest)] {
        var out: [String: (key: String, manifest: StageManifest)] = [:]
        for s in stages {
            var m = s.manifest
            for d in s.dependencies { m.add(.upstream, d, out[d]!.key) }
            out[s.id] = (m.key, m)
        }
        return out
    }

    /// The stage `id` and everything it transitively reads, in topological order.
    public func closure(of id: String) -> [String] {
        var need: Set<String> = [id]
        for s in stages.reversed() where need.contains(s.id) { need.formUnion(s.dependencies) }
        return stages.map(\.id).filter { need.contains($0) }
    }
}
