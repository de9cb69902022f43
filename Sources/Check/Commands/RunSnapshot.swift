import ApenCore

/// What `apen diff` needs to know about one stored run.
package struct RunSnapshot: Sendable, Hashable {
    /// One input file of the run (`run_inputs`).
    package struct Input: Sendable, Hashable {
        package var source: String
        package var path: String
        package var sha256: String
        package init(source: String, path: String, sha256: String) {
            self.source = source
            self.path = path
            self.sha256 = sha256
        }
    }

    /// One stage of the run and its content key (`run_stages`): the key changes when the
    /// stage's definition or its inputs change.
    package struct Stage: Sendable, Hashable {
        package var stage: String
        package var key: String
        package init(stage: String, key: String) {
            self.stage = stage
            self.key = key
        }
    }

    package var id: Int64
    package var pipeline: String
    /// ISO-8601 UTC start time, as stored.
    package var started: String
    package var results: [IndicatorRow]
    package var inputs: [Input]
    package var stages: [Stage]
    /// The findings its report stated (METHODS §9; empty when the run stored none).
    package var findings: [Finding]

    package init(
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
