/// Dictionary-encodes text cells by their bytes: one `String` per distinct value, not per cell.
///
/// Keys are stored back to back in one byte arena; an open-addressing table of codes (linear
/// probing, FNV-1a hashes, kept at most half full) finds an existing code by comparing bytes.
/// Codes are given in first-seen order, so the dictionary is deterministic for a given file.
///
/// - Complexity: expected O(length) per lookup.
struct ByteInterner {
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    private var slots: [Int32]
    private var mask: Int
    /// The decoded values, indexed by code.
    private(set) var dictionary: [String] = []

    init() {
        slots = Array(repeating: -1, count: 64)
        mask = 63
    }

    var count: Int { dictionary.count }

    /// The code of `b`, adding it (decoded by `decode`) when new.
    mutating func code(_ b: UnsafeBufferPointer<UInt8>, decode: (UnsafeBufferPointer<UInt8>) -> String) -> Int32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in b { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while true {
            let code = slots[slot]
            if code < 0 { break }
            if hashes[Int(code)] == h, equals(Int(code), b) { return code }
            slot = (slot + 1) & mask
        }
        let code = Int32(dictionary.count)
        arena.append(contentsOf: b)
        starts.append(arena.count)
        hashes.append(h)
        dictionary.append(decode(b))
        slots[slot] = code
        if dictionary.count * 2 > slots.count { grow() }
        return code
    }

    private func equals(_ code: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[code]
        let length = starts[code + 1] - start
        guard length == b.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            length == 0 || memcmpBytes(a.baseAddress! + start, b.baseAddress!, length)
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for code in 0..<dictionary.count {
            let h = hashes[code]
            var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(code)
        }
    }
}

@inline(__always)
private func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var i = 0
    while i < n {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
