import ApenCore

/// `report: {suppress_below: N}`: which values a report shows as «:» (Statistics Norway's
/// symbol for a suppressed figure) instead of their number. The one place the decision is
/// made — tables, charts, key findings and municipality profiles all ask here; `indicators.csv`
/// keeps every value.
///
/// A value is suppressed when its `n` (the units it summarises: respondents, requests,
/// records, participants, rows) is below N. Composite rows are never suppressed (their `n`
/// counts components, not units), nor rows without a municipality (a year's summary).
///
/// ```swift
/// var options = ReportOptions()
/// options.suppressBelow = 3
/// Suppression.hides(IndicatorRow(indicator: "foi.granted_share", municipality: "5006", year: 2024,
///                                value: 0.5, n: 2), options)   // true
/// ```
package enum Suppression {
    /// What a table cell or chart label shows in place of a suppressed value.
    package static let symbol = ":"

    package static func hides(_ row: IndicatorRow, _ options: ReportOptions) -> Bool {
        guard let limit = options.suppressBelow else { return false }
        if row.municipality.isEmpty || row.indicator.hasPrefix("composite.") { return false }
        return row.n < limit
    }
}
