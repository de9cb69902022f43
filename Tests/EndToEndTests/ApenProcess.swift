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
        return Result(
            status: p.process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
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
        let out = Pipe()
        let err = Pipe()
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
        guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return [:]
        }
        for case let f as URL in e where (try? f.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            out[String(f.path.dropFirst(root.path.count))] = try Data(contentsOf: f)
        }
        return out
    }
}

/// Parses `indicators.csv` rows into `indicator|municipality|year` → fields.
func indicatorTable(_ csv: String) -> [String: [String: String]] {
    let lines = csv.split(separator: "\n").map(String.init)
    guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else {
        return [:]
    }
    var out: [String: [String: String]] = [:]
    for line in lines.dropFirst() {
        let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var row: [String: String] = [:]
        for (i, h) in header.enumerated() where i < f.count { row[h] = f[i] }
        out["\(row["indicator"]!)|\(row["municipality"]!)|\(row["year"]!)"] = row
    }
    return out
}

extension ApenProcess {
    /// What `run(_:in:timeout:)` saw: the result, and whether the deadline killed the process.
    struct TimedResult {
        var result: Result
        var timedOut: Bool
    }

    /// Runs `apen args…` like `run`, but SIGKILLs it after `timeout` seconds (a hang must fail
    /// the test, not block the suite). Standard output and error are drained concurrently, so
    /// a process that writes megabytes to both cannot stall on a full pipe.
    static func run(
        _ args: [String], in directory: URL, timeout: Double, environment: [String: String] = [:]
    ) throws -> TimedResult {
        let p = try start(args, in: directory, environment: environment)
        let killed = KillSwitch()
        let pid = p.process.processIdentifier
        let timer = DispatchWorkItem {
            if p.process.isRunning {
                killed.set()
                kill(pid, SIGKILL)
            }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.set(p.errPipe.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let out = p.outPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.process.waitUntilExit()
        timer.cancel()
        let result = Result(
            status: p.process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: errBox.get(), as: UTF8.self))
        return TimedResult(result: result, timedOut: killed.isSet)
    }
}

/// A flag set from a timer thread and read after the process ended.
// @unchecked Sendable: the flag is guarded by `lock`.
final class KillSwitch: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

/// Bytes handed from a reader thread to the waiting test.
// @unchecked Sendable: `data` is guarded by `lock`.
final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ d: Data) { lock.withLock { data = d } }
    func get() -> Data { lock.withLock { data } }
}

extension Workspace {
    /// Writes `bytes` to `relative` (creating folders), byte for byte: for inputs that are not UTF-8.
    func write(_ relative: String, bytes: Data) throws {
        let target = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: target)
    }
}

extension Workspace {
    /// A scratch copy of another workspace (inputs, store and outputs), removed when the test ends.
    convenience init(copying other: Workspace) throws {
        try self.init(fixture: "crash")
        try FileManager.default.removeItem(at: url)
        try FileManager.default.copyItem(at: other.url, to: url)
    }
}

extension Workspace {
    /// The repository's root (this file is in Tests/EndToEndTests/).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The committed example pipeline with its baseline and data, in the repository's layout.
    static let exampleFiles = [
        "pipelines/example.yaml", "reports/baseline/example.csv", "datasets/example/survey.csv",
        "datasets/example/engagement.csv", "datasets/example/publications.csv",
        "datasets/example/access_requests.csv", "datasets/example/population.csv",
        "datasets/example/partnerships.csv",
    ]

    /// A scratch copy of the example study (`exampleFiles`), each file passed through
    /// `transform(path, bytes)` on the way.
    static func example(transform: (String, Data) throws -> Data = { $1 }) throws -> Workspace {
        let ws = try Workspace(fixture: "bad")
        for file in exampleFiles {
            try FileManager.default.createDirectory(
                at: ws.url.appendingPathComponent(file).deletingLastPathComponent(), withIntermediateDirectories: true)
            try ws.write(
                file, bytes: try transform(file, try Data(contentsOf: repositoryRoot.appendingPathComponent(file))))
        }
        return ws
    }
}
