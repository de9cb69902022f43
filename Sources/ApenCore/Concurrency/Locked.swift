import Foundation

/// A value shared between threads, reachable only inside ``withLock(_:)``: there is no other
/// way to read or write it, so no comment has to say which lock guards what.
///
/// ```swift
/// let seen = Locked<Set<String>>([])
/// DispatchQueue.concurrentPerform(iterations: 4) { i in seen.withLock { _ = $0.insert("w\(i)") } }
/// let count = seen.withLock { $0.count }   // 4
/// ```
///
/// (`Synchronization.Mutex` is the same idea, but needs macOS 15; the package supports 13.)
// @unchecked Sendable: `value` is private and touched only inside `withLock`, under `lock`.
package final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, holding the lock; what `body` returns is returned.
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
