import Foundation

/// Helpers shared by the Generate tests.
enum TestSupport {
    /// The repository root, found from this file's path (tests must not depend on ../shared).
    static func repositoryRoot(file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Splits a generated file into rows of fields. The generator quotes nothing in canonical
    /// files (no value holds the delimiter), so a plain split is exact here.
    static func rows(_ path: String, delimiter: Character = ",") throws -> [[String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.split(separator: delimiter, omittingEmptySubsequences: false).map(String.init)
        }
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }
}

/// Temporary folders for one test: a suite keeps one of these as a stored property, so the
/// folders are removed when Swift Testing releases the suite instance after each test.
final class TemporaryFolders: @unchecked Sendable {
    // @unchecked Sendable: a suite instance (and this object) belongs to one running test.
    private var paths: [String] = []

    /// A fresh, empty folder under the system's temporary directory.
    func make(_ name: String = #function) -> String {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let path =
            NSTemporaryDirectory() + "apen-generate-tests-\(getpid())-\(safe)-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        paths.append(path)
        return path
    }

    deinit {
        for p in paths { try? FileManager.default.removeItem(atPath: p) }
    }
}
