// Starting libFuzzer from Swift.
//
// SwiftPM renames an executable's `main` (to `<Target>_main`, so tests can link it) and
// points the linker's `main` at that symbol. libFuzzer's own `main` is therefore never
// used; each target's `main.swift` calls `runLibFuzzer`, which hands libFuzzer the
// command line and the target's `LLVMFuzzerTestOneInput` through `LLVMFuzzerRunDriver`
// (the documented entry point for programs that own `main`, compiler-rt FuzzerInterface.h).
#if canImport(Glibc)
    import Glibc
#endif

/// The C signature of a fuzz target: the input bytes and their count; returns 0.
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: FuzzTarget
) -> CInt

/// Runs libFuzzer with this process's arguments (`-runs=`, `-max_total_time=`, corpus
/// folders, or crash files to replay) over `target`, then exits with libFuzzer's status.
public func runLibFuzzer(_ target: FuzzTarget) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    let status = LLVMFuzzerRunDriver(&argc, &argv, target)
    exit(status)
}

/// Stops the process with `message` when a property of the code under test does not hold;
/// libFuzzer records the input as a crash.
public func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("property violated: \(message())") }
}
