/// Text cells kept as their bytes, in row order, to be interned later (see `ParallelReader`).
///
/// The cells are concatenated in `bytes`; `lengths[row]` is a cell's byte count, `-1` for a
/// missing (empty) cell, which takes no bytes.
struct RawTextColumn: Sendable {
    var bytes: [UInt8] = []
    var lengths: [Int32] = []

    mutating func append(_ cell: UnsafeBufferPointer<UInt8>?) {
        guard let cell else {
            lengths.append(-1)
            return
        }
        bytes.append(contentsOf: cell)
        lengths.append(Int32(cell.count))
    }

    /// Calls `body` with each cell's bytes (`nil` = missing), in row order.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>?) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            var offset = 0
            for n in lengths {
                if n < 0 {
                    body(nil)
                } else {
                    body(UnsafeBufferPointer(rebasing: all[offset..<offset + Int(n)]))
                    offset += Int(n)
                }
            }
        }
    }
}
