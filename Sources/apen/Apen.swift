import ApenCore
import ArgumentParser
import Foundation

/// The `apen` command: thin wrappers over the library, one file per subcommand.
///
/// Exit codes are part of the interface (CI jobs read them): 0 success, 1 a run or check
/// failed (bad data beyond `max_rejected`, a failed stage, an indicator drifted), 2 invalid
/// pipeline or usage.
@main
struct Apen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apen",
        abstract: "Openness indicators and reports for open municipalities.",
        discussion: """
            Exit codes: 0 success; 1 run or check failed (bad data beyond max_rejected, \
            a failed stage, an indicator outside its tolerance); 2 invalid pipeline or usage.
            """,
        version: ApenVersion.string,
        subcommands: Apen.commands
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            // ArgumentParser's usage errors exit 64; Åpen promises 2 for every usage error.
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
