/// `check:` — tolerances against a committed baseline.
public struct CheckConfiguration: Sendable, Hashable {
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

    public static func == (a: CheckConfiguration, b: CheckConfiguration) -> Bool {
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
