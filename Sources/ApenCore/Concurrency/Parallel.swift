import Dispatch

/// The project's one parallel loop: `body(i)` for every `i` in `0..<count` on at most `jobs`
/// Dispatch workers, results in index order.
///
/// Results are in index order whatever the number of workers and whichever worker took an
/// item, so callers that merge them in that order get the same bytes for any `--jobs`
/// (METHODS §1, Determinism). Workers take the next item from a shared counter (a large
/// group does not hold up the items behind it), keep their results locally, and hand them
/// over once, under a ``Locked`` box: no result slot is shared while workers run, so nothing
/// here needs `@unchecked Sendable`.
///
/// The thrown type is the body's: a non-throwing body gives a non-throwing call. The error
/// thrown is that of the lowest index that failed, so it too is the same for any `jobs` (on
/// several workers every item runs; on one, the items after the failure do not).
///
/// ```swift
/// let squares = Parallel.map(count: 4, jobs: 2) { $0 * $0 }          // [0, 1, 4, 9]
/// let rows = try Parallel.map(count: files.count, jobs: 2) { try read(files[$0]) }
/// ```
package enum Parallel {
    /// `body(i)` for each `i` in `0..<count`, results in index order.
    /// - Throws: the error of the lowest index whose `body` threw.
    package static func map<T: Sendable, E: Error>(
        count: Int, jobs: Int, _ body: @Sendable (Int) throws(E) -> T
    ) throws(E) -> [T] {
        try map(count: count, jobs: jobs, scratch: {}) { (i, _: inout Void) throws(E) -> T in try body(i) }
    }

    /// Like `map`, with a scratch value made once per worker and lent to every item that worker
    /// computes (a table indexed by participant, a parser's buffers). The scratch must not carry
    /// information from one item to the next, or results would depend on `jobs`.
    /// - Throws: the error of the lowest index whose `body` threw.
    package static func map<T: Sendable, S, E: Error>(
        count: Int, jobs: Int, scratch: @Sendable () -> S, _ body: @Sendable (Int, inout S) throws(E) -> T
    ) throws(E) -> [T] {
        let workers = max(1, min(jobs, count))
        if workers == 1 {
            var s = scratch()
            var out: [T] = []
            out.reserveCapacity(count)
            for i in 0..<count { out.append(try body(i, &s)) }
            return out
        }
        let next = Locked(0)
        let done = Locked<[(Int, Result<T, E>)]>([])
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var s = scratch()
            var mine: [(Int, Result<T, E>)] = []
            while true {
                let i = next.withLock { n in
                    defer { n += 1 }
                    return n
                }
                if i >= count { break }
                mine.append((i, Result { () throws(E) -> T in try body(i, &s) }))
            }
            done.withLock { $0.append(contentsOf: mine) }
        }
        var results = done.withLock { all in
            defer { all = [] }
            return all
        }
        results.sort { $0.0 < $1.0 }
        var out: [T] = []
        out.reserveCapacity(count)
        for (_, r) in results { out.append(try r.get()) }
        return out
    }

    /// Row ranges of a fixed size (independent of `jobs`), covering `0..<rowCount`: the unit of
    /// work for a parallel pass over a table's rows.
    package static func chunks(rowCount: Int, size: Int = 1 << 16) -> [Range<Int>] {
        stride(from: 0, to: rowCount, by: size).map { $0..<min($0 + size, rowCount) }
    }
}
