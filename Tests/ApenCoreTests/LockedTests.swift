import Dispatch
import Testing

@testable import ApenCore

struct LockedTests {
    /// Many workers incrementing through `withLock` lose no update.
    @Test func concurrentUpdatesAreAllKept() {
        let box = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<1000 { box.withLock { $0 += 1 } }
        }
        #expect(box.withLock { $0 } == 8000)
    }

    @Test func returnsWhatTheBodyReturnsAndRethrows() {
        struct Boom: Error {}
        let box = Locked([1, 2, 3])
        #expect(box.withLock { $0.removeLast() } == 3)
        #expect(throws: Boom.self) { try box.withLock { _ in throw Boom() } }
        #expect(box.withLock { $0 } == [1, 2])
    }
}
