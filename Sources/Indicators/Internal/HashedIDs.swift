/// The distinct ids of a partial state by their 64-bit hash, which makes hashing them exact:
/// entering a second, different id under a hash already taken throws.
///
/// The ids' bytes live in one arena, each behind its length (one byte, or 0xFF and four
/// bytes for 255 and more), and the table maps a hash to the id's 4-byte offset: 12 bytes a
/// slot and the id's bytes plus one, where a `String` value took 16 bytes a slot (at national
/// scale 10, 2.2 M participant ids: ≈ 80 instead of ≈ 100 MB, and half that while the table grows).
///
/// ```swift
/// var ids = HashedIDs()
/// try ids.enter("P0301-1", hash: 42)   // new
/// try ids.enter("P0301-1", hash: 42)   // the same id: fine
/// try ids.enter("P0301-2", hash: 42)   // throws HashedIDs.Collision
/// ```
struct HashedIDs: Sendable {
    /// Two different ids with the same hash.
    struct Collision: Error, Sendable, Equatable {
        var first: String
        var second: String
    }

    private var offsets = HashKeyedTable<UInt32>(filler: 0)
    private var arena: [UInt8] = []

    var count: Int { offsets.count }

    /// Enters `id` under `hash`.
    /// - Throws: `Collision` when a different id has `hash`.
    mutating func enter(_ id: String, hash: UInt64) throws(Collision) {
        var id = id
        var collision: Collision?
        id.withUTF8 { bytes in
            do throws(Collision) { try enter(bytes, hash: hash) } catch { collision = error }
        }
        if let collision { throw collision }
    }

    /// Enters the id `bytes` (UTF-8) under `hash`.
    /// - Throws: `Collision` when a different id has `hash`.
    mutating func enter(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) throws(Collision) {
        guard arena.count < Int(UInt32.max) - bytes.count - 5 else {
            preconditionFailure("more than 4 GiB of distinct ids in one partial state")
        }
        let next = UInt32(arena.count)
        let offset = offsets.update(hash, default: next) { $0 }
        if offset == next {
            if bytes.count < 255 {
                arena.append(UInt8(bytes.count))
            } else {
                arena.append(0xFF)
                withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { arena.append(contentsOf: $0) }
            }
            arena.append(contentsOf: bytes)
            return
        }
        let same = arena.withUnsafeBufferPointer { a in
            let (start, length) = Self.span(a, Int(offset))
            return length == bytes.count && (0..<length).allSatisfy { a[start + $0] == bytes[$0] }
        }
        if !same {
            throw Collision(first: id(at: Int(offset)), second: String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Enters every id of `other`.
    /// - Throws: `Collision` when the two hashed different ids to the same value.
    mutating func unite(_ other: HashedIDs) throws(Collision) {
        try other.arena.withUnsafeBufferPointer { a throws(Collision) in
            try other.offsets.forEach { hash, offset throws(Collision) in
                let (start, length) = Self.span(a, Int(offset))
                try enter(UnsafeBufferPointer(rebasing: a[start..<start + length]), hash: hash)
            }
        }
    }

    private func id(at offset: Int) -> String {
        arena.withUnsafeBufferPointer { a in
            let (start, length) = Self.span(a, offset)
            return String(decoding: a[start..<start + length], as: UTF8.self)
        }
    }

    /// Where the id at `offset` starts and how long it is.
    private static func span(_ a: UnsafeBufferPointer<UInt8>, _ offset: Int) -> (start: Int, length: Int) {
        guard a[offset] == 0xFF else { return (offset + 1, Int(a[offset])) }
        let length = Int(a[offset + 1]) | Int(a[offset + 2]) << 8 | Int(a[offset + 3]) << 16 | Int(a[offset + 4]) << 24
        return (offset + 5, length)
    }
}
