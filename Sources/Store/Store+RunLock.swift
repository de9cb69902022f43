extension Store {
    /// Takes the run lock of this store (`<path>.lock`); see `RunLock.acquire(storePath:wait:)`.
    ///
    /// ```swift
    /// let lock = try store.acquireRunLock(wait: false)   // throws if another run holds it
    /// defer { lock.release() }
    /// ```
    /// - Throws: `StoreError` naming the store and the holder's pid when `wait` is false and
    ///   another run holds the lock.
    public func acquireRunLock(wait: Bool) throws -> RunLock {
        try RunLock.acquire(storePath: path, wait: wait)
    }
}
