import ApenCore
import ArgumentParser

/// The `apen` command: thin wrappers over the library, one file per subcommand.
@main
struct Apen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apen",
        abstract: "Openness indicators and reports for open municipalities.",
        version: ApenVersion.string,
        subcommands: []
    )
}
