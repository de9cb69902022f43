import Foundation

/// Runs the built `apen` executable, as a user or CI job would.
///
/// The executable sits next to this test target's resource bundle in the build folder, so
/// tests work with any `--scratch-path`.
struct ApenProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("apen")
    }

    /// Runs `apen args…` in `directory` and waits for it.
    static func run(_ args: [String], in directory: URL, environment: [String: String] = [:]) throws -> Result {
        let p = try start(args, in: directory, environment: environment)
        let out = p.outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = p.errPipe.fileHandleForReading.readDataToEndOfFile()
        p.process.waitUntilExit()
        return Result(status: p.process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    struct Running {
        var process: Process
        var outPipe: Pipe
        var errPipe: Pipe
    }

    /// Starts `apen args…` without waiting (to kill it mid-run).
    static func start(_ args: [String], in directory: URL, environment: [String: String] = [:]) throws -> Running {
        let process = Process()
        process.executableURL = executable
        process.arguments = args
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = "1764460800"  // 2025-11-30: reports must not depend on the clock
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return Running(process: process, outPipe: out, errPipe: err)
    }
}

/// A scratch copy of a fixture folder, removed when the test ends.
final class Workspace {
    let url: URL

    init(fixture: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("apen-e2e-\(UUID().uuidString)")
        let source = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(fixture)
        try FileManager.default.copyItem(at: source, to: url)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    func read(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }

    func write(_ relative: String, _ text: String) throws {
        try text.write(toFile: path(relative), atomically: true, encoding: .utf8)
    }

    /// All files below `relative`, path → bytes.
    func snapshot(_ relative: String) throws -> [String: Data] {
        let root = url.appendingPathComponent(relative)
        var out: [String: Data] = [:]
        guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let f as URL in e where (try? f.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            out[String(f.path.dropFirst(root.path.count))] = try Data(contentsOf: f)
        }
        return out
    }
}

/// Parses `indicators.csv` rows into `indicator|municipality|year` → fields.
func indicatorTable(_ csv: String) -> [String: [String: String]] {
    let lines = csv.split(separator: "\n").map(String.init)
    guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else { return [:] }
    var out: [String: [String: String]] = [:]
    for line in lines.dropFirst() {
        let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var row: [String: String] = [:]
        for (i, h) in header.enumerated() where i < f.count { row[h] = f[i] }
        out["\(row["indicator"]!)|\(row["municipality"]!)|\(row["year"]!)"] = row
    }
    return out
}
