import ApenCore
import ArgumentParser
import Indicators

/// `apen indicators` — lists the built-in indicators; `--markdown` prints the reference page
/// that `docs/indicators.md` holds.
struct IndicatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "List the built-in indicators (METHODS.md §2–§5).",
        discussion: "Regenerate the reference page with: apen indicators --markdown --language en > docs/indicators.md"
    )

    @Flag(help: "Print the Markdown reference page instead of a plain list.")
    var markdown = false

    @Option(help: "Language of labels and definitions: nb (bokmål), nn (nynorsk) or en (English).")
    var language: Language = .en

    func run() throws {
        let lang = language
        if markdown {
            print(BuiltinCatalogue.markdown(language: lang), terminator: "")
            return
        }
        let width = BuiltinCatalogue.entries.map(\.id.count).max() ?? 0
        for e in BuiltinCatalogue.entries {
            let pad = String(repeating: " ", count: width - e.id.count)
            print("\(e.id)\(pad)  \(e.label.text(lang))")
        }
    }
}
