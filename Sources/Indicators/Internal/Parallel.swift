import Dispatch

/// Per-item work spread over `jobs` Dispatch workers, results kept in item order.
///
/// Each worker takes items w, w + jobs, w + 2·jobs, … and writes only its own slots, so the
/// merged array is the same for any number of workers (METHODS.md §1, Determinism).
enum Parallel {
    static func map<T: Sendable>(count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let workers = max(1, min(jobs, count))
        if workers <= 1 { return (0..<count).map(body) }
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var i = w
            while i < count {
                slots.store(body(i), at: i)
                i += workers
            }
        }
        return slots.collect()
    }

    /// Like `map`, with a scratch value made once per worker and handed to every item that
    /// worker computes (e.g. a table indexed by participant, reset after each group). The
    /// scratch must not carry information from one item to the next, or results would depend
    /// on `jobs`.
    static func map<T: Sendable, S>(
        count: Int, jobs: Int, scratch: @Sendable () -> S, _ body: @Sendable (Int, inout S) -> T
    ) -> [T] {
        let workers = max(1, min(jobs, count))
        if workers <= 1 {
            var s = scratch()
            return (0..<count).map { body($0, &s) }
        }
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var s = scratch()
            var i = w
            while i < count {
                slots.store(body(i, &s), at: i)
                i += workers
            }
        }
        return slots.collect()
    }
}

// @unchecked Sendable: each index is written by exactly one worker, and read only after
// `concurrentPerform` has returned (which orders the writes before the reads).
private final class Slots<T: Sendable>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    func store(_ value: T, at i: Int) { base[i] = value }

    func collect() -> [T] { (0..<count).map { base[$0]! } }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
}
