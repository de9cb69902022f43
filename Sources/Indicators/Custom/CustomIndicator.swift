import ApenCore

/// One entry of `custom:` (issue: custom declarative indicators).
package struct CustomIndicator: Sendable, Hashable {
    package enum Measure: String, Sendable, Hashable, CaseIterable {
        case count, distinct, share, mean
        case weightedMean = "weighted_mean"
        case quantile, ratio
    }
    package var id: String
    package var source: String
    package var measure: Measure
    /// `of:` — the condition counted (share), the column (distinct, mean, quantile), the numerator (ratio).
    package var of: String?
    /// `where:` — rows considered.
    package var filter: String?
    /// `weight:` (weighted_mean), `p:` (quantile), `per:` (ratio denominator condition).
    package var weight: String?
    package var p: Double?
    package var per: String?
    /// `by:` — breakdown column.
    package var by: String?
    package var label: LocalizedText?

    package init(id: String, source: String, measure: Measure) {
        self.id = id
        self.source = source
        self.measure = measure
    }
}
