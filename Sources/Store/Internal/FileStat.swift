import ApenCore
import Foundation

/// The `stat(2)` fields the file-hash cache compares: size, modification time, inode.
struct FileStat: Equatable {
    var size: Int64
    var mtimeNanoseconds: Int64
    var inode: Int64

    init(size: Int64, mtimeNanoseconds: Int64, inode: Int64) {
        self.size = size
        self.mtimeNanoseconds = mtimeNanoseconds
        self.inode = inode
    }

    /// Stats `path` (following symbolic links).
    /// - Throws: `Diagnostic` naming the path and the system's reason.
    init(path: String) throws {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw Diagnostic(
                SourceLocation(path: path), "cannot read file information: \(String(cString: strerror(errno)))")
        }
        #if canImport(Darwin)
            let t = st.st_mtimespec
        #else
            let t = st.st_mtim
        #endif
        size = Int64(st.st_size)
        mtimeNanoseconds = Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
        inode = Int64(bitPattern: UInt64(st.st_ino))
    }

    /// The wall clock in nanoseconds since 1970, for comparing with file modification times
    /// (file-system time, not a report's "now", so it is not injected).
    static func nowNanoseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }
}
