/// `report:` — what the report draws.
package struct ReportOptions: Sendable, Hashable {
    /// Municipalities highlighted in charts and the summary.
    package var focus: [String] = []
    /// Chart kinds to draw: `bars`, `trends`, `heatmap`, `composite` (all by default).
    package var charts: [String] = ["bars", "trends", "heatmap", "composite"]
    /// Municipality code → display name.
    package var names: [String: String] = [:]
    /// The pipeline's `min_n`: a change is stated only when both years have n ≥ `minN` (METHODS §9).
    package var minN: Int = 5
    /// `suppress_below`: values with n below this are shown as «:» (see `Suppression`); nil shows all.
    package var suppressBelow: Int?
    /// `groups:` — the comparison groups (county, country, country without Oslo, declared).
    package var groups = ComparisonGroupOptions()
    /// `profiles:` — which municipalities get a one-page profile.
    package var profiles = ProfileScope.none
    package init() {}
}
