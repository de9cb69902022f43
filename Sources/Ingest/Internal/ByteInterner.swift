/// Dictionary-encodes text cells by their bytes: one `String` per distinct value, not per cell.
///
/// An open-addressing table (linear probing, at most half full) maps a key's bytes to its
/// code. Each slot holds the key's 32-bit hash, length and code, and the key itself when it
/// has at most 8 bytes (municipality numbers, most ids and categories) — so a lookup usually
/// touches one slot and no other memory. Longer keys live back to back in a byte arena and
/// are compared there. Slots are chosen by the high bits of the hash times 2⁶⁴/φ (Fibonacci
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
    /// padded) when `length <= 8`, else the key's offset in `arena`.
    struct Slot {
        var key: UInt64
        var hash: UInt32
        var length: UInt32
        var code: Int32
        static let empty = Slot(key: 0, hash: 0, length: 0, code: -1)
    }

    private var slots: [Slot]
    private var arena: [UInt8] = []
    /// 64 − log2(table size): a slot index is the top bits of the mixed hash.
    private var shift: UInt64
    /// The decoded values, indexed by code.
    private(set) var dictionary: [String] = []

    init() {
        slots = Array(repeating: .empty, count: 64)
        shift = 58
    }

    var count: Int { dictionary.count }

    /// The code of `b`, adding it (decoded by `decode`) when new.
    mutating func code(_ b: UnsafeBufferPointer<UInt8>, decode: (UnsafeBufferPointer<UInt8>) -> String) -> Int32 {
        let n = b.count
        var key: UInt64 = 0
        let hash: UInt32
        if n <= 8 {
            for i in 0..<n { key |= UInt64(b[i]) << (8 * UInt64(i)) }
            hash = ByteInterner.mix(key ^ (UInt64(n) << 56))
        } else {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
            for c in b { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
            hash = ByteInterner.mix(h)
        }
        let mask = slots.count - 1
        var index = home(hash)
        let found: Int32? = slots.withUnsafeBufferPointer { table in
            while true {
                let s = table[index]
                if s.code < 0 { return nil }
                if s.hash == hash, s.length == UInt32(n) {
                    if n <= 8 {
                        if s.key == key { return s.code }
                    } else if equalsArena(Int(s.key), b) {
                        return s.code
                    }
                }
                index = (index + 1) & mask
            }
        }
        if let found { return found }
        let code = Int32(dictionary.count)
        if n > 8 {
            key = UInt64(arena.count)
            arena.append(contentsOf: b)
        }
        slots[index] = Slot(key: key, hash: hash, length: UInt32(n), code: code)
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

    /// The first slot to probe for `hash`.
    @inline(__always)
    private func home(_ hash: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(hash) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private func equalsArena(_ start: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        arena.withUnsafeBufferPointer { a in
            var i = 0
            while i < b.count {
                if a[start + i] != b[i] { return false }
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
            var index = home(s.hash)
            while slots[index].code >= 0 { index = (index + 1) & mask }
            slots[index] = s
        }
    }
}
