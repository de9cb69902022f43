import ApenCore

extension PipelineSpec {
    /// Every indicator id this pipeline computes, in catalogue order: the built-in ids that
    /// `indicators:` selects (ids or globs) or that a composite uses as a component, then
    /// every declared custom indicator, then `composite.<id>` and `composite.<id>.rank` for
    /// every composite.
    ///
    /// Declared custom and composite indicators are always computed — declaring one is
    /// asking for it — so `indicators:` need not repeat them. (The per-component
    /// `composite.<id>.shift.<component>` rows come with each composite and are not listed.)
    ///
    /// ```swift
    /// // indicators: [foi.*] with one custom `foi.p75_days`
    /// spec.selectedIndicatorIDs  // ["foi.within_3_workdays_share", …, "foi.granted_share", "foi.p75_days"]
    /// ```
    public var selectedIndicatorIDs: [String] {
        let scales = sources.filter { $0.options.kind == .survey }.flatMap { $0.options.survey.scales.map(\.name) }
        var seenScales = Set<String>()
        let builtIn = PipelineLoader.knownIndicatorIDs(
            scales: scales.filter { seenScales.insert($0).inserted }, customIDs: [], compositeIDs: [])
        let globs = indicators.map(Glob.init)
        let components = Set(composites.flatMap { $0.components.map(\.indicator) })
        var ids = builtIn.filter { id in components.contains(id) || globs.contains { $0.matches(id) } }
        ids += custom.map(\.id)
        for c in composites { ids += ["composite.\(c.id)", "composite.\(c.id).rank"] }
        return ids
    }
}
