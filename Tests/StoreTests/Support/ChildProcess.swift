import Foundation

/// A child process started with `posix_spawn` and reaped with `waitpid`, so a test can kill it
/// and know at once that it is gone (Foundation's `Process` on Linux waits for grandchildren).
final class ChildProcess {
    let pid: pid_t
    private var reaped = false
    /// The write end of the child's stdin, when one was asked for.
    let stdin: FileHandle?

    /// Starts `argv[0]` (an absolute path) with `argv`; stdout and stderr go to /dev/null.
    init(_ argv: [String], withStdin: Bool = false) throws {
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t?
        #else
            var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var fds: [Int32] = [-1, -1]
        if withStdin {
            guard pipe(&fds) == 0 else { throw POSIXError(.EMFILE) }
            posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
            posix_spawn_file_actions_addclose(&actions, fds[1])
        }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, argv[0], &actions, nil, cArgs, environ)
        if withStdin { close(fds[0]) }
        guard rc == 0 else {
            if withStdin { close(fds[1]) }
            throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EINVAL)
        }
        pid = child
        stdin = withStdin ? FileHandle(fileDescriptor: fds[1], closeOnDealloc: true) : nil
    }

    /// Sends SIGKILL and reaps the child.
    func kill() {
        guard !reaped else { return }
        _ = Foundation.kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        reaped = true
    }

    deinit { kill() }
}
