import ApenCore

/// What `apen diff` needs to know about one stored run.
public struct RunSnapshot: Sendable, Hashable {
    /// One input file of the run (`run_inputs`).
    public struct Input: Sendable, Hashable {
        public var source: String
        public var path: String
        public var sha256: String
        public init(source: String, path: String, sha256: String) {
            self.source = source
            self.path = path
            self.sha256 = sha256
        }
    }

    /// One stage of the run and its content key (`run_stages`): the key changes when the
    /// stage's definition or its inputs change.
    public struct Stage: Sendable, Hashable {
        public var stage: String
        public var key: String
        public init(stage: String, key: String) {
            self.stage = stage
            self.key = key
        }
    }

    public var id: Int64
    public var pipeline: String
    /// ISO-8601 UTC start time, as stored.
    public var started: String
    public var results: [IndicatorRow]
    public var inputs: [Input]
    public var stages: [Stage]
    /// The findings its report stated (METHODS §9; empty when the run stored none).
    public var findings: [Finding]

    public init(
        id: Int64, pipeline: String, started: String, results: [IndicatorRow], inputs: [Input], stages: [Stage],
        findings: [Finding] = []
    ) {
        self.findings = findings
        self.id = id
        self.pipeline = pipeline
        self.started = started
        self.results = results
        self.inputs = inputs
        self.stages = stages
    }
}
