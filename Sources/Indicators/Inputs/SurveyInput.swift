import ApenCore

/// One ingested survey source with its codebook and design settings (METHODS.md §2).
///
/// ```swift
/// let input = SurveyInput(table: table, settings: SurveySettings(scales: [ScaleSpec(name: "trust", items: ["q1", "q2"])]))
/// ```
package struct SurveyInput: Sendable, Equatable {
    package var table: Table
    package var settings: SurveySettings

    package init(table: Table, settings: SurveySettings) {
        self.table = table
        self.settings = settings
    }
}
