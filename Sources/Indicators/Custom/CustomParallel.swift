import Dispatch

/// Runs work on `jobs` Dispatch workers and returns the results in index order, so callers
/// merge partial results in a fixed order whatever the number of workers (METHODS §1 Determinism).
enum CustomParallel {
    /// `body(i)` for every `i` in `0..<count`, results in index order.
    /// - Throws: the error of the lowest-index item that failed.
    static func map<T: Sendable>(count: Int, jobs: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let workers = max(1, min(jobs, count))
        if workers == 1 { return try (0..<count).map(body) }
        let slots = CustomSlots<Result<T, any Error>>(count: count)
        defer { slots.deallocate() }
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var i = w
            while i < count {
                slots.store(Result { try body(i) }, at: i)
                i += workers
            }
        }
        return try (0..<count).map { try slots.take($0).get() }
    }

    /// Row ranges of a fixed size (independent of `jobs`), covering `0..<rowCount`.
    static func chunks(rowCount: Int, size: Int = 1 << 16) -> [Range<Int>] {
        stride(from: 0, to: rowCount, by: size).map { $0..<min($0 + size, rowCount) }
    }
}

/// One result slot per work item, written once each by disjoint workers and read after all finish.
// @unchecked Sendable: each index is written by exactly one worker before `concurrentPerform` returns.
final class CustomSlots<T>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T?>
    private let count: Int
    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: nil, count: count)
    }
    func store(_ value: T, at i: Int) { base[i] = value }
    func take(_ i: Int) -> T { base[i].take()! }
    func deallocate() {
        base.deinitialize(count: count)
        base.deallocate()
    }
}
