import Testing

@testable import ApenCore

struct ParallelTests {
    /// Results come back in index order for any number of workers (squares by hand: i·i).
    @Test(arguments: [1, 2, 3, 8, 100])
    func resultsAreInIndexOrder(jobs: Int) {
        let squares = Parallel.map(count: 1000, jobs: jobs) { $0 * $0 }
        #expect(squares.count == 1000)
        #expect(squares[0] == 0 && squares[7] == 49 && squares[999] == 998_001)
        #expect(squares == (0..<1000).map { $0 * $0 })
    }

    @Test func emptyAndSingleItem() {
        #expect(Parallel.map(count: 0, jobs: 4) { $0 }.isEmpty)
        #expect(Parallel.map(count: 1, jobs: 4) { $0 + 42 } == [42])
    }

    /// The error thrown is the lowest failing index's, whatever `jobs` (with one worker the
    /// items after it are not run: 4 of 50).
    @Test(arguments: [1, 2, 4])
    func throwsTheLowestIndexErrorAfterRunningEveryItem(jobs: Int) {
        struct Failed: Error, Equatable { let index: Int }
        let ran = Locked(0)
        #expect(throws: Failed(index: 3)) {
            _ = try Parallel.map(count: 50, jobs: jobs) { i throws(Failed) -> Int in
                ran.withLock { $0 += 1 }
                if i == 3 || i == 17 || i == 40 { throw Failed(index: i) }
                return i
            }
        }
        #expect(ran.withLock { $0 } == (jobs == 1 ? 4 : 50))
    }

    /// A scratch value is made at most once per worker and lent to every item that worker
    /// computes: with 2 workers, at most 2 scratches for 100 items.
    @Test func scratchIsMadeOncePerWorker() {
        let made = Locked(0)
        let out = Parallel.map(
            count: 100, jobs: 2,
            scratch: { () -> [Int] in
                made.withLock { $0 += 1 }
                return []
            }
        ) { i, buffer -> Int in
            buffer.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: 0...i)
            return buffer.reduce(0, +)  // 0 + 1 + … + i = i(i+1)/2
        }
        #expect(out == (0..<100).map { $0 * ($0 + 1) / 2 })
        #expect((1...2).contains(made.withLock { $0 }))
    }

    @Test func chunksCoverTheRowsInFixedSizes() {
        #expect(Parallel.chunks(rowCount: 10, size: 4) == [0..<4, 4..<8, 8..<10])
        #expect(Parallel.chunks(rowCount: 0, size: 4).isEmpty)
    }
}
