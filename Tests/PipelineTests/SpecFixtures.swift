import ApenCore
import Foundation

@testable import Pipeline

/// Shared helpers for the pipeline-file tests: the fixture folder (`Fixtures/spec`) and
/// loading inline YAML as if it were a file in that folder, so relative source paths
/// resolve to the fixture CSVs.
enum SpecFixtures {
    static var folder: String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/spec").standardizedFileURL.path
    }

    /// A pipeline file path in the fixture folder (the file itself need not exist).
    static var pipelinePath: String { folder + "/inline.yaml" }

    static func load(_ yaml: String) throws -> PipelineSpec {
        try PipelineLoader.load(yaml: yaml, path: pipelinePath)
    }

    /// Every diagnostic of loading `yaml` (empty when it loads), rendered without the path:
    /// `line:column: message`.
    static func diagnostics(_ yaml: String, severity: Diagnostic.Severity = .error) -> [String] {
        do {
            let spec = try load(yaml)
            return spec.warnings.filter { $0.severity == severity }.map(render)
        } catch let list as DiagnosticList {
            return list.diagnostics.filter { $0.severity == severity }.map(render)
        } catch {
            return ["unexpected error \(error)"]
        }
    }

    static func render(_ d: Diagnostic) -> String {
        let prefix = d.location.line.map { "\($0):\(d.location.column ?? 0): " } ?? ""
        return prefix + d.message
    }
}
