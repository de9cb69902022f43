import ApenCore

/// One composite index (METHODS.md §6).
public struct CompositeDefinition: Sendable, Hashable {
    public enum Normalisation: String, Sendable, Hashable { case goalposts, minmax, zscore }
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
    public var id: String
    public var normalisation: Normalisation = .goalposts
    public var components: [Component]
    /// Monte-Carlo samples (default 1000), weight spread δ (default 0.25), seed.
    public var samples: Int = 1000
    public var delta: Double = 0.25
    public var seed: UInt64 = 1
    public var label: LocalizedText?

    public init(id: String, components: [Component]) {
        self.id = id
        self.components = components
    }
}
