import ApenCore

/// One composite index (METHODS.md §6).
public struct CompositeDefinition: Sendable, Hashable {
    public enum Normalisation: String, Sendable, Hashable { case goalposts, minmax, zscore }
    /// Over which values minmax and zscore take min, max, mean and sd: each year's
    /// municipalities, or every municipality-year of the run (METHODS §6 "Normalisation").
    public enum Scope: String, Sendable, Hashable { case year, all }
    /// Missing components (METHODS §6): left out (`none`), the component's mean that year
    /// (`mean`), or the municipality's latest value of the three years before (`previous`).
    public enum Imputation: String, Sendable, Hashable { case none, mean, previous }
    /// How normalised scores are combined (METHODS §6 "Aggregation").
    public enum Aggregation: String, Sendable, Hashable { case arithmetic, geometric }
    public struct Component: Sendable, Hashable {
        public var indicator: String
        public var weight: Double
        public var direction: Int
        /// Goalposts `[lo, hi]` (required for `goalposts`).
        public var goalposts: ClosedRange<Double>?
        public init(indicator: String, weight: Double, direction: Int, goalposts: ClosedRange<Double>?) {
            self.indicator = indicator
            self.weight = weight
            self.direction = direction
            self.goalposts = goalposts
        }
    }
    /// A named group of components with a weight (METHODS §6 "pillars").
    public struct Pillar: Sendable, Hashable {
        public var id: String
        public var weight: Double
        /// Component indicator ids; each component is in exactly one pillar.
        public var components: [String]
        public init(id: String, weight: Double, components: [String]) {
            self.id = id
            self.weight = weight
            self.components = components
        }
    }
    public var id: String
    /// Empty: one level (the components aggregate straight into the index).
    public var pillars: [Pillar] = []
    public var normalisation: Normalisation = .goalposts
    public var aggregation: Aggregation = .arithmetic
    public var scope: Scope = .year
    public var impute: Imputation = .none
    /// Further uncertain factors of the Monte-Carlo analysis (METHODS §6 "Uncertainty"): each
    /// sample draws one entry of each non-empty list, uniformly, after the weights.
    public struct Uncertainty: Sendable, Hashable {
        public var normalisation: [Normalisation] = []
        public var aggregation: [Aggregation] = []
        public var impute: [Imputation] = []
        /// `sampling_error: true`: each sample also draws every component value that has an SE
        /// from Normal(value, SE²), clamped to the component's goalposts (docs/composite.md).
        public var samplingError = false
        public init(
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
        public var factorCount: Int {
            [normalisation.isEmpty, aggregation.isEmpty, impute.isEmpty].filter { !$0 }.count
        }
    }
    public var uncertainty = Uncertainty()
    /// Sobol first- and total-order indices of the ranks per uncertain factor (METHODS §6 "Sensitivity").
    public var sensitivity = false
    /// Outlier treatment per component and year (`nil`: none).
    public var winsorise: CompositeTreatment.Winsorise? = nil
    public var components: [Component]
    /// Monte-Carlo samples (default 1000), weight spread δ (default 0.25), seed.
    public var samples: Int = 1000
    public var delta: Double = 0.25
    public var seed: UInt64 = 1
    /// The share of the total weight that must be observed for an index (METHODS §6
    /// `min_available`, in (0, 1]; default 2/3).
    public var minAvailable: Double = CompositeDefinition.defaultMinAvailable
    /// 2/3, tested exactly as `3·available ≥ 2·total`.
    public static let defaultMinAvailable: Double = 2.0 / 3.0
    public var label: LocalizedText?

    public init(id: String, components: [Component]) {
        self.id = id
        self.components = components
    }
}
