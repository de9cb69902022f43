extension PipelineLoader {
    /// Built-in indicator ids of METHODS.md §2–§5, survey ids expanded per scale, then
    /// custom ids and `composite.<id>` / `composite.<id>.rank` for each composite.
    ///
    /// Used to check `indicators:` entries (an id must be known, a glob must match one)
    /// and composite components.
    ///
    /// TODO(lead): switch to the Indicators module's built-in catalogue once it lands, so
    /// this list cannot drift from the code that computes the indicators.
    ///
    /// ```swift
    /// PipelineLoader.knownIndicatorIDs(scales: ["trust"], customIDs: [], compositeIDs: [])
    /// // ["survey.responses", "survey.trust.index", "survey.trust.agree_share", "survey.trust.alpha", "engagement.participants", …]
    /// ```
    public static func knownIndicatorIDs(scales: [String], customIDs: [String], compositeIDs: [String]) -> [String] {
        var ids = ["survey.responses"]
        for scale in scales {
            ids += ["survey.\(scale).index", "survey.\(scale).agree_share", "survey.\(scale).alpha"]
        }
        ids += [
            // §3 Engagement
            "engagement.participants", "engagement.participants_per_1000",
            "engagement.actions_per_participant", "engagement.repeat_share", "engagement.gini",
            // §4 Publications and open data
            "publication.open_share", "publication.exempt_share",
            "publication.lag_median_days", "publication.lag_p90_days",
            "opendata.open_licence_share", "opendata.stars_mean",
            // §5 Access requests
            "foi.within_3_workdays_share", "foi.within_5_workdays_share",
            "foi.median_workdays", "foi.granted_share",
        ]
        ids += customIDs
        for id in compositeIDs { ids += ["composite.\(id)", "composite.\(id).rank"] }
        return ids
    }

    /// The source kinds a built-in indicator family reads (METHODS.md §2–§5), for the
    /// "no source of kind …" warning; `nil` for ids that are not built in.
    static func sourceKindsNeeded(by id: String) -> [SourceKindName]? {
        if id == "engagement.participants_per_1000" { return ["engagement", "population"] }
        switch id.split(separator: ".").first {
        case "survey": return ["survey"]
        case "engagement": return ["engagement"]
        case "publication", "opendata": return ["publications"]
        case "foi": return ["access_requests"]
        default: return nil
        }
    }

    typealias SourceKindName = String
}
