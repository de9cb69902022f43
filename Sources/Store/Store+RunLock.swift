extension Store {
    /// Takes the run lock of this store (`<path>.lock`); see `RunLock.acquire(storePath:wait:)`.
    ///
    /// ```swift
    /// let lock = try store.acquireRunLock(wait: false)   // throws .lockHeld if another run holds it
    /// defer { lock.release() }
    /// let waited = try store.acquireRunLock(wait: true) { print($0) }  // says who it waits for
    /// ```
    /// - Parameters:
    ///   - wait: `false` fails at once when another run holds the lock; `true` waits for it.
    ///   - announce: told once, before waiting, who holds the lock: "waiting for another apen
    ///     run (pid 4242) to finish with .apen/store.sqlite". Not called when the lock is free,
    ///     nor when the lock file cannot be used (that error is thrown instead).
    /// - Throws: `StoreError` `.lockHeld(pid:)` when `wait` is false and another run holds the
    ///   lock; `.lockUnavailable` when the lock file cannot be opened or locked.
    package func acquireRunLock(wait: Bool, announce: (String) -> Void = { _ in }) throws -> RunLock {
        do {
            return try RunLock.acquire(storePath: path, wait: false)
        } catch let error as StoreError where wait {
            guard case .lockHeld(let pid) = error.kind else { throw error }
            announce(
                "waiting for another apen run (\(pid.map { "pid \($0)" } ?? "pid unknown")) to finish with \(path)")
            return try RunLock.acquire(storePath: path, wait: true)
        }
    }
}
