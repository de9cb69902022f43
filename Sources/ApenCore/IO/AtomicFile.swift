import Foundation

/// Writes files so that a reader sees either the old file or the complete new one, never half.
///
/// The bytes go to a temporary file in the same folder (`.name.tmp-<pid>-<n>`), are flushed,
/// and the temporary file is renamed over the target (`rename(2)` is atomic on one file system).
///
/// ```swift
/// try AtomicFile.write(Data(csv.utf8), to: "reports/example/indicators.csv")
/// ```
package enum AtomicFile {
    /// Writes `data` to `path`, creating parent folders.
    /// - Throws: `CocoaError` / `POSIXError` from the file system, naming the path.
    package static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let n = counter.withLock { n in
            n += 1
            return n
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(n)")
        // open(2), not FileManager.createFile: on Linux the latter writes through a hidden
        // temporary of its own, which a killed process would leave behind.
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw Diagnostic(
                SourceLocation(path: path),
                "cannot create a temporary file in \(dir.path): \(String(cString: strerror(errno)))")
        }
        do {
            let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(tmp.path, url.path) == 0 else {
                throw Diagnostic(
                    SourceLocation(path: path), "cannot rename into place: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw error
        }
    }

    /// Writes UTF-8 text to `path` atomically.
    package static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Numbers the temporary files of this process (unique per write, whatever the thread).
    private static let counter = Locked(0)
}
