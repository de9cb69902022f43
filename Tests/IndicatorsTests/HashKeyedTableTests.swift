import Testing

@testable import Indicators

/// The partial states' hash table against Swift's `Dictionary` as the model.
struct HashKeyedTableTests {
    @Test func countsLikeADictionaryThroughGrowthAndKeyZero() {
        // Keys chosen to collide in the low and high bits (multiples of 2³²) and to include
        // 0, the empty-slot marker, which the table keeps beside its slots.
        var keys: [UInt64] = [0, 1, 2, 1 << 32, 2 << 32, 3 << 32, UInt64.max, UInt64.max - 1]
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<5000 {
            x ^= x << 13
            x ^= x >> 7
            x ^= x << 17
            keys.append(x % 3000)  // repeats, so updates as well as inserts
        }
        var table = HashKeyedTable<Int>(filler: -1)
        var model: [UInt64: Int] = [:]
        for (i, k) in keys.enumerated() {
            table.update(k, default: 0) { $0 += i }
            model[k, default: 0] += i
        }
        #expect(table.count == model.count)
        for (k, v) in model { #expect(table[k] == v) }
        #expect(table[12345] == nil)
        var seen: [UInt64: Int] = [:]
        table.forEach { k, v in seen[k] = v }
        #expect(seen == model)
    }

    @Test func updateReturnsWhatTheBodyReturnsAndCanThrow() {
        struct Stop: Error {}
        var table = HashKeyedTable<String>(filler: "", capacity: 100)
        #expect(table.update(7, default: "a") { $0 } == "a")
        #expect(throws: Stop.self) { try table.update(7, default: "b") { if $0 != "b" { throw Stop() } } }
        #expect(table[7] == "a" && table.count == 1)
    }
}

/// The exactness table of hashed ids: the same id twice is fine, another id under a taken hash
/// is a collision naming both, long ids (a 4-byte length) compare whole.
struct HashedIDsTests {
    @Test func sameIDTwiceIsFineAnotherIDIsACollision() throws {
        var ids = HashedIDs()
        try ids.enter("P0301-1", hash: 7)
        try ids.enter("P0301-1", hash: 7)
        try ids.enter("P0301-2", hash: 8)
        #expect(ids.count == 2)
        #expect(throws: HashedIDs.Collision(first: "P0301-1", second: "P0301-10")) {
            try ids.enter("P0301-10", hash: 7)
        }
    }

    @Test func longIDsCompareWhole() throws {
        let long = String(repeating: "x", count: 300)
        var ids = HashedIDs()
        try ids.enter(long, hash: 1)
        try ids.enter("", hash: 2)
        try ids.enter(long, hash: 1)
        // Differs only in its last byte, past the one-byte length's reach.
        #expect(throws: HashedIDs.Collision.self) { try ids.enter(String(long.dropLast()) + "y", hash: 1) }
        #expect(throws: HashedIDs.Collision.self) { try ids.enter(String(long.dropLast()), hash: 1) }
        #expect(throws: HashedIDs.Collision.self) { try ids.enter("a", hash: 2) }
    }

    @Test func uniteEntersEveryIDOfTheOther() throws {
        var a = HashedIDs()
        var b = HashedIDs()
        try a.enter("one", hash: 1)
        try b.enter("one", hash: 1)
        try b.enter(String(repeating: "z", count: 256), hash: 0)
        try a.unite(b)
        #expect(a.count == 2)
        var c = HashedIDs()
        try c.enter("uno", hash: 1)
        #expect(throws: HashedIDs.Collision(first: "one", second: "uno")) { try a.unite(c) }
    }
}
