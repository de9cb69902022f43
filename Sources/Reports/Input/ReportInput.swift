import ApenCore

/// Everything a report is made from. The writer reads nothing else: no clock, no environment.
///
/// The caller (the pipeline runner) fills it from a run: the indicator rows (composite rows
/// `composite.<id>`, `.rank`, `.shift.<component>` included), the catalogue that explains them,
/// per-source data quality, provenance and warnings. The run date is a string the caller
/// chooses (from `SOURCE_DATE_EPOCH` when set), so the same input gives byte-identical files.
///
/// ```swift
/// var input = ReportInput(title: "Åpen kommune", language: .nb, rows: rows, catalogue: BuiltinCatalogue.entries)
/// input.options.focus = ["5001", "5006"]
/// input.provenance.date = "2024-03-01"
/// let written = try ReportWriter.write(input, to: "reports/example")
/// ```
package struct ReportInput: Sendable {
    package var title: String
    package var language: Language
    package var rows: [IndicatorRow]
    /// Catalogue entries; ids may be placeholders (`survey.<scale>.index`).
    package var catalogue: [IndicatorInfo]
    package var options: ReportOptions
    package var quality: [SourceQuality]
    package var provenance: Provenance
    /// Run warnings as data (skipped groups, unknown populations, …), stated in the report's
    /// language, in order.
    package var warnings: [RunWarning]
    /// Comparison-group rows (`municipality` = the group id: `county:50`, `country`,
    /// `country_excl_oslo`, a declared name), when `options.groups.enabled`; written to
    /// `groups.csv` and drawn in the profiles, never in `indicators.csv`.
    package var groupRows: [IndicatorRow] = []
    /// Workers rendering the report's parts and charts (`--jobs`); the files do not depend on it.
    package var jobs = 1

    package init(
        title: String, language: Language, rows: [IndicatorRow], catalogue: [IndicatorInfo],
        options: ReportOptions = ReportOptions(), quality: [SourceQuality] = [],
        provenance: Provenance = Provenance(), warnings: [RunWarning] = []
    ) {
        self.title = title
        self.language = language
        self.rows = rows
        self.catalogue = catalogue
        self.options = options
        self.quality = quality
        self.provenance = provenance
        self.warnings = warnings
    }
}
