import ApenCore
import Foundation

extension Store {
    /// The lower-case hex SHA-256 of a file, read from the stat cache when the file is unchanged.
    ///
    /// The cache (`file_hashes`) is keyed by the absolute path and trusted only while size,
    /// modification time (nanoseconds) and inode all match, so an unchanged 1 GB file is not
    /// re-read on every run, while an edited, replaced or touched file is. A file modified less
    /// than a second before it was hashed is hashed but not cached (a second write in the
    /// same timestamp tick with the same size would otherwise go unnoticed, git's "racy" case),
    /// and neither is a file that changed while it was being read.
    ///
    /// The file is read without holding the store's lock, so several threads may hash at once.
    /// - Throws: `Diagnostic` naming the path when the file cannot be read; `StoreError` from SQLite.
    package func sha256(ofFile path: String) throws -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let before = try FileStat(path: path)
        let cached: String? = try withDatabase { db in
            let s = try db.cached("SELECT size, mtime_ns, inode, sha256 FROM file_hashes WHERE path = ?")
            try s.bind(1, absolute)
            defer { s.reset() }
            guard try s.step() else { return nil }
            let entry = FileStat(size: s.int64(0), mtimeNanoseconds: s.int64(1), inode: s.int64(2))
            return entry == before ? s.text(3) : nil
        }
        if let cached { return cached }

        let digest = try SHA256.hexOfFile(path: path)
        let after = try FileStat(path: path)
        let oldEnough = FileStat.nowNanoseconds() - after.mtimeNanoseconds >= 1_000_000_000
        try withDatabase { db in
            hashComputationCount += 1
            guard before == after, oldEnough else { return }
            let s = try db.cached(
                "INSERT OR REPLACE INTO file_hashes(path, size, mtime_ns, inode, sha256) VALUES (?, ?, ?, ?, ?)")
            try s.bind(1, absolute)
            try s.bind(2, after.size)
            try s.bind(3, after.mtimeNanoseconds)
            try s.bind(4, after.inode)
            try s.bind(5, digest)
            try s.run()
        }
        return digest
    }

    /// Forgets cached hashes of files that no longer exist. Returns how many were removed.
    @discardableResult
    package func pruneFileHashes() throws -> Int {
        try withDatabase { db in
            let paths = try db.prepare("SELECT path FROM file_hashes")
            var gone: [String] = []
            while try paths.step() {
                let p = paths.text(0)
                if (try? FileStat(path: p)) == nil { gone.append(p) }
            }
            guard !gone.isEmpty else { return 0 }
            return try db.transaction {
                let delete = try db.cached("DELETE FROM file_hashes WHERE path = ?")
                for p in gone {
                    try delete.bind(1, p)
                    try delete.run()
                }
                return gone.count
            }
        }
    }
}
