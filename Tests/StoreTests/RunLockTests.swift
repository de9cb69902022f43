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

/// What code branches on: a held lock and an unusable lock file are different kinds.
struct RunLockErrorKindTests {
    @Test func heldLockCarriesTheHoldersPid() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        let first = try store.acquireRunLock(wait: false)
        defer { first.release() }
        #expect {
            _ = try store.acquireRunLock(wait: false)
        } throws: { error in
            (error as? StoreError)?.kind == .lockHeld(pid: getpid())
        }
    }

    /// The store announces whom it waits for, once, then waits; releasing the holder from the
    /// announcement lets the wait end without a second thread.
    @Test func waitingAnnouncesTheHolderOnceThenTakesTheLock() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        let first = try store.acquireRunLock(wait: false)
        var said: [String] = []
        let second = try store.acquireRunLock(wait: true) { text in
            said.append(text)
            first.release()
        }
        #expect(said == ["waiting for another apen run (pid \(getpid())) to finish with \(store.path)"])
        #expect(second.isHeld)
    }

    @Test func freeLockIsTakenWithoutAnnouncement() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        var said: [String] = []
        let lock = try store.acquireRunLock(wait: true) { said.append($0) }
        #expect(lock.isHeld)
        #expect(said.isEmpty)
    }

    /// A lock file that cannot be opened is not "another run": no waiting message, its own kind.
    @Test func unusableLockFileIsNotMistakenForAHeldLock() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        try FileManager.default.createDirectory(atPath: store.path + ".lock", withIntermediateDirectories: false)
        var said: [String] = []
        #expect {
            _ = try store.acquireRunLock(wait: true) { said.append($0) }
        } throws: { error in
            if case .lockUnavailable(let code)? = (error as? StoreError)?.kind { return code == EISDIR }
            return false
        }
        #expect(said.isEmpty)
    }
}
