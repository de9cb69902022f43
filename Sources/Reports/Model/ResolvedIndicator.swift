import ApenCore

/// A concrete indicator id with the catalogue entry that explains it.
///
/// `info.id` is the concrete id; `info.label` has the placeholder values filled in
/// (`Åpenhet (trust)`); `entryID` is the catalogue id it came from (`survey.<scale>.index`).
struct ResolvedIndicator: Sendable, Hashable {
    var info: IndicatorInfo
    var entryID: String
    /// True when no catalogue entry matched and the fields were inferred from the id.
    var inferred: Bool
    /// Position of the entry in the catalogue (`Int.max` when inferred): sections follow it.
    var entryIndex: Int = .max
    /// Placeholder values joined (`trust`), so one scale's indicators stay together.
    var captureKey: String = ""

    var id: String { info.id }
    func label(_ language: Language) -> String { info.label.text(language) }
}
