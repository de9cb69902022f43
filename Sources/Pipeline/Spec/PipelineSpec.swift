import ApenCore
import Ingest

/// A pipeline file, parsed and validated (see docs/pipeline.md for every key).
///
/// Sections are independent values so that adding a section (custom, composite, report,
/// check) is a local change: a new field here, its parser, and the stages it adds.
public struct PipelineSpec: Sendable, Hashable {
    /// `pipeline:` — the name; outputs go to `reports/<name>/` by default.
    public var name: String
    /// `title:` — the report title.
    public var title: String
    /// `language:` — `nb` or `en`.
    public var language: Language
    /// The pipeline file's path, as given.
    public var path: String
    /// `sources:` in file order.
    public var sources: [SourceSpec]
    /// `indicators:` — ids or globs over built-in and custom indicator ids.
    public var indicators: [String]
    /// `custom:` — declarative indicators.
    public var custom: [CustomIndicatorSpec]
    /// `composite:` — composite indices.
    public var composites: [CompositeSpec]
    /// `report:` — what the report draws.
    public var report: ReportSpec
    /// `check:` — the regression check against a baseline; `nil` when absent.
    public var check: CheckSpec?

    public init(
        name: String, title: String, language: Language, path: String, sources: [SourceSpec],
        indicators: [String], custom: [CustomIndicatorSpec] = [], composites: [CompositeSpec] = [],
        report: ReportSpec = ReportSpec(), check: CheckSpec? = nil
    ) {
        self.name = name
        self.title = title
        self.language = language
        self.path = path
        self.sources = sources
        self.indicators = indicators
        self.custom = custom
        self.composites = composites
        self.report = report
        self.check = check
    }
}

/// One entry of `sources:`; `options.path` is resolved against the pipeline file's folder.
public struct SourceSpec: Sendable, Hashable {
    public var name: String
    public var options: IngestOptions
    public init(name: String, options: IngestOptions) {
        self.name = name
        self.options = options
    }
}

/// One entry of `custom:` (issue: custom declarative indicators).
public struct CustomIndicatorSpec: Sendable, Hashable {
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

/// One composite index (METHODS.md §6).
public struct CompositeSpec: Sendable, Hashable {
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

/// `report:` — what the report draws.
public struct ReportSpec: Sendable, Hashable {
    /// Municipalities highlighted in charts and the summary.
    public var focus: [String] = []
    /// Chart kinds to draw: `bars`, `trends`, `heatmap`, `composite` (all by default).
    public var charts: [String] = ["bars", "trends", "heatmap", "composite"]
    /// Municipality code → display name.
    public var names: [String: String] = [:]
    public init() {}
}

/// `check:` — tolerances against a committed baseline.
public struct CheckSpec: Sendable, Hashable {
    public enum Policy: String, Sendable, Hashable { case fail, warn }
    public struct Tolerance: Sendable, Hashable {
        public var abs: Double?
        public var rel: Double?
        public init(abs: Double? = nil, rel: Double? = nil) {
            self.abs = abs
            self.rel = rel
        }
    }
    /// Resolved against the pipeline file's folder.
    public var baseline: String
    /// Glob on indicator id → tolerance, in file order; `default` under the key `"default"`.
    public var tolerances: [(pattern: String, tolerance: Tolerance)]
    public var missing: Policy = .fail
    public var added: Policy = .warn

    public init(baseline: String, tolerances: [(pattern: String, tolerance: Tolerance)]) {
        self.baseline = baseline
        self.tolerances = tolerances
    }

    public static func == (a: CheckSpec, b: CheckSpec) -> Bool {
        a.baseline == b.baseline && a.missing == b.missing && a.added == b.added
            && a.tolerances.map(\.pattern) == b.tolerances.map(\.pattern)
            && a.tolerances.map(\.tolerance) == b.tolerances.map(\.tolerance)
    }
    public func hash(into h: inout Hasher) {
        h.combine(baseline)
        for t in tolerances {
            h.combine(t.pattern)
            h.combine(t.tolerance)
        }
    }
}
