import ApenCore
import Foundation

/// An exclusive lock that one `apen run` holds on a store, so two runs never write it at once.
///
/// Taken with `flock(2)` on `<store>.lock`, which also holds the holder's pid for the message
/// the next run prints. The kernel drops the lock when the holder's process ends, however it
/// ends, so a killed run never leaves a stale lock. `flock` locks belong to an open file
/// description: two `RunLock`s in one process exclude each other too.
///
/// ```swift
/// let lock = try RunLock.acquire(storePath: ".apen/store.sqlite", wait: false)
/// defer { lock.release() }
/// ```
// @unchecked Sendable: the descriptor is closed once, under `mutex`.
package final class RunLock: @unchecked Sendable {
    /// The lock file's path (`<store>.lock`).
    package let path: String
    private let mutex = NSLock()
    private var descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit { release() }

    /// Takes the run lock of the store at `storePath`.
    ///
    /// - Parameter wait: `true` blocks until the other run finishes; `false` fails at once.
    /// - Throws: `StoreError` `.lockHeld(pid:)`, naming the store and the holder's pid, when it is
    ///   held and `wait` is false; `.lockUnavailable` when the lock file cannot be opened or locked.
    package static func acquire(storePath: String, wait: Bool) throws -> RunLock {
        let lockPath = storePath + ".lock"
        let folder = URL(fileURLWithPath: lockPath).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            throw StoreError(
                path: lockPath, message: "cannot open the run lock: \(String(cString: strerror(code)))",
                kind: .lockUnavailable(errno: code))
        }
        while flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            let code = errno
            if code == EINTR { continue }
            let holder = readPID(fd)
            close(fd)
            if code == EWOULDBLOCK {
                let who = holder.map { "pid \($0)" } ?? "pid unknown"
                throw StoreError(
                    path: storePath,
                    message:
                        "the store is in use by another apen run (\(who)); wait for it to finish, or run with waiting enabled",
                    kind: .lockHeld(pid: holder))
            }
            throw StoreError(
                path: lockPath, message: "cannot lock: \(String(cString: strerror(code)))",
                kind: .lockUnavailable(errno: code))
        }
        // Record our pid for the next run's message (the lock, not the text, is what excludes).
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return RunLock(path: lockPath, descriptor: fd)
    }

    /// Releases the lock (idempotent; also done when the lock is deallocated).
    package func release() {
        mutex.lock()
        defer { mutex.unlock() }
        guard descriptor >= 0 else { return }
        _ = ftruncate(descriptor, 0)
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    /// Whether this lock is still held.
    package var isHeld: Bool {
        mutex.lock()
        defer { mutex.unlock() }
        return descriptor >= 0
    }

    /// The pid written in the lock file, if any.
    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text)
    }
}
