import Foundation
import Testing

@testable import ApenCore

/// Expected digests were computed independently with GNU coreutils `sha256sum`, e.g.
/// `printf 'abc' | sha256sum` and
/// `python3 -c "import sys;sys.stdout.buffer.write(bytes(i%251 for i in range(1048641)))" | sha256sum`;
/// the first three are also the FIPS 180-2 appendix examples.
struct SHA256Tests {
    static let vectors: [(String, String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",  // 448 bits
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        // Lengths around the padding edges: 55 bytes fits one block, 56 needs two, 64 exactly one data block.
        (String(repeating: "x", count: 55), "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"),
        (String(repeating: "x", count: 56), "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"),
        (String(repeating: "x", count: 63), "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"),
        (String(repeating: "x", count: 64), "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"),
        (String(repeating: "x", count: 119), "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c"),
        (String(repeating: "x", count: 120), "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98"),
    ]

    @Test(arguments: vectors)
    func knownVector(message: String, expected: String) {
        #expect(SHA256.hex(of: Data(message.utf8)) == expected)
    }

    @Test func millionAs() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hex(of: Data(repeating: UInt8(ascii: "a"), count: 1_000_000)) == expected)
        // The same message fed one byte at a time and in odd chunks through the pending buffer.
        var h = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 37)
        var fed = 0
        while fed + 37 <= 1_000_000 {
            h.update(chunk)
            fed += 37
        }
        for _ in fed..<1_000_000 { h.update([UInt8(ascii: "a")]) }
        #expect(SHA256.hexString(h.finalize()) == expected)
    }

    /// Bytes `i % 251`, so no two 64-byte blocks of the file are equal.
    static func patterned(_ count: Int) -> [UInt8] { (0..<count).map { UInt8($0 % 251) } }

    @Test(arguments: [1, 7, 63, 64, 65, 1000, 65536])
    func chunkingDoesNotMatter(chunk: Int) {
        let bytes = Self.patterned(200_003)
        var h = SHA256()
        var i = 0
        while i < bytes.count {
            let end = min(i + chunk, bytes.count)
            bytes[i..<end].withUnsafeBytes { h.update($0) }
            i = end
        }
        // python3 -c "import sys;sys.stdout.buffer.write(bytes(i%251 for i in range(200003)))" | sha256sum
        #expect(SHA256.hexString(h.finalize()) == "49cbf04ab31e40bccff20650404805fc4a1f508e56d891f406ec592a2176d2e4")
    }

    @Test func finalizeLeavesTheHasherUsable() {
        var h = SHA256()
        h.update(Data("ab".utf8))
        _ = h.finalize()
        h.update(Data("c".utf8))
        #expect(SHA256.hexString(h.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    /// 1 MiB + 65 bytes: spans the 1 MiB read buffer and ends mid-block.
    @Test func fileSpanningReadBlocks() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "apen-sha-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("big.bin").path
        try Data(Self.patterned(1_048_576 + 65)).write(to: URL(fileURLWithPath: path))
        #expect(try SHA256.hexOfFile(path: path) == "df3dce1be4d04ad578de7bb4caca36193389cf341661b5bb4cba9c02572e0eb7")
    }

    @Test func missingFileNamesThePath() {
        do {
            _ = try SHA256.hexOfFile(path: "/nonexistent/apen/x.csv")
            Issue.record("expected an error")
        } catch let d as Diagnostic {
            #expect(d.description.hasPrefix("/nonexistent/apen/x.csv: cannot open"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
