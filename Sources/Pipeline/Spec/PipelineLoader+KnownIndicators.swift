import Indicators

extension PipelineLoader {
    /// Every indicator id a pipeline may name: the built-in catalogue's ids (METHODS.md
    /// §2–§5, in catalogue order, survey ids expanded for each scale), then the custom ids,
    /// then `composite.<id>` and `composite.<id>.rank` for each composite.
    ///
    /// Used to check `indicators:` entries (an id must be known, a glob must match one),
    /// composite components and `check.tolerance` globs. The built-in part comes from
    /// `BuiltinCatalogue`, so validation cannot drift from the code that computes.
    ///
    /// ```swift
    /// PipelineLoader.knownIndicatorIDs(scales: ["trust"], customIDs: [], compositeIDs: ["openness"])
    /// // ["survey.trust.index", "survey.trust.agree_share", "survey.trust.alpha", "survey.responses",
    /// //  "engagement.participants", …, "foi.granted_share", "composite.openness", "composite.openness.rank"]
    /// ```
    package static func knownIndicatorIDs(scales: [String], customIDs: [String], compositeIDs: [String]) -> [String] {
        var ids = IndicatorFamily.allCases.flatMap { BuiltinCatalogue.ids(family: $0, scales: scales) }
        ids += customIDs
        for id in compositeIDs { ids += ["composite.\(id)", "composite.\(id).rank"] }
        return ids
    }

    /// The source kinds (raw values) a built-in indicator reads, from its catalogue entry;
    /// `nil` for an id that is not built in.
    static func sourceKindsNeeded(by id: String) -> [String]? {
        BuiltinCatalogue.info(for: id)?.inputs
    }
}
