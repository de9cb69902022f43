import ApenCore
import Foundation
import Testing

@testable import Store

/// The stat cache in front of SHA-256.
struct StoreFileHashesTests {
    /// Sets a file's modification time (seconds since 1970, plus nanoseconds).
    func setMTime(_ path: String, seconds: Int, nanoseconds: Int = 0) throws {
        var times = [
            timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds),
        ]
        guard utimensat(AT_FDCWD, path, &times, 0) == 0 else { throw POSIXError(.EIO) }
    }

    func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    // Digests from `printf 'municipality,year\n5001,2019\n' | sha256sum` and so on.
    static let v1 = "municipality,year\n5001,2019\n"
    static let v1Hash = "1518e506d45940f987e7f3ba6d6d6b0f01ca2fcb028c1dc3ac968b37586b022f"
    static let v2SameSize = "municipality,year\n5006,2019\n"
    static let v2Hash = "3d1a643f873e97bac30edeb4ce8b6f7b610e6ae467adc20642bfa1319f5d8d60"

    @Test func unchangedFileIsNotReadAgain() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        let csv = dir.file("survey.csv")
        try write(Self.v1, to: csv)
        try setMTime(csv, seconds: 1_600_000_000, nanoseconds: 123_456_789)

        #expect(try store.sha256(ofFile: csv) == Self.v1Hash)
        #expect(store.hashComputations == 1)
        #expect(try store.sha256(ofFile: csv) == Self.v1Hash)
        #expect(store.hashComputations == 1)  // served from the cache

        // Same size, same mtime, new bytes: the cache trusts the stat (proof that it is used).
        try write(Self.v2SameSize, to: csv)
        try setMTime(csv, seconds: 1_600_000_000, nanoseconds: 123_456_789)
        #expect(try store.sha256(ofFile: csv) == Self.v1Hash)
        #expect(store.hashComputations == 1)

        // One nanosecond later: re-hashed.
        try setMTime(csv, seconds: 1_600_000_000, nanoseconds: 123_456_790)
        #expect(try store.sha256(ofFile: csv) == Self.v2Hash)
        #expect(store.hashComputations == 2)

        // A different size with the same mtime: re-hashed.
        try write(Self.v1 + "5001,2020\n", to: csv)
        try setMTime(csv, seconds: 1_600_000_000, nanoseconds: 123_456_790)
        #expect(try store.sha256(ofFile: csv) == SHA256.hex(of: Data((Self.v1 + "5001,2020\n").utf8)))
        #expect(store.hashComputations == 3)
    }

    @Test func replacedFileIsReHashedByInode() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        let csv = dir.file("survey.csv")
        try write(Self.v1, to: csv)
        try setMTime(csv, seconds: 1_600_000_000)
        #expect(try store.sha256(ofFile: csv) == Self.v1Hash)
        // Another file (another inode) renamed over it, with identical size and mtime.
        let other = dir.file("new.csv")
        try write(Self.v2SameSize, to: other)
        try setMTime(other, seconds: 1_600_000_000)
        #expect(rename(other, csv) == 0)
        #expect(try store.sha256(ofFile: csv) == Self.v2Hash)
        #expect(store.hashComputations == 2)
    }

    /// A file written just now is hashed every time (it might be written again in the same tick).
    @Test func freshFileIsNotCached() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        let csv = dir.file("survey.csv")
        try write(Self.v1, to: csv)
        #expect(try store.sha256(ofFile: csv) == Self.v1Hash)
        #expect(try store.sha256(ofFile: csv) == Self.v1Hash)
        #expect(store.hashComputations == 2)
    }

    @Test func cacheSurvivesReopeningAndRelativePaths() throws {
        let dir = try TemporaryDirectory()
        let csv = dir.file("survey.csv")
        try write(Self.v1, to: csv)
        try setMTime(csv, seconds: 1_600_000_000)
        _ = try Store(path: dir.file("store.sqlite")).sha256(ofFile: csv)
        let reopened = try Store(path: dir.file("store.sqlite"))
        #expect(try reopened.sha256(ofFile: dir.path + "/./survey.csv") == Self.v1Hash)
        #expect(reopened.hashComputations == 0)
    }

    @Test func missingFileNamesThePathAndPruneForgetsIt() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        let csv = dir.file("gone.csv")
        try write(Self.v1, to: csv)
        try setMTime(csv, seconds: 1_600_000_000)
        _ = try store.sha256(ofFile: csv)
        try FileManager.default.removeItem(atPath: csv)
        #expect {
            _ = try store.sha256(ofFile: csv)
        } throws: { error in
            "\(error)".hasPrefix(csv + ": ")
        }
        #expect(try store.pruneFileHashes() == 1)
        #expect(try store.pruneFileHashes() == 0)
    }
}
