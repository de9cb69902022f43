import Foundation
import Testing

@testable import Store

/// flock-based exclusion between runs.
struct RunLockTests {
    /// Two locks in one process use two open file descriptions, so they exclude each other
    /// exactly as two processes would.
    @Test func secondRunFailsNamingTheStoreAndTheHolder() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file(".apen/store.sqlite"))
        let first = try store.acquireRunLock(wait: false)
        #expect(first.path == dir.file(".apen/store.sqlite.lock"))
        #expect {
            _ = try store.acquireRunLock(wait: false)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix(dir.file(".apen/store.sqlite") + ": ") && text.contains("in use by another apen run")
                && text.contains("pid \(getpid())")
        }
        first.release()
        #expect(!first.isHeld)
        let second = try store.acquireRunLock(wait: false)
        #expect(second.isHeld)
        second.release()
        second.release()  // idempotent
    }

    @Test func releasedWhenDeallocated() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("store.sqlite")
        do { _ = try RunLock.acquire(storePath: path, wait: false) }
        let again = try RunLock.acquire(storePath: path, wait: false)
        #expect(again.isHeld)
    }

    @Test func waitingRunGetsTheLockWhenTheFirstReleases() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("store.sqlite")
        let first = try RunLock.acquire(storePath: path, wait: false)
        let started = Date()
        let waiter = Task.detached { try RunLock.acquire(storePath: path, wait: true) }
        try await Task.sleep(nanoseconds: 200_000_000)
        first.release()
        let second = try await waiter.value
        #expect(second.isHeld)
        #expect(Date().timeIntervalSince(started) >= 0.2)
        // And now the first can no longer take it without waiting.
        #expect(throws: StoreError.self) { _ = try RunLock.acquire(storePath: path, wait: false) }
    }
}
