/// The fields of the record being parsed, copied out of libcsv's reused entry buffer.
///
/// libcsv hands each field to a callback and then overwrites its buffer, so the fields of a
/// record are appended to one growing byte arena (`bytes`) with their end offsets (`ends`).
/// The arena is reused for every record, so memory depends on the longest record, not on the
/// file. Raw pointers keep the per-field work free of array bounds and exclusivity checks.
struct RecordBuffer {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    private(set) var ends: UnsafeMutablePointer<Int>
    private(set) var endsCapacity: Int
    /// Bytes used in `bytes`.
    private(set) var length = 0
    /// Fields in the current record.
    private(set) var count = 0
    /// Line breaks inside quoted fields of the current record (CRLF counts once).
    var innerLineBreaks = 0

    init() {
        capacity = 4096
        bytes = .allocate(capacity: capacity)
        endsCapacity = 64
        ends = .allocate(capacity: endsCapacity)
    }

    /// Frees the storage; the buffer must not be used afterwards.
    func deallocate() {
        bytes.deallocate()
        ends.deallocate()
    }

    mutating func reset() {
        length = 0
        count = 0
        innerLineBreaks = 0
    }

    mutating func append(_ source: UnsafePointer<UInt8>?, _ n: Int) {
        if length + n > capacity {
            var newCapacity = capacity * 2
            while newCapacity < length + n { newCapacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: bytes, count: length)
            bytes.deallocate()
            bytes = grown
            capacity = newCapacity
        }
        if n > 0, let source { (bytes + length).update(from: source, count: n) }
        length += n
        if count == endsCapacity {
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: endsCapacity * 2)
            grown.update(from: ends, count: count)
            ends.deallocate()
            ends = grown
            endsCapacity *= 2
        }
        ends[count] = length
        count += 1
    }

    /// The bytes of field `i` (0-based, `i < count`).
    @inline(__always)
    func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let start = i == 0 ? 0 : ends[i - 1]
        return UnsafeBufferPointer(start: bytes + start, count: ends[i] - start)
    }
}
