/// An open-addressing table from 64-bit hash keys to values, for the partial states' hashed ids.
///
/// Linear probing, at most ¾ full, slots chosen by the top bits of the key times 2⁶⁴/φ
/// (Fibonacci hashing), so keys that are already hashes spread without a second hash
/// function — Swift's `Dictionary` runs SipHash on every lookup, which was a fifth of the
/// engagement fold's time. Key 0 marks an empty slot; a real key 0 is kept beside the slots.
/// Iteration order is the slot order: callers use it only for order-free results (counts,
/// sets) or sort.
///
/// ```swift
/// var t = HashKeyedTable<Int32>(filler: 0)
/// t.update(42, default: 0) { $0 += 1 }
/// t[42]   // 1
/// ```
struct HashKeyedTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    /// Parallel to `keys`; `filler` in empty slots (no `Optional`, whose tag byte would widen
    /// an 8-byte value's slot to 12 bytes).
    private var values: [Value]
    private let filler: Value
    private var zero: Value?
    /// 64 − log2(slots): a key's first slot is the top bits of key × 2⁶⁴/φ.
    private var shift: UInt64
    private(set) var count = 0

    /// - Parameter filler: any value, stored in the empty slots and never read.
    init(filler: Value, capacity: Int = 0) {
        var slots = 8
        while slots * 3 < capacity * 4 { slots *= 2 }
        self.filler = filler
        keys = Array(repeating: 0, count: slots)
        values = Array(repeating: filler, count: slots)
        shift = UInt64(64 - slots.trailingZeroBitCount)
    }

    subscript(key: UInt64) -> Value? {
        if key == 0 { return zero }
        var i = home(key)
        let mask = keys.count - 1
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Calls `body` with the value of `key`, inserted as `initial` first when absent.
    @inline(__always)
    mutating func update<R, E: Error>(
        _ key: UInt64, default initial: @autoclosure () -> Value, _ body: (inout Value) throws(E) -> R
    ) throws(E) -> R {
        if key == 0 {
            if zero == nil {
                zero = initial()
                count += 1
            }
            return try body(&zero!)
        }
        let mask = keys.count - 1
        var i = home(key)
        while true {
            let k = keys[i]
            if k == key { return try body(&values[i]) }
            if k == 0 { break }
            i = (i + 1) & mask
        }
        if (count + 1) * 4 > keys.count * 3 {
            grow()
            return try update(key, default: initial(), body)
        }
        keys[i] = key
        values[i] = initial()
        count += 1
        return try body(&values[i])
    }

    /// Every (key, value), in slot order.
    func forEach<E: Error>(_ body: (UInt64, Value) throws(E) -> Void) throws(E) {
        if let zero { try body(0, zero) }
        for i in keys.indices where keys[i] != 0 { try body(keys[i], values[i]) }
    }

    @inline(__always)
    private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: filler, count: oldKeys.count * 2)
        shift -= 1
        let mask = keys.count - 1
        for j in oldKeys.indices where oldKeys[j] != 0 {
            var i = home(oldKeys[j])
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = oldKeys[j]
            values[i] = oldValues[j]
        }
    }
}
