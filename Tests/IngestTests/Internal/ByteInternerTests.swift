import Testing

@testable import Ingest

@Suite struct ByteInternerTests {
    @Test func codesInFirstSeenOrder() {
        var interner = ByteInterner()
        let values = ["p1", "p2", "p1", "", "p3", "p2", ""]
        let codes = values.map { v in withBytes(v) { interner.code($0) { String(decoding: $0, as: UTF8.self) } } }
        #expect(codes == [0, 1, 0, 2, 3, 1, 2])
        #expect(interner.dictionary == ["p1", "p2", "", "p3"])
    }

    /// Many distinct values force the table to grow; every value keeps its code.
    @Test func growsAndKeepsCodes() {
        var interner = ByteInterner()
        let values = (0..<5000).map { "id-\($0 * 7919 % 5000)" }
        for (i, v) in values.enumerated() {
            #expect(withBytes(v) { interner.code($0) { String(decoding: $0, as: UTF8.self) } } == Int32(i))
        }
        for (i, v) in values.enumerated().reversed() {
            #expect(withBytes(v) { interner.code($0) { _ in "unused" } } == Int32(i))
        }
        #expect(interner.count == 5000)
    }
}

extension ByteInternerTests {
    /// Keys of 0–21 bytes (inline up to 8, in the arena beyond) that share prefixes stay apart.
    @Test func shortAndLongKeys() {
        var interner = ByteInterner()
        // Trailing NUL bytes make keys whose padded 8-byte form is equal: the length tells them apart.
        let keys =
            (0...20).map { String(repeating: "a", count: $0) }
            + (0...20).map { String(repeating: "a", count: $0) + "b" }
            + ["a\0", "a\0\0", "\0", "aaaaaaaa\0", "aaaaaaaa\0\0"]
        for (i, k) in keys.enumerated() {
            #expect(withBytes(k) { interner.code($0) { String(decoding: $0, as: UTF8.self) } } == Int32(i))
        }
        for (i, k) in keys.enumerated() {
            #expect(withBytes(k) { interner.code($0) { _ in "unused" } } == Int32(i))
        }
        #expect(interner.dictionary == keys)
    }
}

extension ByteInternerTests {
    /// Repeats of the last key (the one-entry cache) and keys differing only in length.
    @Test func repeatsAndLengths() {
        var interner = ByteInterner()
        let keys = ["5001", "5001", "5001", "", "", "5001", "500", "5001\0", "5001", "0301", "0301"]
        let codes = keys.map { k in withBytes(k) { interner.code($0) { String(decoding: $0, as: UTF8.self) } } }
        #expect(codes == [0, 0, 0, 1, 1, 0, 2, 3, 0, 4, 4])
    }

    /// The last short key is remembered: runs of one value, long keys in between (which are not
    /// remembered) and a key equal in its padded bytes but not in length all keep their codes.
    @Test func runsWithLongKeysBetween() {
        var interner = ByteInterner()
        let keys = [
            "5001", "5001", "participant-1", "5001", "participant-1", "participant-1", "0301", "5001", "0301\0",
        ]
        let codes = keys.map { k in withBytes(k) { interner.code($0) { String(decoding: $0, as: UTF8.self) } } }
        #expect(codes == [0, 0, 1, 0, 1, 1, 2, 0, 3])
        #expect(interner.dictionary == ["5001", "participant-1", "0301", "0301\0"])
    }
}
