import Foundation

/// The SHA-256 message digest of FIPS 180-4 (§6.2), computed incrementally.
///
/// Åpen names stage results by the content of their inputs, so every input file is hashed
/// once per change (the store caches the digest under the file's size, mtime and inode).
/// The hasher buffers at most one partial 64-byte block; whole blocks of the caller's bytes
/// are compressed in place, without copying, working on 32-bit big-endian words.
///
/// ```swift
/// var h = SHA256()
/// h.update([0x61, 0x62, 0x63] as [UInt8])            // "abc"
/// SHA256.hexString(h.finalize())                      // "ba7816bf…f20015ad"
/// try SHA256.hexOfFile(path: "data/survey.csv")       // streamed in 1 MiB blocks
/// ```
package struct SHA256: Sendable {
    /// The digest length in bytes (256 bits).
    package static let digestCount = 32
    /// The block length in bytes (512 bits).
    package static let blockCount = 64

    // Working state H0…H7 (FIPS 180-4 §5.3.3 initial values).
    private var h0: UInt32 = 0x6a09_e667
    private var h1: UInt32 = 0xbb67_ae85
    private var h2: UInt32 = 0x3c6e_f372
    private var h3: UInt32 = 0xa54f_f53a
    private var h4: UInt32 = 0x510e_527f
    private var h5: UInt32 = 0x9b05_688c
    private var h6: UInt32 = 0x1f83_d9ab
    private var h7: UInt32 = 0x5be0_cd19
    /// Bytes of an incomplete block waiting for more input (always fewer than 64).
    private var pending: [UInt8] = []
    /// Total message length so far, in bytes.
    private var byteCount: UInt64 = 0

    /// A hasher with the FIPS 180-4 initial hash value and no input yet.
    package init() {
        pending.reserveCapacity(SHA256.blockCount)
    }

    /// Appends bytes to the message.
    /// - Complexity: O(n); no allocation besides the one 64-byte pending buffer.
    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0, let base = bytes.baseAddress else { return }
        byteCount &+= UInt64(bytes.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(SHA256.blockCount - pending.count, bytes.count)
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: take))
            offset = take
            guard pending.count == SHA256.blockCount else { return }
            // Copy the full block out of `pending` (which `compress` may not read while mutating self).
            withUnsafeTemporaryAllocation(byteCount: SHA256.blockCount, alignment: 8) { block in
                pending.withUnsafeBytes { block.copyMemory(from: $0) }
                compress(UnsafeRawPointer(block.baseAddress!), blocks: 1)
            }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = (bytes.count - offset) / SHA256.blockCount
        if whole > 0 {
            compress(base + offset, blocks: whole)
            offset += whole * SHA256.blockCount
        }
        if offset < bytes.count {
            pending.append(contentsOf: UnsafeRawBufferPointer(start: base + offset, count: bytes.count - offset))
        }
    }

    /// Appends the bytes of `data` to the message.
    package mutating func update(_ data: Data) {
        data.withUnsafeBytes { update($0) }
    }

    /// Appends `bytes` to the message.
    package mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The 32-byte digest of everything appended so far.
    ///
    /// Pads a copy of the state (FIPS 180-4 §5.1.1: a 1 bit, zeros, the 64-bit big-endian bit
    /// length), so the hasher itself is unchanged and may take more input afterwards.
    package func finalize() -> [UInt8] {
        var copy = self
        let bitLength = byteCount &* 8
        var tail: [UInt8] = [0x80]
        // Pad so that (message + 0x80 + zeros) ≡ 56 mod 64, then 8 length bytes.
        let used = (pending.count + 1) % SHA256.blockCount
        let zeros = used <= 56 ? 56 - used : 64 + 56 - used
        tail.append(contentsOf: repeatElement(0, count: zeros))
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        let savedCount = copy.byteCount
        copy.update(tail)
        copy.byteCount = savedCount
        precondition(copy.pending.isEmpty, "SHA-256 padding did not end on a block boundary")
        var digest = [UInt8]()
        digest.reserveCapacity(SHA256.digestCount)
        for word in [copy.h0, copy.h1, copy.h2, copy.h3, copy.h4, copy.h5, copy.h6, copy.h7] {
            digest.append(UInt8(truncatingIfNeeded: word >> 24))
            digest.append(UInt8(truncatingIfNeeded: word >> 16))
            digest.append(UInt8(truncatingIfNeeded: word >> 8))
            digest.append(UInt8(truncatingIfNeeded: word))
        }
        return digest
    }

    /// Lower-case hexadecimal text of a digest (two characters per byte).
    package static func hexString(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(digest.count * 2)
        for b in digest {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The lower-case hex SHA-256 of `data`.
    ///
    /// ```swift
    /// SHA256.hex(of: Data())   // "e3b0c442…7852b855"
    /// ```
    package static func hex(of data: Data) -> String {
        var h = SHA256()
        h.update(data)
        return hexString(h.finalize())
    }

    /// The lower-case hex SHA-256 of the file at `path`, read in 1 MiB blocks.
    ///
    /// Memory stays at one 1 MiB buffer whatever the file's size.
    /// - Throws: `Diagnostic` naming the path and the system's reason when the file cannot be
    ///   opened or read.
    package static func hexOfFile(path: String) throws -> String {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw Diagnostic(SourceLocation(path: path), "cannot open for hashing: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var hasher = SHA256()
        let bufferSize = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress, bufferSize)
            if n < 0 {
                if errno == EINTR { continue }
                throw Diagnostic(
                    SourceLocation(path: path), "cannot read for hashing: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            hasher.update(UnsafeRawBufferPointer(start: buffer.baseAddress, count: n))
        }
        return hexString(hasher.finalize())
    }

    // MARK: - Compression (FIPS 180-4 §6.2.2)

    /// Round constants K0…K63 (FIPS 180-4 §4.2.2): the first 32 bits of the fractional parts
    /// of the cube roots of the first 64 primes.
    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// Compresses `blocks` consecutive 64-byte blocks starting at `base` into H0…H7.
    private mutating func compress(_ base: UnsafeRawPointer, blocks: Int) {
        var a0 = h0
        var b0 = h1
        var c0 = h2
        var d0 = h3
        var e0 = h4
        var f0 = h5
        var g0 = h6
        var hh0 = h7
        SHA256.k.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                var p = base
                for _ in 0..<blocks {
                    // Message schedule (§6.2.2 step 1): 16 big-endian words, then σ0/σ1 expansion.
                    for t in 0..<16 {
                        w[t] = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self))
                    }
                    for t in 16..<64 {
                        let x = w[t - 15]
                        let y = w[t - 2]
                        let s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >> 3)
                        let s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >> 10)
                        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                    }
                    // Steps 2–3: 64 rounds with Ch, Maj, Σ0, Σ1.
                    var a = a0
                    var b = b0
                    var c = c0
                    var d = d0
                    var e = e0
                    var f = f0
                    var g = g0
                    var h = hh0
                    for t in 0..<64 {
                        let bigS1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                        let ch = (e & f) ^ (~e & g)
                        let t1 = h &+ bigS1 &+ ch &+ k[t] &+ w[t]
                        let bigS0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                        let maj = (a & b) ^ (a & c) ^ (b & c)
                        let t2 = bigS0 &+ maj
                        h = g
                        g = f
                        f = e
                        e = d &+ t1
                        d = c
                        c = b
                        b = a
                        a = t1 &+ t2
                    }
                    // Step 4: the intermediate hash value.
                    a0 = a0 &+ a
                    b0 = b0 &+ b
                    c0 = c0 &+ c
                    d0 = d0 &+ d
                    e0 = e0 &+ e
                    f0 = f0 &+ f
                    g0 = g0 &+ g
                    hh0 = hh0 &+ h
                    p += SHA256.blockCount
                }
            }
        }
        h0 = a0
        h1 = b0
        h2 = c0
        h3 = d0
        h4 = e0
        h5 = f0
        h6 = g0
        h7 = hh0
    }
}

/// Right rotation of a 32-bit word, ROTR^n(x) of FIPS 180-4 §3.2.
@inline(__always)
private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
