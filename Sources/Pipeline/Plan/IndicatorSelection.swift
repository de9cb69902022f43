import ApenCore
import Indicators

/// Which built-in indicator ids a pipeline computes: those its `indicators:` globs select,
/// plus every composite component (a composite cannot be computed without them).
struct IndicatorSelection: Sendable {
    let globs: [Glob]
    let componentIDs: Set<String>
    let scales: [String]

    init(_ spec: PipelineSpec) {
        globs = spec.indicators.map(Glob.init)
        componentIDs = Set(spec.composites.flatMap { $0.components.map(\.indicator) })
        var seen = Set<String>()
        scales = spec.sources.flatMap { $0.options.kind == .survey ? $0.options.survey.scales.map(\.name) : [] }
            .filter { seen.insert($0).inserted }
    }

    func selects(_ id: String) -> Bool {
        componentIDs.contains(id) || globs.contains { $0.matches(id) }
    }

    /// The concrete built-in ids of `family` that are selected, in catalogue order.
    func builtinIDs(family: IndicatorFamily) -> [String] {
        BuiltinCatalogue.ids(family: family, scales: scales).filter(selects)
    }
}
