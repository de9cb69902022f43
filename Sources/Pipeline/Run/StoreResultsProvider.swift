import ApenCore
import Check
import Store

/// What `apen check`, `apen baseline` and `apen diff` read: the pipeline file's `check:` section
/// and the runs recorded in the store.
///
/// "Current results" are those of the pipeline's newest successful run, so checking does not
/// rerun anything; `apen run` runs the check stage itself when the pipeline has one.
package struct StoreResultsProvider: ResultsProvider {
    package let storePath: String

    package init(storePath: String) { self.storePath = storePath }

    package func checkConfiguration(pipelineFile: String) throws -> CheckConfiguration? {
        try PipelineLoader.load(path: pipelineFile).check
    }

    package func currentResults(pipelineFile: String) throws -> [IndicatorRow] {
        let name = try PipelineLoader.load(path: pipelineFile).name
        let store = try Store(path: storePath)
        guard let run = try store.latestRun(pipeline: name, status: .succeeded) else {
            throw Diagnostic(
                SourceLocation(path: storePath),
                "no successful run of pipeline '\(name)' in the store; run 'apen run \(pipelineFile)' first")
        }
        return try store.runResults(run.id)
    }

    package func run(_ reference: RunReference, pipeline: String?) throws -> RunSnapshot {
        let store = try Store(path: storePath)
        let runs = try store.history(pipeline: pipeline).filter { $0.status == .succeeded }
        let record: RunRecord?
        switch reference {
        case .id(let id): record = try store.run(id: id)
        case .latest: record = runs.first
        case .previous: record = runs.count > 1 ? runs[1] : nil
        }
        guard let r = record else {
            throw Diagnostic(
                SourceLocation(path: storePath),
                "no run '\(reference)'" + (pipeline.map { " of pipeline '\($0)'" } ?? "")
                    + " in the store; see 'apen history'")
        }
        let stages = try store.runStages(r.id)
        // The findings the run's report stated, from the report stage's stored summary.
        var findings: [Finding] = []
        if let report = stages.first(where: { $0.stage == "report" }),
            let text = try store.stageSummary(stage: report.stage, key: report.key)
        {
            findings = try decodeSummary(text).findings ?? []
        }
        return RunSnapshot(
            id: r.id, pipeline: r.pipeline, started: r.started, results: try store.runResults(r.id),
            inputs: try store.runInputs(r.id).map { .init(source: $0.source, path: $0.path, sha256: $0.sha256) },
            stages: stages.map { .init(stage: $0.stage, key: $0.key) }, findings: findings)
    }
}
