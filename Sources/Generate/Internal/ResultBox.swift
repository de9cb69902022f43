import Foundation

/// Results of the parallel writers, one slot per kind.
// @unchecked Sendable: every access to `slots` holds `lock`.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<String, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: Result<String, any Error>) {
        lock.lock()
        defer { lock.unlock() }
        slots[i] = r
    }

    func all() -> [Result<String, any Error>?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
