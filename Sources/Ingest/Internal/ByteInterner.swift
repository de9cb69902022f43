/// Dictionary-encodes text cells by their bytes: one `String` per distinct value, not per cell.
///
/// An open-addressing table (linear probing, at most half full) of 16-byte slots maps a key's
/// bytes to its code. Each slot holds a 32-bit tag (28 hash bits and the length, 15 meaning
/// "longer than 8"), the code, and the key itself when it has at most 8 bytes (municipality
/// numbers, most ids and categories) — so a lookup usually touches one slot and no other
/// memory. Longer keys live in a byte arena, each behind a 4-byte length, and are compared
/// there. Slots are chosen by the high bits of the hash times 2⁶⁴/φ (Fibonacci
/// hashing). Codes are given in first-seen order, so the dictionary is deterministic.
///
/// ```swift
/// var interner = ByteInterner()
/// interner.code(bytes("5001")) { String(decoding: $0, as: UTF8.self) }   // 0
/// interner.code(bytes("0301")) { … }                                    // 1
/// interner.code(bytes("5001")) { … }                                    // 0
/// ```
/// - Complexity: expected O(length) per lookup.
struct ByteInterner {
    /// One slot: `code < 0` is empty. `key` is the bytes themselves (little-endian, zero
    /// padded) when the tag's length is at most 8, else the key's offset in `arena`.
    struct Slot {
        var key: UInt64
        /// Hash bits 4…31, length (0…8, or 15 for a longer key) in bits 0…3.
        var tag: UInt32
        var code: Int32
        static let empty = Slot(key: 0, tag: 0, code: -1)
    }

    private var slots: [Slot]
    private var arena: [UInt8] = []
    /// 64 − log2(table size): a slot index is the top bits of the mixed hash.
    private var shift: UInt64
    /// The decoded values, indexed by code.
    private(set) var dictionary: [String] = []
    /// The last short key looked up (its bytes and length) and its code: a column sorted or
    /// grouped by this value (municipality numbers) repeats it row after row, and then the
    /// lookup is one comparison instead of a hash and a probe.
    private var lastKey: UInt64 = 0
    private var lastLength = -1
    private var lastCode: Int32 = -1

    init() {
        slots = Array(repeating: .empty, count: 64)
        shift = 58
    }

    var count: Int { dictionary.count }

    /// The code of `b`, adding it (decoded by `decode`) when new.
    mutating func code(_ b: UnsafeBufferPointer<UInt8>, decode: (UnsafeBufferPointer<UInt8>) -> String) -> Int32 {
        let n = b.count
        var key: UInt64 = 0
        let tag: UInt32
        if n <= 8 {
            for i in 0..<n { key |= UInt64(b[i]) << (8 * UInt64(i)) }
            if n == lastLength, key == lastKey { return lastCode }
            tag = ByteInterner.mix(key ^ (UInt64(n) << 56)) << 4 | UInt32(n)
        } else {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
            for c in b { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
            tag = ByteInterner.mix(h) << 4 | 15
        }
        let mask = slots.count - 1
        var index = home(tag)
        let found: Int32? = slots.withUnsafeBufferPointer { table in
            while true {
                let s = table[index]
                if s.code < 0 { return nil }
                if s.tag == tag {
                    if n <= 8 {
                        if s.key == key { return s.code }
                    } else if equalsArena(Int(s.key), b) {
                        return s.code
                    }
                }
                index = (index + 1) & mask
            }
        }
        if let found {
            if n <= 8 { (lastKey, lastLength, lastCode) = (key, n, found) }
            return found
        }
        let code = Int32(dictionary.count)
        if n > 8 {
            key = UInt64(arena.count)
            withUnsafeBytes(of: UInt32(n).littleEndian) { arena.append(contentsOf: $0) }
            arena.append(contentsOf: b)
        }
        slots[index] = Slot(key: key, tag: tag, code: code)
        if n <= 8 { (lastKey, lastLength, lastCode) = (key, n, code) }
        dictionary.append(decode(b))
        if dictionary.count * 2 > slots.count { grow() }
        return code
    }

    /// A 64-bit finaliser (from MurmurHash3's fmix64) folded to 32 bits.
    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt32 {
        var h = x
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return UInt32(truncatingIfNeeded: h)
    }

    /// The first slot to probe for `tag`.
    @inline(__always)
    private func home(_ tag: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(tag) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Whether the arena key at `start` (a 4-byte little-endian length, then the bytes) is `b`.
    private func equalsArena(_ start: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        arena.withUnsafeBufferPointer { a in
            let length = Int(a[start]) | Int(a[start + 1]) << 8 | Int(a[start + 2]) << 16 | Int(a[start + 3]) << 24
            guard length == b.count else { return false }
            let bytes = start + 4
            var i = 0
            while i < length {
                if a[bytes + i] != b[i] { return false }
                i += 1
            }
            return true
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: .empty, count: old.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for s in old where s.code >= 0 {
            var index = home(s.tag)
            while slots[index].code >= 0 { index = (index + 1) & mask }
            slots[index] = s
        }
    }
}
