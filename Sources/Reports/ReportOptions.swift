/// `report:` — what the report draws.
public struct ReportOptions: Sendable, Hashable {
    /// Municipalities highlighted in charts and the summary.
    public var focus: [String] = []
    /// Chart kinds to draw: `bars`, `trends`, `heatmap`, `composite` (all by default).
    public var charts: [String] = ["bars", "trends", "heatmap", "composite"]
    /// Municipality code → display name.
    public var names: [String: String] = [:]
    /// The pipeline's `min_n`: a change is stated only when both years have n ≥ `minN` (METHODS §9).
    public var minN: Int = 5
    /// `groups:` — the comparison groups (county, country, country without Oslo, declared).
    public var groups = ComparisonGroupOptions()
    /// `profiles:` — which municipalities get a one-page profile.
    public var profiles = ProfileScope.none
    public init() {}
}
