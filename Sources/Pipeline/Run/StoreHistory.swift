import ApenCore
import Store

/// The planner's view of the store: stored outputs by content key, the manifest of a stage's
/// last successful run, and whether the report files of a key are still as written.
struct StoreHistory: Planner.History, Sendable {
    let store: Store
    let pipeline: String

    func hasOutput(stage: String, key: String) throws -> Bool {
        try store.hasOutput(stage: stage, key: key)
    }

    func lastManifest(pipeline: String, stage: String) throws -> StageManifest? {
        guard let key = try store.lastSuccessfulKey(pipeline: pipeline, stage: stage) else { return nil }
        return try summary(stage: stage, key: key)?.manifest
    }

    func summary(stage: String, key: String) throws -> StageSummary? {
        guard let text = try store.stageSummary(stage: stage, key: key) else { return nil }
        return try decodeSummary(text)
    }

    func reportFilesIntact(key: String) throws -> [Planner.ReportFileProblem] {
        guard let files = try summary(stage: Stage.Kind.report.id, key: key)?.files else { return [.noStoredReport] }
        var problems: [Planner.ReportFileProblem] = []
        for (path, sha) in files.sorted(by: { $0.key < $1.key }) {
            guard let now = try? store.sha256(ofFile: path) else {
                problems.append(.missing(StageGraph.fileName(path)))
                continue
            }
            if now != sha { problems.append(.modified(StageGraph.fileName(path))) }
        }
        return problems
    }
}
