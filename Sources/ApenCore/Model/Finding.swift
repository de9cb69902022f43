/// One finding a report states (METHODS.md §9): a row of `findings.csv`,
/// `kind,indicator,municipality,year,previous_year,value,previous_value,change,ci_low,ci_high,verdict,method`.
///
/// - `rank`: a composite rank (`value`), the rank the year before (`previous_value`) and the
///   Monte-Carlo rank interval (`ci_low`, `ci_high`); `method` `monte_carlo`.
/// - `foi_rule`: the five-working-day rule (offentleglova § 32) for one municipality (`value` =
///   its share answered within 5 working days; `verdict` `all_answered` or `not_all_answered`),
///   or, with an empty municipality, for all (`value` = the number of municipalities that did
///   not answer every request in time); `method` `offentleglova_32`.
/// - `change`: a change from `previous_year` to `year` that is larger than its uncertainty:
///   `change` = value − previous_value, `ci_low`/`ci_high` its 95 % interval, `verdict`
///   `improvement`/`deterioration` by the indicator's direction or `increase`/`decrease`,
///   `method` `t_difference` or `newcombe`.
package struct Finding: Sendable, Hashable, Codable {
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case rank
        case foiRule = "foi_rule"
        case change
    }

    package var kind: Kind
    package var indicator: String
    package var municipality: String
    package var year: Int
    package var previousYear: Int?
    package var value: Double
    package var previousValue: Double?
    package var change: Double?
    package var ciLow: Double?
    package var ciHigh: Double?
    package var verdict: String
    package var method: String

    package init(
        kind: Kind, indicator: String, municipality: String, year: Int, previousYear: Int? = nil, value: Double,
        previousValue: Double? = nil, change: Double? = nil, ciLow: Double? = nil, ciHigh: Double? = nil,
        verdict: String = "", method: String = ""
    ) {
        self.kind = kind
        self.indicator = indicator
        self.municipality = municipality
        self.year = year
        self.previousYear = previousYear
        self.value = value
        self.previousValue = previousValue
        self.change = change
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.verdict = verdict
        self.method = method
    }

    /// What identifies a finding across runs (`apen diff`): kind, indicator, municipality, year.
    package var key: String { "\(kind.rawValue) \(indicator) \(municipality.isEmpty ? "(all)" : municipality) \(year)" }
}

/// `findings.csv` (METHODS.md §9): the findings a report states, in the order it states them.
package enum FindingsCSV {
    package static let header = [
        "kind", "indicator", "municipality", "year", "previous_year", "value", "previous_value", "change", "ci_low",
        "ci_high", "verdict", "method",
    ]

    /// The CSV text, LF line ends, numbers as in `indicators.csv` (shortest round-trip text).
    package static func render(_ findings: [Finding]) -> String {
        var out = header.joined(separator: ",") + "\n"
        for f in findings {
            var fields = [f.kind.rawValue, IndicatorCSV.quote(f.indicator), IndicatorCSV.quote(f.municipality)]
            fields.append(String(f.year))
            fields.append(f.previousYear.map(String.init) ?? "")
            fields.append(NumberText.shortest(f.value))
            for x in [f.previousValue, f.change, f.ciLow, f.ciHigh] { fields.append(x.map(NumberText.shortest) ?? "") }
            fields.append(IndicatorCSV.quote(f.verdict))
            fields.append(IndicatorCSV.quote(f.method))
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }
}
