/// `report:` — what the report draws.
public struct ReportOptions: Sendable, Hashable {
    /// Municipalities highlighted in charts and the summary.
    public var focus: [String] = []
    /// Chart kinds to draw: `bars`, `trends`, `heatmap`, `composite` (all by default).
    public var charts: [String] = ["bars", "trends", "heatmap", "composite"]
    /// Municipality code → display name.
    public var names: [String: String] = [:]
    public init() {}
}
