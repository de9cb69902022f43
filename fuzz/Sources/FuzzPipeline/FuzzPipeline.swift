// libFuzzer target: the pipeline loader and validator (`PipelineLoader.load(yaml:path:)`).
//
// The input bytes are the YAML text (invalid UTF-8 is replaced: `load(path:)` refuses such
// files before this point). The text is loaded as if it were a file in the pipeline test
// fixtures folder, so relative source paths can name real CSV files whose headers the
// validator reads. Set APEN_FUZZ_PIPELINE_DIR to use another folder.
//
// Properties checked for every input:
// - the loader either returns a spec or throws a non-empty `DiagnosticList` (an error
//   without a message would leave a user with nothing to fix), never anything else;
// - every diagnostic of a failed load has a message, and positions are sorted;
// - loading is deterministic: the same text gives the same diagnostics again.
@testable import ApenCore
import FuzzSupport
@testable import Pipeline

#if canImport(Glibc)
    import Glibc
#endif

/// The folder the pipeline text pretends to live in.
let folder: String = {
    if let dir = getenv("APEN_FUZZ_PIPELINE_DIR") { return String(cString: dir) }
    // fuzz/Sources/FuzzPipeline/FuzzPipeline.swift → the repository root is three folders up.
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4)
    return parts.joined(separator: "/") + "/Tests/PipelineTests/Fixtures/spec"
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let path = folder + "/fuzz.yaml"
    let first = outcome(text, path: path)
    let second = outcome(text, path: path)
    check(first == second, "two loads of the same text differ:\n\(first)\n---\n\(second)")
    return 0
}

/// The diagnostics of a load, rendered (warnings for a spec, errors for a failure).
func outcome(_ text: String, path: String) -> String {
    do {
        let spec = try PipelineLoader.load(yaml: text, path: path)
        return "ok\n" + spec.warnings.map(\.description).joined(separator: "\n")
    } catch let list as DiagnosticList {
        check(!list.diagnostics.isEmpty, "the load failed with no diagnostic")
        for d in list.diagnostics {
            check(!d.message.isEmpty, "a diagnostic without a message: \(d)")
        }
        let positions = list.diagnostics.map { ($0.location.line ?? 0, $0.location.column ?? 0) }
        for (a, b) in zip(positions, positions.dropFirst()) {
            check(a <= b, "diagnostics not sorted by position: \(a) before \(b)")
        }
        return "error\n" + list.description
    } catch {
        fatalError("the loader threw \(type(of: error)), not a DiagnosticList: \(error)")
    }
}

