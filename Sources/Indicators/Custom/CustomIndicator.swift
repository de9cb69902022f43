import ApenCore

/// One entry of `custom:` (issue: custom declarative indicators).
public struct CustomIndicator: Sendable, Hashable {
    public enum Measure: String, Sendable, Hashable, CaseIterable {
        case count, distinct, share, mean
        case weightedMean = "weighted_mean"
        case quantile, ratio
    }
    public var id: String
    public var source: String
    public var measure: Measure
    /// `of:` — the condition counted (share), the column (distinct, mean, quantile), the numerator (ratio).
    public var of: String?
    /// `where:` — rows considered.
    public var filter: String?
    /// `weight:` (weighted_mean), `p:` (quantile), `per:` (ratio denominator condition).
    public var weight: String?
    public var p: Double?
    public var per: String?
    /// `by:` — breakdown column.
    public var by: String?
    public var label: LocalizedText?

    public init(id: String, source: String, measure: Measure) {
        self.id = id
        self.source = source
        self.measure = measure
    }
}
