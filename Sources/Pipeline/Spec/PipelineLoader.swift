import ApenCore
import Foundation
import Yams

/// Reads a pipeline file (YAML) into a validated ``PipelineSpec``.
///
/// Validation reports every problem of the file at once, each as
/// `file:line:column: message`: unknown keys (with a did-you-mean), values of the wrong
/// type, missing required keys, source files that do not exist (paths are relative to the
/// pipeline file), unknown kinds, delimiters, encodings and date formats, scale items that
/// are not in the survey file's header, unknown indicator ids and globs that match
/// nothing, custom indicators over unknown sources, composite components that are not
/// indicators, missing goalposts. YAML aliases are rejected (see `YAMLAliasScanner`).
/// docs/pipeline.md documents every key.
///
/// ```swift
/// do {
///     let spec = try PipelineLoader.load(path: "pipelines/example.yaml")
///     print(spec.sources.map(\.options.path))   // ["datasets/example/survey.csv", …]
/// } catch let list as DiagnosticList {
///     print(list)   // pipelines/example.yaml:7:11: sources.survey.kind: unknown value 'survy'; did you mean 'survey'? …
/// }
/// ```
public enum PipelineLoader {
    /// Loads and validates the pipeline file at `path`.
    ///
    /// - Returns: the spec; warnings (nothing wrong, but likely unintended) are in
    ///   ``PipelineSpec/warnings``.
    /// - Throws: a `DiagnosticList` with every error of the file (and its warnings),
    ///   sorted by line and column.
    public static func load(path: String) throws -> PipelineSpec {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DiagnosticList([
                Diagnostic(SourceLocation(path: path), "cannot read the pipeline file: \(reason(error))")
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticList([Diagnostic(SourceLocation(path: path), "the pipeline file is not valid UTF-8 text")])
        }
        return try load(yaml: text, path: path)
    }

    /// Validates pipeline text as if it were the file at `path` (relative source paths
    /// are resolved against `path`'s folder, and those files must exist).
    ///
    /// - Throws: a `DiagnosticList` with every error, sorted by line and column.
    public static func load(yaml: String, path: String) throws -> PipelineSpec {
        let text = yaml.hasPrefix("\u{FEFF}") ? String(yaml.dropFirst()) : yaml
        let aliases = YAMLAliasScanner.aliases(in: text)
        if !aliases.isEmpty {
            throw DiagnosticList(
                aliases.map {
                    Diagnostic(
                        SourceLocation(path: path, line: $0.line, column: $0.column),
                        "YAML alias '*\($0.name)' is not allowed in a pipeline file; write the value out in full")
                })
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw DiagnosticList([yamlDiagnostic(error, path: path)])
        }
        var parser = SpecParser(path: path)
        let spec = parser.parse(root)
        let diagnostics = parser.reader.diagnostics.sorted(by: PipelineLoader.positionOrder)
        guard let spec, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw DiagnosticList(diagnostics)
        }
        var result = spec
        result.warnings = diagnostics
        return result
    }

    /// Orders diagnostics by line, then column; those without a position come first.
    static func positionOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let x = (a.location.line ?? 0, a.location.column ?? 0)
        let y = (b.location.line ?? 0, b.location.column ?? 0)
        return x < y
    }

    /// A YAML syntax error from Yams as a diagnostic at its position.
    static func yamlDiagnostic(_ error: Error, path: String) -> Diagnostic {
        func at(_ mark: Mark, _ message: String) -> Diagnostic {
            Diagnostic(SourceLocation(path: path, line: mark.line, column: mark.column), message)
        }
        guard let yamlError = error as? YamlError else {
            return Diagnostic(SourceLocation(path: path), "not a valid YAML file: \(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let while_ = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return at(mark, "YAML syntax error: \(problem)\(while_)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return at(
                context.mark, "duplicate key \(keys) in the same mapping (each source, key and id must be given once)")
        case .reader(let problem, _, _, _):
            return Diagnostic(SourceLocation(path: path), "cannot read the file as YAML: \(problem)")
        default:
            return Diagnostic(SourceLocation(path: path), "not a valid YAML file: \(yamlError)")
        }
    }

    static func reason(_ error: Error) -> String {
        (error as NSError).localizedDescription
    }
}
