/// Text in the report languages. Nynorsk is optional while the tables are filled; a text
/// without it reads as bokmål in a nynorsk report.
package struct LocalizedText: Sendable, Hashable, Codable {
    package var nb: String
    package var en: String
    package var nn: String?
    package init(nb: String, en: String, nn: String? = nil) {
        self.nb = nb
        self.en = en
        self.nn = nn
    }
    package func text(_ language: Language) -> String {
        switch language {
        case .nb: return nb
        case .nn: return nn ?? nb
        case .en: return en
        }
    }
}

/// Report language: Norwegian bokmål, Norwegian nynorsk or English.
public enum Language: String, Sendable, Codable, CaseIterable {
    case nb, nn, en

    /// Bokmål and nynorsk share the number format (decimal comma, no-break-space groups).
    public var isNorwegian: Bool { self != .en }
}

/// What an indicator's value measures, for formatting and charts.
package enum IndicatorUnit: String, Sendable, Codable {
    case share  // 0…1, shown as a percentage
    case index  // 0…100
    case count
    case ratio
    case perThousand = "per_1000"
    case days
    case workdays
    case coefficient  // alpha, Gini
    case stars  // 0…5
    case rank
    case score  // composite, normalised components
}

/// The catalogue entry of an indicator: what `apen indicators` lists and reports explain.
///
/// `id` may hold a placeholder, e.g. `survey.<scale>.index`, for indicator families.
package struct IndicatorInfo: Sendable, Hashable, Codable {
    package var id: String
    package var family: String
    package var label: LocalizedText
    package var unit: IndicatorUnit
    /// +1 higher is better, −1 lower is better, 0 neutral (a count).
    package var direction: Int
    package var inputs: [String]
    package var definition: LocalizedText
    /// Section of METHODS.md that defines it, e.g. `§2`.
    package var methods: String
    /// The indicator has a standard error and interval.
    package var hasInterval: Bool

    package init(
        id: String, family: String, label: LocalizedText, unit: IndicatorUnit, direction: Int,
        inputs: [String], definition: LocalizedText, methods: String, hasInterval: Bool = false
    ) {
        self.id = id
        self.family = family
        self.label = label
        self.unit = unit
        self.direction = direction
        self.inputs = inputs
        self.definition = definition
        self.methods = methods
        self.hasInterval = hasInterval
    }
}
