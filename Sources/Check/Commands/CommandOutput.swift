/// What a command prints and how it exits; the executable writes the streams and exits.
public struct CommandOutput: Sendable, Hashable {
    public var stdout: String
    public var stderr: String
    public var exitCode: Int32

    public init(stdout: String = "", stderr: String = "", exitCode: Int32) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
    }

    /// Exit 2 with `reason` on standard error: a usage error, or the check could not be made.
    package static func unusable(_ reason: String) -> CommandOutput {
        CommandOutput(stderr: "error: " + reason + "\n", exitCode: 2)
    }
}
