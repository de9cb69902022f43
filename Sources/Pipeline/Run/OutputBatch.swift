import ApenCore
import Foundation

/// Puts a run's output files in place together, so a killed run leaves the previous outputs.
///
/// `AtomicFile` makes one file all-or-nothing; a report is a dozen files, and writing them one
/// by one (each written, flushed and renamed before the next is rendered to disk) leaves a mix
/// of old and new files for as long as the writing takes when the run is killed in between.
/// A batch first writes and flushes every file to a temporary next to its target
/// (`.name.tmp-<pid>-<n>`, the naming `AtomicFile` uses), and only then renames them all, one
/// `rename(2)` after another: a kill before the renames leaves every old file, and the window
/// in which some are new is a few microseconds of renames instead of the whole write.
/// (Swapping a whole folder would close it, but the output folder may hold other files.)
///
/// A killed run can leave temporaries behind; `removeStaleTemporaries(in:)` deletes those of
/// processes that no longer exist, and the report stage calls it before it writes.
///
/// ```swift
/// var batch = OutputBatch()
/// try batch.stage(Data(csv.utf8), to: "reports/p/indicators.csv")
/// try batch.stage(Data(html.utf8), to: "reports/p/report.html")
/// try batch.commit()  // both renamed into place
/// ```
struct OutputBatch {
    private var staged: [(temporary: String, target: String)] = []
    private static let counter = Locked(0)

    /// Writes `data` to a flushed temporary next to `path` (creating folders).
    /// - Throws: a `Diagnostic` naming the folder when it is a file; the file system's error
    ///   when the temporary cannot be written (the temporaries staged so far are removed).
    mutating func stage(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        let temporary = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(Self.nextNumber())")
            .path
        let folder = (path as NSString).deletingLastPathComponent  // as given, for the message
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
            throw Diagnostic(
                SourceLocation(path: folder), "is a file, not a folder: the outputs cannot be written into it")
        }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            // open(2), not FileManager.createFile: on Linux that writes through a hidden
            // `.dat.nosync*` file of its own, which a run killed at that moment leaves behind.
            let fd = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw Diagnostic(SourceLocation(path: path), "cannot create a temporary file in \(dir.path)")
            }
            close(fd)
            staged.append((temporary, path))
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            try handle.synchronize()
        } catch {
            discard()
            throw error
        }
    }

    /// Renames every staged file over its target, in staging order.
    /// - Throws: a `Diagnostic` naming the target that could not be renamed (the temporaries
    ///   not yet renamed are removed).
    mutating func commit() throws {
        for (i, file) in staged.enumerated() where rename(file.temporary, file.target) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in staged[i...] { try? FileManager.default.removeItem(atPath: rest.temporary) }
            staged = []
            throw Diagnostic(SourceLocation(path: file.target), "cannot rename into place: \(reason)")
        }
        staged = []
    }

    /// Removes the staged temporaries without touching any target.
    mutating func discard() {
        for file in staged { try? FileManager.default.removeItem(atPath: file.temporary) }
        staged = []
    }

    /// Deletes `.name.tmp-<pid>-<n>` files below `folder` whose process is gone (left by a
    /// killed run); a live process's temporaries are kept. A missing folder is fine.
    static func removeStaleTemporaries(in folder: String) {
        guard let names = try? FileManager.default.subpathsOfDirectory(atPath: folder) else { return }
        for name in names {
            let file = (name as NSString).lastPathComponent
            guard file.hasPrefix("."), let range = file.range(of: ".tmp-", options: .backwards) else { continue }
            let parts = file[range.upperBound...].split(separator: "-")
            guard parts.count == 2, let pid = Int32(parts[0]), Int(parts[1]) != nil else { continue }
            let alive = pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
            if !alive { try? FileManager.default.removeItem(atPath: folder + "/" + name) }
        }
    }

    /// A number no other temporary of this process has used.
    private static func nextNumber() -> Int {
        counter.withLock {
            $0 += 1
            return $0
        }
    }
}
