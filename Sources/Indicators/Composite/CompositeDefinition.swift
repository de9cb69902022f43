import ApenCore

/// One composite index (METHODS.md §6).
package struct CompositeDefinition: Sendable, Hashable {
    package enum Normalisation: String, Sendable, Hashable { case goalposts, minmax, zscore }
    /// Over which values minmax and zscore take min, max, mean and sd: each year's
    /// municipalities, or every municipality-year of the run (METHODS §6 "Normalisation").
    package enum Scope: String, Sendable, Hashable { case year, all }
    /// Missing components (METHODS §6): left out (`none`), the component's mean that year
    /// (`mean`), or the municipality's latest value of the three years before (`previous`).
    package enum Imputation: String, Sendable, Hashable { case none, mean, previous }
    /// How normalised scores are combined (METHODS §6 "Aggregation").
    package enum Aggregation: String, Sendable, Hashable { case arithmetic, geometric }
    package struct Component: Sendable, Hashable {
        package var indicator: String
        package var weight: Double
        package var direction: Int
        /// Goalposts `[lo, hi]` (required for `goalposts`).
        package var goalposts: ClosedRange<Double>?
        package init(indicator: String, weight: Double, direction: Int, goalposts: ClosedRange<Double>?) {
            self.indicator = indicator
            self.weight = weight
            self.direction = direction
            self.goalposts = goalposts
        }
    }
    /// A named group of components with a weight (METHODS §6 "pillars").
    package struct Pillar: Sendable, Hashable {
        package var id: String
        package var weight: Double
        /// Component indicator ids; each component is in exactly one pillar.
        package var components: [String]
        package init(id: String, weight: Double, components: [String]) {
            self.id = id
            self.weight = weight
            self.components = components
        }
    }
    package var id: String
    /// Empty: one level (the components aggregate straight into the index).
    package var pillars: [Pillar] = []
    package var normalisation: Normalisation = .goalposts
    package var aggregation: Aggregation = .arithmetic
    package var scope: Scope = .year
    package var impute: Imputation = .none
    /// Further uncertain factors of the Monte-Carlo analysis (METHODS §6 "Uncertainty"): each
    /// sample draws one entry of each non-empty list, uniformly, after the weights.
    package struct Uncertainty: Sendable, Hashable {
        package var normalisation: [Normalisation] = []
        package var aggregation: [Aggregation] = []
        package var impute: [Imputation] = []
        /// `sampling_error: true`: each sample also draws every component value that has an SE
        /// from Normal(value, SE²), clamped to the component's goalposts (docs/composite.md).
        package var samplingError = false
        package init(
            normalisation: [Normalisation] = [], aggregation: [Aggregation] = [], impute: [Imputation] = [],
            samplingError: Bool = false
        ) {
            self.normalisation = normalisation
            self.aggregation = aggregation
            self.impute = impute
            self.samplingError = samplingError
        }
        /// The number of drawn method lists (normalisation, aggregation, imputation) — one
        /// uniform each per sample after the weights; sampling error is drawn apart.
        package var factorCount: Int {
            [normalisation.isEmpty, aggregation.isEmpty, impute.isEmpty].filter { !$0 }.count
        }
    }
    package var uncertainty = Uncertainty()
    /// Sobol first- and total-order indices of the ranks per uncertain factor (METHODS §6 "Sensitivity").
    package var sensitivity = false
    /// Outlier treatment per component and year (`nil`: none).
    package var winsorise: CompositeTreatment.Winsorise? = nil
    package var components: [Component]
    /// Monte-Carlo samples (default 1000), weight spread δ (default 0.25), seed.
    package var samples: Int = 1000
    package var delta: Double = 0.25
    package var seed: UInt64 = 1
    /// The share of the total weight that must be observed for an index (METHODS §6
    /// `min_available`, in (0, 1]; default 2/3).
    package var minAvailable: Double = CompositeDefinition.defaultMinAvailable
    /// 2/3, tested exactly as `3·available ≥ 2·total`.
    package static let defaultMinAvailable: Double = 2.0 / 3.0
    package var label: LocalizedText?

    package init(id: String, components: [Component]) {
        self.id = id
        self.components = components
    }
}
