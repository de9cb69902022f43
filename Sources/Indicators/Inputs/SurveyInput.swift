import ApenCore

/// One ingested survey source with its codebook and design settings (METHODS.md §2).
///
/// ```swift
/// let input = SurveyInput(table: table, settings: SurveySettings(scales: [ScaleSpec(name: "trust", items: ["q1", "q2"])]))
/// ```
public struct SurveyInput: Sendable, Equatable {
    public var table: Table
    public var settings: SurveySettings

    public init(table: Table, settings: SurveySettings) {
        self.table = table
        self.settings = settings
    }
}
