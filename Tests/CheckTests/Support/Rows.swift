import ApenCore

/// A short constructor for test rows.
func row(
    _ indicator: String, _ municipality: String, _ year: Int, _ value: Double, n: Int = 10, breakdown: String = ""
) -> IndicatorRow {
    IndicatorRow(indicator: indicator, municipality: municipality, year: year, breakdown: breakdown, value: value, n: n)
}
